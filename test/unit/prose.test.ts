import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { extractProse, textToSource, type ProseBlock } from '../../server/src/core/markdown/prose';
import { splitSentences } from '../../server/src/core/text/sentences';
import { CELL_SEPARATOR, OPAQUE_CHAR, tokenize } from '../../server/src/core/text/tokens';

/** For every piece whose text and source lengths agree, the block text is the source text. */
function assertPiecesMapBack(source: string, block: ProseBlock): void {
  const p = block.pieces;
  let previousTextEnd = 0;
  for (let i = 0; i < p.length; i += 4) {
    const [textStart, sourceStart, textLength, sourceLength] = [p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!];
    assert.ok(textStart >= previousTextEnd, 'pieces are in text order and disjoint');
    assert.ok(sourceStart >= 0 && sourceStart + sourceLength <= source.length, 'piece inside the source');
    previousTextEnd = textStart + textLength;
    if (textLength === sourceLength) {
      assert.equal(block.text.slice(textStart, textStart + textLength), source.slice(sourceStart, sourceStart + sourceLength), `piece ${i / 4} of ${JSON.stringify(block.text)}`);
    }
  }
}

function prose(source: string, labels?: { footnotes: string[]; references: string[] }): ProseBlock[] {
  const blocks = extractProse(source, labels);
  for (const b of blocks) assertPiecesMapBack(source, b);
  return blocks;
}

/** The source text a range of a block's text maps to. */
function sourceOf(source: string, block: ProseBlock, phrase: string): string {
  const at = block.text.indexOf(phrase);
  assert.ok(at >= 0, `${JSON.stringify(phrase)} in ${JSON.stringify(block.text)}`);
  return source.slice(textToSource(block, at, 'start'), textToSource(block, at + phrase.length, 'end'));
}

