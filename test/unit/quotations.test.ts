/**
 * Quotations (server/src/core/citations/quotations.ts) and the source text they are checked
 * against (sourceText.ts): finding quoted words in prose, deciding whether they are the source's
 * words (quote-mark style, spacing, elisions and [insertions] allowed), and the closest passage.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { closestPassage, findQuotations, foldQuoteText, quotationInSource } from '../../server/src/core/citations/quotations';
import { paragraphAt, prepareSourceText } from '../../server/src/core/citations/sourceText';
import { ARTICLE } from '../helpers/factBases';
import { builtinKnowledge } from '../helpers/knowledge';

const source = () => builtinKnowledge().sourceTexts.get('frassineti2022')!;
const inSource = (quote: string) => quotationInSource(quote, source().folded);

function quotations(text: string): Array<{ whole: string; inner: string }> {
  return findQuotations(text).map((q) => ({ whole: text.slice(q.start, q.end), inner: text.slice(q.innerStart, q.innerEnd) }));
}

describe('findQuotations', () => {
  it('curly and straight, double and single quotation marks', () => {
    assert.deepEqual(quotations('He said “hello there” and ‘bye now’.'), [
      { whole: '“hello there”', inner: 'hello there' },
      { whole: '‘bye now’', inner: 'bye now' },
    ]);
    assert.deepEqual(quotations('a "straight one" and a \'single one\' here'), [
      { whole: '"straight one"', inner: 'straight one' },
      { whole: '\'single one\'', inner: 'single one' },
    ]);
  });

  it('apostrophes inside words are not quotation marks', () => {
    assert.deepEqual(quotations("Russia's plan and Kim’s ‘new strategic line’ of 2018"), [{ whole: '‘new strategic line’', inner: 'new strategic line' }]);
    assert.deepEqual(quotations('rock ’n’ roll'), []);
  });

  it('a quotation containing a quotation is one quotation', () => {
    assert.deepEqual(quotations('“Kim outlined a ‘new strategic line’ then”'), [{ whole: '“Kim outlined a ‘new strategic line’ then”', inner: 'Kim outlined a ‘new strategic line’ then' }]);
  });

  it('a quotation may start with an elision or an insertion', () => {
    assert.deepEqual(quotations('“…and so on” and "[T]he regime"').map((q) => q.inner), ['…and so on', '[T]he regime']);
  });

  it('unclosed and empty quotations are none', () => {
    assert.deepEqual(quotations('“unclosed quote'), []);
    assert.deepEqual(quotations('a "" b'), []);
  });

  it('looks only between from and to', () => {
    const text = '“one” and “two”';
    assert.deepEqual(findQuotations(text, 6).map((q) => text.slice(q.innerStart, q.innerEnd)), ['two']);
    assert.deepEqual(findQuotations(text, 0, 6).map((q) => text.slice(q.innerStart, q.innerEnd)), ['one']);
  });

  it('an elided decade (’90s written with a straight mark) is not an opening quotation mark', () => {
    assert.deepEqual(quotations("since the '90s and the authors' view"), []);
  });
});

describe('foldQuoteText', () => {
  it('folds quote marks (single and double alike), dashes and spacing', () => {
    assert.equal(foldQuoteText('  “It’s” — a\n\tway – ‘x’ '), "'It's' - a way - 'x'");
  });
});

describe('quotationInSource', () => {
  it('verbatim words', () => {
    assert.equal(inSource('a way for North Korea to benefit economically while accelerating the scope and sophistication'), true);
    assert.equal(inSource('Pyongyang recognised Russia-controlled breakaway republics'), true);
  });

  it('elisions: …, ..., […] and [...]', () => {
    for (const elision of ['…', '...', '[…]', '[...]', '. . .']) {
      const quote = `a way for North Korea to benefit economically ${elision} accelerating the scope and sophistication`;
      assert.equal(inSource(quote), true, quote);
    }
  });

  it('[bracketed] insertions and a changed first capital', () => {
    assert.equal(inSource('a way for [Pyongyang] to benefit economically'), true);
    assert.equal(inSource('[I]t is transactional'), true);
    assert.equal(inSource('A way for North Korea to benefit economically'), true);
  });

  it('quote-mark style, dash style and spacing', () => {
    assert.equal(inSource("Kim outlined a 'new strategic line'"), true);
    assert.equal(inSource('Kim outlined a ‘new strategic line’'), true);
    assert.equal(inSource('It is transactional - a way'), true);
    assert.equal(inSource('It is   transactional —\na way'), true);
  });

  it('changed, negated or added words are not the source’s words', () => {
    assert.equal(inSource('a way for North Korea to benefit politically'), false);
    assert.equal(inSource('a way for North Korea not to benefit economically'), false);
    assert.equal(inSource('Pyongyang recognised the Russia-controlled breakaway republics'), false);
  });

  it('an elision alone quotes nothing', () => {
    assert.equal(inSource('…'), false);
    assert.equal(inSource('[…]'), false);
  });

  it('inner quotation marks swapped, as a quotation inside a quotation requires', () => {
    assert.equal(inSource('Keeping Pyongyang “on side” allows Beijing'), true);
  });
});

describe('closestPassage', () => {
  it('finds the passage of a quotation with one word changed, with its similarity', () => {
    const quote = 'a way for North Korea to benefit politically while accelerating the scope and sophistication';
    const passage = closestPassage(quote, ARTICLE)!;
    assert.equal(passage.text, 'a way for North Korea to benefit economically while accelerating the scope and sophistication');
    assert.equal(ARTICLE.slice(passage.start, passage.end), passage.text);
    assert.ok(passage.similarity >= 0.9 && passage.similarity < 1, String(passage.similarity));
  });

  it('finds the passage of a negated quotation', () => {
    assert.equal(closestPassage('a way for North Korea not to benefit economically', ARTICLE)!.text, 'a way for North Korea to benefit economically');
  });

  it('returns null when no word of the quotation is in the source, or the quotation has no words', () => {
    assert.equal(closestPassage('completely unrelated gibberish vocabulary', ARTICLE), null);
    assert.equal(closestPassage('…', ARTICLE), null);
  });

  it('keeps the source’s word where the quotation changed its last word', () => {
    assert.equal(closestPassage('reviving ties with its Cold War enemies', ARTICLE)!.text, 'reviving ties with its Cold War partners');
  });
});

describe('source text paragraphs', () => {
  const located = (needle: string) => paragraphAt(source(), source().text.indexOf(needle));

  it('numbers body paragraphs from 1 at “After Russia’s invasion of Ukraine”, as the fact base does', () => {
    assert.equal(located('After Russia’s invasion of Ukraine'), 1);
    assert.equal(located('a way for North Korea to benefit economically'), 1);
    assert.equal(located('On 14 July, Pyongyang recognised'), 4);
    assert.equal(located('In 2014, the Russian parliament wrote off'), 9);
    assert.equal(located('marked by Xi’s state visit to North Korea in 2019'), 10);
    assert.equal(located('Keeping Pyongyang ‘on side’'), 12);
  });

  it('the title and byline come before paragraph 1', () => {
    assert.ok(located('North Korea Pokes The Polarization Bear') < 1);
    assert.ok(located('By Francesca Frassineti') < 1);
  });

  it('agrees with every fact’s locator', () => {
    const knowledge = builtinKnowledge();
    for (const fact of knowledge.facts) assert.equal(located(fact.quote), fact.paragraph, fact.id);
  });

  it('numbers paragraphs separated by blank lines, and CRLF texts, the same way', () => {
    const facts = builtinKnowledge().facts;
    const blank = prepareSourceText(ARTICLE.replace(/\n/g, '\n\n'), facts);
    const crlf = prepareSourceText(ARTICLE.replace(/\n/g, '\r\n'), facts);
    for (const s of [blank, crlf]) assert.equal(paragraphAt(s, s.text.indexOf('In 2014, the Russian parliament')), 9);
  });
});
