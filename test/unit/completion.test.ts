/**
 * Citation completions (server/src/core/completion.ts): after "[@", after "@" in brackets and in
 * running text, and after "[^" (footnote items carry an edit appending the definition).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import { citationCompletions, type CitationCompletion } from '../../server/src/core/completion';
import { escapeMarkdown } from '../../server/src/core/hover';
import type { TextEdit } from '../../server/src/core/types';
import { loadKnowledge } from '../../server/src/node/factFiles';
import { knowledgeOf, ODD_FACT_BASE } from '../helpers/factBases';

const knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;
const FACTS = knowledge.facts.length;
const REFERENCE = 'Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear – Analysis”, East Asia Forum, 2022';

/** Completions with the cursor at the "|" of `marked` (or at the end). */
function complete(marked: string, labels: string[] = [], k = knowledge): { text: string; offset: number; items: CitationCompletion[] } {
  const offset = marked.includes('|') ? marked.indexOf('|') : marked.length;
  const text = marked.replace('|', '');
  return { text, offset, items: citationCompletions(k, { text, offset, footnoteLabels: new Set(labels) }) };
}

/** The document after choosing `item`: its main edit and its additional edits, applied as LSP applies them. */
function choose(text: string, item: CitationCompletion): string {
  const edits: TextEdit[] = [{ start: item.replaceStart, end: item.replaceEnd, newText: item.insertText }, ...item.additionalEdits];
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    assert.ok(e.start >= at, 'edits overlap');
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

describe('completion after "[@"', () => {
  it('offers the source, then every fact with its paragraph, replacing nothing when nothing is typed', () => {
    const { offset, items } = complete('North Korea recognised them [@');
    assert.equal(items.length, 1 + FACTS);
    const [source, ...facts] = items;
    assert.deepEqual(
      { label: source!.label, kind: source!.kind, insertText: source!.insertText, detail: source!.detail, documentation: source!.documentation },
      { label: 'frassineti2022', kind: 'source', insertText: 'frassineti2022', detail: 'North Korea Pokes The Polarization Bear – Analysis', documentation: escapeMarkdown(REFERENCE) },
    );
    for (const item of items) {
      assert.equal(item.replaceStart, offset);
      assert.equal(item.replaceEnd, offset);
      assert.deepEqual(item.additionalEdits, []);
    }
    assert.deepEqual(facts.map((f) => f.kind), facts.map(() => 'fact'));
    assert.deepEqual(facts.map((f) => f.label), knowledge.facts.map((f) => `frassineti2022, para. ${f.paragraph}`));
    assert.deepEqual(facts.map((f) => f.detail), knowledge.facts.map((f) => f.claim));
  });

  it('sorts the source first and the facts in the fact base’s order', () => {
    const { items } = complete('[@');
    const sorted = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    assert.deepEqual(sorted.map((i) => i.label), items.map((i) => i.label));
    assert.equal(sorted[0]!.kind, 'source');
  });

  it('a fact item inserts the key with its locator, documents the quote, and filters by key and claim', () => {
    const { text, items } = complete('Pyongyang recognised them [@');
    const recognition = knowledge.facts.find((f) => f.id === 'recognition-breakaway-republics')!;
    const item = items.find((i) => i.detail === recognition.claim)!;
    assert.equal(item.insertText, 'frassineti2022, para. 4');
    assert.equal(choose(text, item), 'Pyongyang recognised them [@frassineti2022, para. 4');
    assert.ok(item.documentation.startsWith(`> ${escapeMarkdown(recognition.quote)}\n\n`), item.documentation);
    assert.ok(item.documentation.includes('para. 4'));
    assert.ok(item.filterText.startsWith('frassineti2022 '));
    assert.ok(item.filterText.includes(recognition.claim));
  });

  it('replaces the part of the key typed so far', () => {
    const { text, offset, items } = complete('See [@fra');
    assert.equal(items.length, 1 + FACTS);
    for (const item of items) assert.deepEqual([item.replaceStart, item.replaceEnd], [offset - 3, offset]);
    assert.equal(choose(text, items[0]!), 'See [@frassineti2022');
  });

  it('the cursor inside an existing key: replaces only up to the cursor', () => {
    const { text, items } = complete('See [@fr|ass].');
    assert.deepEqual([items[0]!.replaceStart, items[0]!.replaceEnd], [text.indexOf('fr'), text.indexOf('fr') + 2]);
  });
});

describe('completion after "@" in brackets and in running text', () => {
  it('a later key of a bracketed citation', () => {
    const { offset, items } = complete('Text [see @a, p. 3; @');
    assert.equal(items.length, 1 + FACTS);
    assert.equal(items[0]!.replaceStart, offset);
  });

  it('in running text, at the start of a document and after an opening parenthesis', () => {
    for (const marked of ['As @', 'As @fr', '@', '(@fras']) {
      const { items } = complete(marked);
      assert.equal(items.length, 1 + FACTS, marked);
    }
  });

  it('none after an e-mail address or a word', () => {
    for (const marked of ['Write to me@example.com', 'Write to me@', 'email me@exa', 'a.b@c']) {
      assert.deepEqual(complete(marked).items, [], marked);
    }
  });

  it('none in plain text, after "[" alone, or after a space following "@"', () => {
    for (const marked of ['Plain text', 'See [', 'See @ now']) assert.deepEqual(complete(marked).items, [], marked);
  });
});

describe('completion after "[^"', () => {
  it('offers one footnote per fact, inserting the label and its closing bracket', () => {
    const { text, offset, items } = complete('North Korea recognised them.[^');
    assert.equal(items.length, FACTS);
    for (const item of items) {
      assert.equal(item.kind, 'fact');
      assert.deepEqual([item.replaceStart, item.replaceEnd], [offset, offset]);
      assert.match(item.label, /^frassineti2022-p\d+$/);
      assert.equal(item.insertText, `${item.label}]`);
    }
    assert.deepEqual(items.map((i) => i.label), knowledge.facts.map((f) => `frassineti2022-p${f.paragraph}`));
    assert.ok(text.endsWith('[^'));
  });

  it('each fact item carries an additional edit appending the definition at the end of the document', () => {
    const marked = 'North Korea recognised them.[^';
    const { text, items } = complete(marked);
    const item = items.find((i) => i.label === 'frassineti2022-p4')!;
    const quote = knowledge.facts.find((f) => f.claim === item.detail)!.quote;
    assert.equal(item.additionalEdits.length, 1);
    assert.deepEqual([item.additionalEdits[0]!.start, item.additionalEdits[0]!.end], [text.length, text.length]);
    // No final line break: the definition is separated by a blank line.
    assert.equal(choose(text, item), `North Korea recognised them.[^frassineti2022-p4]\n\n[^frassineti2022-p4]: ${REFERENCE}, para. 4: “${quote}”\n`);
  });

  it('a document ending with a line break gets one line break before the definition', () => {
    const { text, items } = complete('Recognised them.[^|\n\nMore text.\n');
    const item = items.find((i) => i.label === 'frassineti2022-p9')!;
    const chosen = choose(text, item);
    assert.ok(chosen.startsWith('Recognised them.[^frassineti2022-p9]\n\nMore text.\n\n[^frassineti2022-p9]: '), chosen);
    assert.equal(chosen.split('\n\n\n').length, 1, 'no double blank line');
  });

  it('the closing bracket is not inserted again when it is already there', () => {
    const { text, items } = complete('Recognised them.[^|]\n');
    const item = items.find((i) => i.label === 'frassineti2022-p4')!;
    assert.equal(item.insertText, 'frassineti2022-p4');
    assert.ok(choose(text, item).startsWith('Recognised them.[^frassineti2022-p4]\n'));
  });

  it('the chosen footnote resolves to its source and paragraph when the document is checked', () => {
    const { text, items } = complete('In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt.[^');
    const chosen = choose(text, items.find((i) => i.label === 'frassineti2022-p9')!);
    const result = checkDocument(knowledge, chosen);
    const marker = result.citations.find((c) => c.kind === 'footnote')!;
    assert.deepEqual(marker.sources.map((s) => [s.key, s.locator?.from]), [['frassineti2022', 9]]);
    assert.ok(!result.findings.some((f) => f.code === 'unsupported-citation' || f.code === 'wrong-locator' || f.code === 'unknown-citation'));
  });

  it('labels already defined come first, without an edit, and their facts are not offered again', () => {
    const { offset, items } = complete('Text [^fr', ['note1', 'frassineti2022-p4']);
    const defined = items.filter((i) => i.kind === 'footnote');
    assert.deepEqual(defined.map((i) => [i.label, i.insertText, i.additionalEdits.length]), [['note1', 'note1]', 0], ['frassineti2022-p4', 'frassineti2022-p4]', 0]]);
    for (const item of items) assert.deepEqual([item.replaceStart, item.replaceEnd], [offset - 2, offset]);
    assert.ok(!items.some((i) => i.kind === 'fact' && i.label === 'frassineti2022-p4'));
    assert.equal(items.filter((i) => i.kind === 'fact').length, knowledge.facts.filter((f) => f.paragraph !== 4).length);
    const sorted = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    assert.equal(sorted[0]!.kind, 'footnote');
  });

  it('none when the label typed so far has a space', () => {
    assert.deepEqual(complete('Text [^a b').items, []);
  });
});

describe('completion documentation is escaped Markdown', () => {
  const odd = knowledgeOf(ODD_FACT_BASE, 'odd.yaml');

  it('quotes and references from a fact base cannot inject links, HTML or emphasis', () => {
    const { items } = complete('[@', [], odd);
    assert.equal(items.length, 2);
    assert.equal(items[0]!.documentation, 'A. Writer, “Odd \\*title\\* \\<b\\>x\\</b\\>”, 2023');
    assert.ok(items[1]!.documentation.startsWith('> The \\*summit\\* took place in March 2023 \\<img src=x\\> \\[link\\](http\\://evil) \\_here\\_.\n\n'), items[1]!.documentation);
    const footnotes = complete('[^', [], odd).items;
    assert.equal(footnotes[0]!.documentation, items[1]!.documentation);
  });
});
