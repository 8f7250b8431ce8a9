/**
 * The chunker's contract: a chunk parses the same on its own (given the document's footnote and
 * reference labels) as inside the whole document, so that caching per chunk is safe.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RUNS } from '../helpers/property';
import { resplitChunks, splitChunks, type ChunkSplit } from '../../server/src/core/markdown/chunks';
import { extractProse, type ProseBlock } from '../../server/src/core/markdown/prose';
import { markdownParser } from '../../server/src/core/markdown/parser';
import { PieceText } from '../../server/src/core/text/pieceText';
import { applyEdit, edit, editRange, lineEnd, markdownBody, markdownDocument, withLineEnds } from '../helpers/arbitraries';

interface Seen {
  kind: string;
  text: string;
  context: string;
  footnote: string | null;
  /** Source ranges of the pieces, in document offsets. */
  sources: string;
}

function seen(blocks: ProseBlock[], offset: number): Seen[] {
  return blocks.map((b) => {
    const sources: string[] = [];
    for (let i = 0; i < b.pieces.length; i += 4) sources.push(`${b.pieces[i + 1]! + offset}+${b.pieces[i + 3]}`);
    return { kind: b.kind, text: b.text, context: b.context, footnote: b.footnote, sources: sources.join(' ') };
  });
}

function documentLabels(text: string) {
  return splitChunks(text).labels;
}

function chunked(text: string): Seen[] {
  const doc = splitChunks(text);
  const labels = documentLabels(text);
  return doc.chunks.flatMap((c) => seen(extractProse(text.slice(c.start, c.end), labels), c.start));
}

/** The prose of the whole document after its front matter (which the chunker sets apart on purpose). */
function whole(text: string): Seen[] {
  const fm = splitChunks(text).frontMatter;
  const from = fm ? fm.end : 0;
  return seen(extractProse(text.slice(from)), from);
}

/** PROPERTY_RUNS=2000 for a deeper search. */

