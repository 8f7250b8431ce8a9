/**
 * Hover on a citation marker (server/src/core/hover.ts, hoverAt): the reference of each cited
 * source and, with a paragraph locator, the quotes of the facts in that paragraph, escaped.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import { escapeMarkdown, hoverAt, type HoverText } from '../../server/src/core/hover';
import type { Knowledge } from '../../server/src/core/match/knowledge';
import { loadKnowledge } from '../../server/src/node/factFiles';
import { knowledgeOf, ODD_FACT_BASE } from '../helpers/factBases';

const knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;
const REFERENCE = 'Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear – Analysis”, East Asia Forum, 2022';
const HEADER = `**Policy Fact Check** · citation\n\n**@frassineti2022** · ${escapeMarkdown(REFERENCE)}`;

const quotesOf = (paragraph: number) => [...new Set(knowledge.facts.filter((f) => f.paragraph === paragraph).map((f) => f.quote))];
const block = (quote: string) => `> ${escapeMarkdown(quote)}`;

/** The hover at the first occurrence of `needle` (plus `delta`), with the text its range covers. */
function hover(text: string, needle: string, delta = 0, k: Knowledge = knowledge): (HoverText & { covered: string }) | null {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in text`);
  const h = hoverAt(k, checkDocument(k, text), at + delta);
  return h && { ...h, covered: text.slice(h.start, h.end) };
}

describe('hover on a citation marker', () => {
  it('[@key, para. 10]: the reference, each quote of the paragraph as a block quote, and where', () => {
    const text = 'In 2019, Xi made a state visit to North Korea [@frassineti2022, para. 10].';
    const h = hover(text, '[@frassineti2022')!;
    assert.equal(h.covered, '[@frassineti2022, para. 10]');
    assert.equal(h.markdown, `${HEADER}\n\n${quotesOf(10).map(block).join('\n\n')}\n\n— para. 10`);
    assert.equal(quotesOf(10).length, 2);
  });

  it('anywhere on the marker, from its first character to its last', () => {
    const text = 'See [@frassineti2022, para. 4] here.';
    const marker = '[@frassineti2022, para. 4]';
    for (const delta of [0, 2, marker.length - 1]) assert.equal(hover(text, marker, delta)?.covered, marker, String(delta));
    assert.equal(hover(text, marker, marker.length), null, 'just after the marker');
  });

  it('shows only the cited paragraph’s quotes, each quote once', () => {
    const text = 'More testing [@frassineti2022, para. 2].';
    const h = hover(text, '[@')!;
    assert.equal(quotesOf(2).length, 2, 'para. 2 has three facts and two quotes');
    for (const quote of quotesOf(2)) assert.equal(h.markdown.split(block(quote)).length - 1, 1, quote);
    for (const other of quotesOf(4)) assert.ok(!h.markdown.includes(block(other)));
  });

  it('a paragraph range shows the quotes of every paragraph in it', () => {
    const h = hover('Background [@frassineti2022, paras. 8–9].', '[@')!;
    assert.equal(h.markdown, `${HEADER}\n\n${[...quotesOf(8), ...quotesOf(9)].map(block).join('\n\n')}\n\n— paras. 8–9`);
  });

  it('a paragraph without facts says so', () => {
    const h = hover('Background [@frassineti2022, para. 5].', '[@')!;
    assert.equal(h.markdown, `${HEADER}\n\nThe fact base has no fact in para. 5.`);
  });

  it('no locator: the number of facts, and how to see their quotes', () => {
    const h = hover('Background [@frassineti2022].', '[@')!;
    assert.ok(h.markdown.startsWith(`${HEADER}\n\n${knowledge.facts.length} facts in the fact base.`), h.markdown);
    assert.ok(h.markdown.includes('para. N'));
    assert.ok(!h.markdown.includes('> '), 'no quotes');
  });

  it('in-text citations and footnote references resolved through their definition', () => {
    const intext = hover('As @frassineti2022 [para. 12] argue, little will change.', '@frassineti2022', 3)!;
    assert.equal(intext.covered, '@frassineti2022 [para. 12]');
    assert.equal(intext.markdown, `${HEADER}\n\n${block(quotesOf(12)[0]!)}\n\n— para. 12`);
    const footnote = hover('Recognised.[^1]\n\n[^1]: @frassineti2022, para. 4.\n', '[^1]', 1)!;
    assert.equal(footnote.covered, '[^1]');
    assert.equal(footnote.markdown, `${HEADER}\n\n${quotesOf(4).map(block).join('\n\n')}\n\n— para. 4`);
  });

  it('several keys: a section per known key, unknown keys left out', () => {
    const text = 'Little will change [see @smith2020, p. 3; @frassineti2022, para. 12].';
    const h = hover(text, '[see')!;
    assert.equal(h.covered, '[see @smith2020, p. 3; @frassineti2022, para. 12]');
    assert.equal(h.markdown, `${HEADER}\n\n${block(quotesOf(12)[0]!)}\n\n— para. 12`);
  });

  it('a marker citing only unknown keys has no citation hover', () => {
    assert.equal(hover('Background [@smith2020, para. 5].', '[@'), null);
    // In a sentence that states a fact, the claim's own hover answers instead.
    const h = hover('In 2019, Xi made a state visit to North Korea [@smith2020].', '[@')!;
    assert.ok(h.markdown.startsWith('**Policy Fact Check**\n\n'), h.markdown);
    assert.ok(!h.markdown.includes('· citation'));
  });

  it('outside the marker, the sentence’s claim hover is unchanged', () => {
    const text = 'On 14 June, Pyongyang recognised the breakaway republics [@frassineti2022, para. 4].';
    const h = hover(text, '14 June')!;
    assert.equal(h.covered, '14 June');
    assert.match(h.markdown, /\*\*Contradicted\.\*\*/);
  });
});

describe('hover on a citation marker: escaping', () => {
  const odd = knowledgeOf(ODD_FACT_BASE, 'odd.yaml');

  it('the reference, the URL and the quotes cannot render links, HTML or emphasis', () => {
    const h = hover('The Ruritanian summit took place in March 2023 [@odd2023, para. 3].', '[@', 0, odd)!;
    assert.equal(h.markdown, [
      '**Policy Fact Check** · citation',
      '',
      '**@odd2023** · A. Writer, “Odd \\*title\\* \\<b\\>x\\</b\\>”, 2023 · https\\://example.org/odd?a=1&b=2',
      '',
      '> The \\*summit\\* took place in March 2023 \\<img src=x\\> \\[link\\](http\\://evil) \\_here\\_.',
      '',
      '— para. 3',
    ].join('\n'));
  });
});
