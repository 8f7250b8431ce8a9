/**
 * The server's PieceDocument after LSP changes (any order of range ends, positions past a line or
 * the document, CRLF and CR line breaks, whole-text replacements): the text the protocol says, and
 * the lines and positions vscode-languageserver-textdocument's TextDocument gives that text; and the change it
 * reports lets a check read only the edited chunks yet find what a fresh check finds.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { RUNS } from '../helpers/property';
import { CLAIMS, markdownDocument } from '../helpers/arbitraries';
import { PieceDocument } from '../../server/src/lsp/pieceDocument';
import { checkDocument, createChunkCache } from '../../server/src/core/check';
import { loadKnowledge } from '../../server/src/node/factFiles';

const knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;

const position = fc.record({ line: fc.integer({ min: -1, max: 40 }), character: fc.integer({ min: -1, max: 90 }) });
const insert = fc.oneof(
  fc.constantFrom('', 'x', '\n', '\r\n', '\r', '\n\n', ' ', '**', '[^1]', '\n\n[^1]: A note.\n'),
  fc.constantFrom(...CLAIMS).map((claim) => `${claim}\n\n`),
  fc.string({ maxLength: 8 }),
);
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: insert }) },
  { weight: 1, arbitrary: markdownDocument.map((text) => ({ text })) },
);

/**
 * What a change does to a text, as the protocol says (positions read in the text as it is before
 * the change). Not the library's update: its line table goes wrong after a change at a line past the
 * end, and then so do the offsets of the changes after it.
 */
function applyChange(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  const before = TextDocument.create('file:///a.md', 'markdown', 0, text);
  const a = before.offsetAt(change.range.start);
  const b = before.offsetAt(change.range.end);
  return text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
}

describe('PieceDocument', () => {
  it('has the text, lines and positions of a TextDocument after the same changes', () => {
    fc.assert(fc.property(markdownDocument, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.array(position, { maxLength: 5 }), (start, batches, probes) => {
      let text = start;
      const pieces = PieceDocument.create('file:///a.md', 'markdown', 1, start);
      let version = 1;
      for (const batch of batches) {
        version++;
        text = batch.reduce(applyChange, text);
        pieces.update(batch, version);
        assert.equal(pieces.getText(), text);
        const fresh = TextDocument.create('file:///a.md', 'markdown', version, text);
        assert.equal(pieces.version, version);
        assert.equal(pieces.lineCount, fresh.lineCount);
        for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 50))) {
          assert.deepEqual(pieces.positionAt(offset), fresh.positionAt(offset), `positionAt(${offset})`);
        }
        assert.deepEqual(pieces.positionAt(text.length + 3), fresh.positionAt(text.length + 3));
        for (const p of probes) {
          assert.equal(pieces.offsetAt(p), fresh.offsetAt(p), `offsetAt(${JSON.stringify(p)})`);
          assert.deepEqual(pieces.getLineRange(p.line), fresh.getLineRange(p.line));
          assert.equal(pieces.getEOLCharacters(p.line), fresh.getEOLCharacters(p.line));
          const range = { start: p, end: { line: p.line + 1, character: 3 } };
          assert.equal(pieces.getText(range), fresh.getText(range));
        }
      }
    }), { numRuns: RUNS });
  });

  it('checked from the changes it reports, finds what a fresh check of its text finds', () => {
    fc.assert(fc.property(markdownDocument, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (start, batches) => {
      const doc = PieceDocument.create('file:///a.md', 'markdown', 1, start);
      const cache = createChunkCache();
      checkDocument(knowledge, doc.text, cache, {}, doc.takeChange());
      let version = 1;
      for (const batch of batches) {
        doc.update(batch, ++version);
        // Some edits arrive while a check is pending: their changes add up.
        if (version % 3 === 0) continue;
        const incremental = checkDocument(knowledge, doc.text, cache, {}, doc.takeChange());
        assert.deepEqual(incremental, checkDocument(knowledge, doc.getText()), `after edits: ${JSON.stringify(doc.getText())}`);
      }
    }), { numRuns: RUNS });
  });

  it('reports no change when edits cancel out, and the whole text as unknown after a full replacement', () => {
    const doc = PieceDocument.create('file:///a.md', 'markdown', 1, 'In 2019, Xi visited.\n');
    assert.deepEqual(doc.takeChange(), { start: 21, oldEnd: 21, newEnd: 21 });
    doc.update([{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: 'x' }], 2);
    doc.update([{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: '' }], 3);
    const change = doc.takeChange()!;
    assert.equal(change.oldEnd - change.start, 0);
    assert.equal(change.newEnd - change.start, 0);
    doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, text: 'On' }], 4);
    assert.deepEqual(doc.takeChange(), { start: 0, oldEnd: 2, newEnd: 2 });
    doc.update([{ text: 'Something else.\n' }], 5);
    assert.equal(doc.takeChange(), undefined);
    assert.equal(doc.getText(), 'Something else.\n');
  });
});