describe('splitChunks', () => {
  it('covers the document after any front matter: chunks are ordered, disjoint and leave out only blank lines', () => {
    fc.assert(fc.property(markdownBody, lineEnd, (body, eol) => {
      const text = withLineEnds(body, eol);
      const doc = splitChunks(text);
      let at = doc.frontMatter ? doc.frontMatter.end : 0;
      if (doc.frontMatter) assert.equal(doc.frontMatter.start, 0);
      for (const c of doc.chunks) {
        assert.ok(c.start >= at && c.end > c.start && c.end <= text.length);
        assert.equal(text.slice(at, c.start).trim(), '', 'only blank lines between chunks');
        at = c.end;
      }
      assert.equal(text.slice(at).trim(), '');
    }), { numRuns: RUNS });
  });

  it('extracts the same prose chunk by chunk as from the whole document', () => {
    fc.assert(fc.property(markdownBody, lineEnd, (body, eol) => {
      const text = withLineEnds(body, eol);
      assert.deepEqual(chunked(text), whole(text));
    }), { numRuns: RUNS });
  });

  it('splits a document read in pieces exactly as in one parse, labels and their order included', () => {
    fc.assert(fc.property(markdownDocument, fc.integer({ min: 1, max: 200 }), (text, pieceSize) => {
      assert.deepEqual(splitChunks(text, pieceSize), splitChunks(text, Infinity));
    }), { numRuns: RUNS });
  });

  it('keeps the first definition of a label read in an earlier piece, and numeric labels first as one parse does', () => {
    const text = '[b]: /one\n\n[^n]: A note.\n\nText.\n\n[^m]: Other.\n\n[2]: /two\n\n[b]: /again\n\n[^n]: Again.\n\n[1]: /three\n';
    for (const pieceSize of [1, 10, 30]) assert.deepEqual(splitChunks(text, pieceSize), splitChunks(text, Infinity));
    assert.deepEqual(splitChunks(text, 1).labels, { footnotes: ['n', 'm'], references: ['1', '2', 'B'] });
  });

  it('reads a block longer than a piece whole: a fence with blank lines, a loose list', () => {
    const fence = `Intro.\n\n\`\`\`\n${'code\n\n'.repeat(50)}\`\`\`\n\nAfter.\n`;
    const list = `Intro.\n\n${'- item on 14 June\n\n'.repeat(50)}After.\n`;
    for (const text of [fence, list]) {
      const pieced = splitChunks(text, 8);
      assert.deepEqual(pieced, splitChunks(text, Infinity));
      assert.equal(pieced.chunks.length, 3);
    }
  });

  it('collects only reference definitions that start a block, not "[label]:" lines inside a paragraph', () => {
    const text = 'Kim met Putin in 2019.\n[ref]: https://example.org "t"\n\nSee [ref].\n';
    assert.deepEqual(documentLabels(text).references, []);
    assert.deepEqual(chunked(text), whole(text));
  });

  it('collects footnote and reference definitions inside list items and block quotes', () => {
    const text = 'Kim met Putin[^2018].\n\n- [^2018]: A note.\n';
    assert.deepEqual(documentLabels(text).footnotes, ['2018']);
    assert.deepEqual(chunked(text), whole(text));
  });

  it('closes a fence only with a line of the fence’s own container, as CommonMark does', () => {
    for (const text of [
      '- ```\n  code\n\n```\nfoo\n\nIn 2018, Kim met Russian President Vladimir Putin.\n',
      '~~~\n\n> ~~~\n\nIn 2018, Kim met Russian President Vladimir Putin.\n',
    ]) assert.deepEqual(chunked(text), whole(text), JSON.stringify(text));
  });

  it('splits an edited text the same reusing the previous split as from scratch, after any sequence of edits', () => {
    fc.assert(fc.property(markdownDocument, fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => {
      let text = start;
      let split: ChunkSplit = resplitChunks(null, text);
      assert.deepEqual(split.doc, splitChunks(text));
      for (const e of edits) {
        const previous = split;
        text = applyEdit(text, e);
        split = resplitChunks(split, text);
        assert.deepEqual(split.doc, splitChunks(text), `after an edit: ${JSON.stringify(text)}`);
        // A chunk said to be a previous one has that chunk's text.
        split.doc.chunks.forEach((chunk, c) => {
          const was = split === previous ? c : split.previousIndex?.[c] ?? -1;
          if (was < 0) return;
          const old = previous.doc.chunks[was]!;
          assert.equal(text.slice(chunk.start, chunk.end), previous.text!.slice(old.start, old.end), `chunk ${c} (was ${was}) after an edit: ${JSON.stringify(text)}`);
        });
      }
    }), { numRuns: RUNS * 2 });
  });

  it('splits the same from the edits (a text in pieces and the range each changed) as from scratch', () => {
    fc.assert(fc.property(markdownDocument, fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => {
      let text = start;
      const pieces = new PieceText(start);
      let split: ChunkSplit = resplitChunks(null, pieces);
      for (const e of edits) {
        const { start: from, end } = editRange(text.length, e);
        text = applyEdit(text, e);
        pieces.replace(from, end, e.insert);
        split = resplitChunks(split, pieces, { start: from, oldEnd: end, newEnd: from + e.insert.length });
        assert.deepEqual(split.doc, splitChunks(text), `after an edit: ${JSON.stringify(text)}`);
      }
    }), { numRuns: RUNS * 2 });
  });

  it('re-parses only around an edit: a character typed in the middle of a long document', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says that in 2019 Kim met Putin.${i % 50 === 0 ? ` See [^n${i}].\n\n[^n${i}]: A note.` : ''}`);
    const text = `${paragraphs.join('\n\n')}\n`;
    const at = text.indexOf('Paragraph 200 ') + 3;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const before = resplitChunks(null, text);
    // Count what the block parser is given while the edited text is split.
    const block = markdownParser().block;
    const parse = block.parse;
    let parsed = 0;
    block.parse = function (src, ...rest) { parsed += src.length; return parse.call(this, src, ...rest); };
    let after: ChunkSplit;
    try { after = resplitChunks(before, edited); } finally { block.parse = parse; }
    assert.ok(parsed > 0 && parsed < text.length / 20, `parsed ${parsed} of ${text.length} characters`);
    assert.deepEqual(after.doc, splitChunks(edited));
    assert.equal(after.doc.labels.footnotes.length, 8);
    assert.equal(after.chunkLabels?.length, after.doc.chunks.length);
    // All but the chunks around the edit are the previous ones, so their results can be kept.
    const reparsedChunks = [...(after.previousIndex ?? [])].filter((was) => was < 0).length;
    assert.ok(reparsedChunks >= 1 && reparsedChunks <= 3, `${reparsedChunks} chunks parsed again`);
    // The next edit reads only the chunks around it: the labels of the others are kept.
    const again = `${edited.slice(0, at + 1)}y${edited.slice(at + 1)}`;
    parsed = 0;
    block.parse = function (src, ...rest) { parsed += src.length; return parse.call(this, src, ...rest); };
    let resplit: ChunkSplit;
    try { resplit = resplitChunks(after, again); } finally { block.parse = parse; }
    assert.ok(parsed > 0 && parsed < 400, `parsed ${parsed} characters`);
    assert.deepEqual(resplit.doc, splitChunks(again));
  });

  it('re-parses only a little further when an edit joins the chunk after it: text typed on the blank line between two paragraphs', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says that in 2019 Kim met Putin.`);
    const text = `${paragraphs.join('\n\n')}\n`;
    const blank = text.indexOf('Paragraph 201 ') - 1;
    const cases = [
      `${text.slice(0, blank)}x${text.slice(blank)}`, // joins paragraphs 200 and 201
      `${text.slice(0, blank)}\`\`\`${text.slice(blank)}`, // a fence that runs to the end of the document
    ];
    const before = resplitChunks(null, text);
    const block = markdownParser().block;
    const parse = block.parse;
    for (const [n, edited] of cases.entries()) {
      let parsed = 0;
      block.parse = function (src, ...rest) { parsed += src.length; return parse.call(this, src, ...rest); };
      let after: ChunkSplit;
      try { after = resplitChunks(before, edited); } finally { block.parse = parse; }
      assert.deepEqual(after.doc, splitChunks(edited));
      const reparsedChunks = [...(after.previousIndex ?? [])].filter((was) => was < 0).length;
      if (n === 0) {
        assert.ok(parsed > 0 && parsed < 1000, `parsed ${parsed} characters`);
        assert.equal(reparsedChunks, 2, 'the paragraph before and the joined one');
      } else {
        // Nothing after the edit holds: the window grows to the end, never parsing more than 5/3 of
        // the text after the edit, and never from the start of the document.
        const rest = edited.length - blank;
        assert.ok(parsed < (rest * 5) / 3 + 1000, `parsed ${parsed} characters of the ${rest} after the edit`);
      }
    }
  });
});

