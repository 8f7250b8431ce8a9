import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { splitSentences } from '../../server/src/core/text/sentences';
import { OPAQUE_CHAR, tokenize } from '../../server/src/core/text/tokens';

function sentences(text: string): string[] {
  const tokens = tokenize(text);
  const out = splitSentences(tokens).map((s) => text.slice(s.start, s.end));
  // Sentences cover every token once, in order.
  const split = splitSentences(tokens);
  for (let i = 1; i < split.length; i++) assert.equal(split[i]!.first, split[i - 1]!.last);
  if (split.length) assert.equal(split[split.length - 1]!.last, tokens.length);
  return out;
}

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks', () => {
    assert.deepEqual(sentences('Kim met Putin. Did it matter? It did! Then talks ended.'), ['Kim met Putin.', 'Did it matter?', 'It did!', 'Then talks ended.']);
  });

  it('does not split after a month abbreviation (Oct. 2019)', () => {
    assert.deepEqual(sentences('Talks collapsed in Oct. 2019. Kim turned to Russia.'), ['Talks collapsed in Oct. 2019.', 'Kim turned to Russia.']);
  });

  it('does not split after a title or an initial', () => {
    assert.deepEqual(sentences('Mr. Moon met Dr. Kim. Then J. R. Smith spoke.'), ['Mr. Moon met Dr. Kim.', 'Then J. R. Smith spoke.']);
  });

  it('does not split after e.g. or U.S. in the middle of a sentence', () => {
    assert.deepEqual(sentences('Sanctions, e.g. on coal, bite. The U.S. position hardened.'), ['Sanctions, e.g. on coal, bite.', 'The U.S. position hardened.']);
  });

  it('keeps a closing quotation mark or bracket with the sentence it ends', () => {
    assert.deepEqual(sentences('He called it “a victory.” The border stayed shut.'), ['He called it “a victory.”', 'The border stayed shut.']);
    assert.deepEqual(sentences('He said "stop." Talks ended.'), ['He said "stop."', 'Talks ended.']);
    assert.deepEqual(sentences('(It was 2019.) Kim met Putin.'), ['(It was 2019.)', 'Kim met Putin.']);
  });

  it('never splits inside a decimal number', () => {
    assert.deepEqual(sentences('Growth was 3.5 per cent. Trade fell 2.1 per cent.'), ['Growth was 3.5 per cent.', 'Trade fell 2.1 per cent.']);
  });

  it('does not split before a lower-case word', () => {
    assert.deepEqual(sentences('It cost approx. ten billion. More followed.'), ['It cost approx. ten billion.', 'More followed.']);
    assert.deepEqual(sentences('The vote was 141 to 5 vs. the previous one. Next.'), ['The vote was 141 to 5 vs. the previous one.', 'Next.']);
  });

  it('splits before a sentence that starts with a number or a quotation', () => {
    assert.deepEqual(sentences('It ended. 2019 saw a summit. “Never again,” he said.'), ['It ended.', '2019 saw a summit.', '“Never again,” he said.']);
  });

  it('does not end a sentence at an ellipsis of dots inside a quotation', () => {
    assert.deepEqual(sentences('He said “we will... see” and left.'), ['He said “we will... see” and left.']);
  });

  it('keeps a citation after the full stop with the sentence it ends, and ends the sentence there', () => {
    const text = `Kim met Putin in 2019.${OPAQUE_CHAR} Talks collapsed in October.`;
    const tokens = tokenize(text);
    for (const t of tokens) if (t.text === OPAQUE_CHAR) t.citation = true;
    assert.deepEqual(splitSentences(tokens).map((s) => text.slice(s.start, s.end)), [`Kim met Putin in 2019.${OPAQUE_CHAR}`, 'Talks collapsed in October.']);
  });

  it('returns the trailing text without final punctuation as a sentence, and nothing for nothing', () => {
    assert.deepEqual(sentences('Kim met Putin. And then'), ['Kim met Putin.', 'And then']);
    assert.deepEqual(sentences(''), []);
    assert.deepEqual(sentences('   '), []);
  });
});
