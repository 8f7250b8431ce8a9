/**
 * PieceText, the server's edit-friendly document text, against a plain string edited the same way:
 * after any sequence of edits its length, whole text, slices and code units are the string's.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RUNS } from '../helpers/property';
import { edit, editRange, markdownDocument } from '../helpers/arbitraries';
import { PieceText } from '../../server/src/core/text/pieceText';

/** Slices at every piece border and across several, plus a few at random places. */
function assertSame(pieces: PieceText, text: string, probes: readonly number[]): void {
  assert.equal(pieces.length, text.length);
  for (const a of probes) {
    const from = Math.floor(a * (text.length + 1));
    for (const span of [0, 1, 7, 300, 5000]) assert.equal(pieces.slice(from, from + span), text.slice(from, from + span), `slice(${from}, ${from + span})`);
    assert.equal(pieces.charCodeAt(from), text.charCodeAt(from), `charCodeAt(${from})`);
  }
  assert.equal(pieces.slice(0), text);
  assert.ok(Number.isNaN(pieces.charCodeAt(-1)) && Number.isNaN(pieces.charCodeAt(text.length)));
}

describe('PieceText', () => {
  it('reads the same as a string edited the same way, after any sequence of edits', () => {
    fc.assert(fc.property(markdownDocument, fc.array(edit, { minLength: 1, maxLength: 30 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (start, edits, probes) => {
      let text = start;
      const pieces = new PieceText(start);
      for (const e of edits) {
        const { start: from, end } = editRange(text.length, e);
        text = text.slice(0, from) + e.insert + text.slice(end);
        pieces.replace(from, end, e.insert);
        assertSame(pieces, text, probes);
      }
      assert.equal(pieces.toString(), text);
      // Joined, it reads the same too.
      assertSame(pieces, text, probes);
    }), { numRuns: RUNS });
  });

  it('keeps typing in one place to a few pieces', () => {
    const text = 'Lorem ipsum dolor sit amet. '.repeat(10000);
    const pieces = new PieceText(text);
    let expected = text;
    for (let i = 0; i < 2000; i++) {
      const at = 140000 + i;
      pieces.replace(at, at, 'x');
      expected = `${expected.slice(0, at)}x${expected.slice(at)}`;
    }
    for (let i = 0; i < 500; i++) {
      pieces.replace(141000, 141001, '');
      expected = expected.slice(0, 141000) + expected.slice(141001);
    }
    assert.equal(pieces.slice(139990, 143000), expected.slice(139990, 143000));
    assert.ok((pieces as unknown as { pieces: string[] }).pieces.length <= 3 + Math.ceil(2000 / 4096) + 1, 'typing merges into its piece');
    assert.equal(pieces.toString(), expected);
  });

  it('edits at the very start and end, and of an empty text', () => {
    const pieces = new PieceText('');
    pieces.replace(0, 0, 'b');
    pieces.replace(0, 0, 'a');
    pieces.replace(2, 2, 'c');
    assert.equal(pieces.toString(), 'abc');
    pieces.replace(0, 3, '');
    assert.equal(pieces.length, 0);
    assert.equal(pieces.slice(0, 10), '');
    pieces.replace(5, 9, 'z');
    assert.equal(pieces.toString(), 'z');
  });
});