describe('extractProse', () => {
  it('maps a plain paragraph back exactly', () => {
    const source = 'In 2014, the Russian parliament wrote off 90 per cent.';
    const [block] = prose(source);
    assert.equal(block!.kind, 'paragraph');
    assert.equal(block!.text, source);
    assert.equal(sourceOf(source, block!, '90 per cent'), '90 per cent');
  });

  it('joins soft line breaks with a space and maps words on both lines back', () => {
    const source = 'Kim announced victory\nover COVID-19 on 10 August 2022.';
    const [block] = prose(source);
    assert.equal(block!.text, 'Kim announced victory over COVID-19 on 10 August 2022.');
    assert.equal(sourceOf(source, block!, '10 August 2022'), '10 August 2022');
    assert.equal(sourceOf(source, block!, 'victory over'), 'victory\nover');
  });

  it('keeps **bold** across a soft line break as plain text of one block', () => {
    const source = 'In 2014, the Russian parliament **wrote off\n90 per cent** of the debt.';
    const blocks = prose(source);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]!.text, 'In 2014, the Russian parliament wrote off 90 per cent of the debt.');
    assert.ok(!blocks[0]!.text.includes('*'));
    assert.equal(sourceOf(source, blocks[0]!, 'wrote off'), 'wrote off');
    const sentences = splitSentences(tokenize(blocks[0]!.text));
    assert.equal(sentences.length, 1, 'one sentence across the line break');
  });

  it('maps the end of emphasised text to before its closing markup', () => {
    const source = 'It wrote off **80 per cent** of the debt.';
    const [block] = prose(source);
    assert.equal(sourceOf(source, block!, '80 per cent'), '80 per cent');
  });

  it('replaces inline code with one opaque character that maps to the whole code span', () => {
    const source = 'Run `check 14 June` now.';
    const [block] = prose(source);
    assert.equal(block!.text, `Run ${OPAQUE_CHAR} now.`);
    assert.ok(!block!.text.includes('14'));
    assert.equal(sourceOf(source, block!, OPAQUE_CHAR), '`check 14 June`');
  });

  it('leaves inline HTML tags, autolinks, link destinations and images out of the prose', () => {
    const source = 'See <span class="d2019">this</span>, <https://example.org/2018>, [the report](https://example.org/2017 "Title 2016") and ![chart 2015](img/2014.png).';
    const [block] = prose(source);
    for (const year of ['2019', '2018', '2017', '2016', '2015', '2014']) assert.ok(!block!.text.includes(year), `${year} in ${JSON.stringify(block!.text)}`);
    for (const markup of ['<', '>', '](', 'https', 'span']) assert.ok(!block!.text.includes(markup), `${markup} in ${JSON.stringify(block!.text)}`);
    assert.ok(block!.text.includes('this') && block!.text.includes('the report'), 'link text and HTML content stay prose');
  });

  it('reads link text but not reference-style link labels', () => {
    const source = 'See [the 2019 report][r2018].\n\n[r2018]: https://example.org';
    const blocks = prose(source);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]!.text, 'See the 2019 report.');
  });

  it('reads links with any destination as their text, and a script link as the literal text it renders as', () => {
    const source = 'See [the 2019 report](https://bücher.example/ä%20b?q=1), <https://exämple.org/x%y> and [the 2020 one](javascript:alert(1)).';
    const [block] = prose(source);
    assert.equal(block!.text, `See the 2019 report, ${OPAQUE_CHAR} and [the 2020 one](javascript:alert(1)).`);
    assert.equal(sourceOf(source, block!, 'the 2019 report'), 'the 2019 report');
  });

  it('decodes entities and escapes while keeping their source extent', () => {
    const source = 'AT&amp;T paid \\$5 and 90\\% more.';
    const [block] = prose(source);
    assert.equal(block!.text, 'AT&T paid $5 and 90% more.');
    assert.equal(sourceOf(source, block!, '&'), '&amp;');
    assert.equal(sourceOf(source, block!, '90% more'), '90\\% more');
  });

  it('gives headings their own block kind', () => {
    const blocks = prose('# What happened in 2022\n\nText.');
    assert.deepEqual(blocks.map((b) => [b.kind, b.text]), [['heading', 'What happened in 2022'], ['paragraph', 'Text.']]);
  });

  it('reads paragraphs inside lists and block quotes', () => {
    const source = '> Quoted on 14 June.\n\n- First item.\n- Second\n  item.\n\n1. Numbered.';
    const blocks = prose(source);
    assert.deepEqual(blocks.map((b) => b.text), ['Quoted on 14 June.', 'First item.', 'Second item.', 'Numbered.']);
    assert.equal(sourceOf(source, blocks[2]!, 'Second item'), 'Second\n  item');
  });

  it('never reads code blocks, HTML blocks or comments as prose', () => {
    const source = '```\nOn 14 June 2022.\n```\n\n    indented 2021\n\n<div>\nhtml 2020\n</div>\n\n<!-- comment 2019 -->\n\nProse.';
    assert.deepEqual(prose(source).map((b) => b.text), ['Prose.']);
  });

  it('makes each table row one block, cells joined by a separator, with the header row as context', () => {
    const source = '| Event | Date |\n|---|---|\n| Recognition of the republics | 14 June 2022 |\n| Victory over COVID-19 | 10 August 2022 |\n';
    const blocks = prose(source);
    assert.deepEqual(blocks.map((b) => b.kind), ['tableRow', 'tableRow', 'tableRow']);
    const sep = ` ${CELL_SEPARATOR} `;
    assert.equal(blocks[0]!.text, `Event${sep}Date`);
    assert.equal(blocks[0]!.context, '');
    assert.equal(blocks[1]!.text, `Recognition of the republics${sep}14 June 2022`);
    assert.equal(blocks[1]!.context, `Event${sep}Date`);
    assert.equal(blocks[2]!.context, `Event${sep}Date`);
    assert.equal(sourceOf(source, blocks[1]!, '14 June 2022'), '14 June 2022');
  });

  it('reads escaped pipes and inline markup inside table cells', () => {
    const source = '| A \\| B | **C** `x` |\n|---|---|\n| 90\\% | [link](https://e.org/2019) |\n';
    const blocks = prose(source);
    assert.equal(blocks[0]!.text, `A | B ${CELL_SEPARATOR} C ${OPAQUE_CHAR}`);
    assert.equal(blocks[1]!.text, `90% ${CELL_SEPARATOR} link`);
    assert.equal(sourceOf(source, blocks[1]!, '90%'), '90\\%');
  });

  it('keeps the header of one table from being the context of the next', () => {
    const blocks = prose('| H1 |\n|---|\n| a |\n\nText.\n\n| H2 |\n|---|\n| b |\n');
    const rows = blocks.filter((b) => b.kind === 'tableRow');
    assert.deepEqual(rows.map((b) => [b.text, b.context]), [['H1', ''], ['a', 'H1'], ['H2', ''], ['b', 'H2']]);
  });

  it('marks footnote references as opaque and footnote definitions with their label', () => {
    const source = 'Kim met Putin in 2019.[^met]\n\n[^met]: As reported on 25 April 2019.\n';
    const blocks = prose(source);
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0]!.text, `Kim met Putin in 2019.${OPAQUE_CHAR}`);
    assert.equal(blocks[0]!.footnote, null);
    assert.deepEqual(blocks[0]!.footnoteRefs.map((r) => r.label), ['met']);
    const at = blocks[0]!.text.indexOf(OPAQUE_CHAR);
    assert.equal(sourceOf(source, blocks[0]!, OPAQUE_CHAR), '[^met]');
    assert.equal(at, blocks[0]!.text.length - 1);
    assert.equal(blocks[1]!.text, 'As reported on 25 April 2019.');
    assert.equal(blocks[1]!.footnote, 'met');
  });

  it('resolves footnote references defined in another chunk through the document labels', () => {
    const alone = prose('Text.[^far]');
    assert.equal(alone[0]!.text, 'Text.[^far]', 'without the label, the reference is literal text');
    const [block] = prose('Text.[^far]', { footnotes: ['far'], references: [] });
    assert.equal(block!.text, `Text.${OPAQUE_CHAR}`);
    assert.deepEqual(block!.footnoteRefs.map((r) => r.label), ['far']);
  });

  it('resolves reference links defined in another chunk through the document labels', () => {
    const [block] = prose('See [the report][ref 2019].', { footnotes: [], references: ['ref 2019'] });
    assert.equal(block!.text, 'See the report.');
  });

  it('maps offsets in CRLF documents back exactly', () => {
    const source = 'First line\r\nsecond line on 14 June.\r\n\r\n- item 2019\r\n';
    const blocks = prose(source);
    assert.deepEqual(blocks.map((b) => b.text), ['First line second line on 14 June.', 'item 2019']);
    assert.equal(sourceOf(source, blocks[0]!, '14 June'), '14 June');
    assert.equal(sourceOf(source, blocks[1]!, '2019'), '2019');
  });

  it('maps offsets after non-ASCII text (UTF-16 code units)', () => {
    const source = 'Émile 🎉 said Kim met Putin in 2019.';
    const [block] = prose(source);
    assert.equal(sourceOf(source, block!, '2019'), '2019');
    assert.equal(textToSource(block!, block!.text.indexOf('2019'), 'start'), source.indexOf('2019'));
  });
});
