/**
 * Properties of checkDocument on arbitrary input: it never throws, every range it reports lies in
 * the document on code point boundaries, it is deterministic, and a reused chunk cache never changes
 * what it reports.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RUNS } from '../helpers/property';
import { checkDocument, createChunkCache } from '../../server/src/core/check';
import type { CheckResult, Finding } from '../../server/src/core/types';
import { anyString, applyEdit, CLAIMS, edit, ignoredBlock, lineEnd, markdownDocument, withLineEnds } from '../helpers/arbitraries';
import { applyFix, builtinKnowledge } from '../helpers/knowledge';

/** PROPERTY_RUNS=2000 for a deeper search. */
const knowledge = builtinKnowledge();

function isHigh(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLow(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }

/** Whether an offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function assertRange(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets`);
  assert.ok(start >= 0 && start <= end && end <= text.length, `${what}: [${start}, ${end}) inside a document of ${text.length}`);
  assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${what}: [${start}, ${end}) splits a surrogate pair`);
}

function assertRangesValid(text: string, result: CheckResult): void {
  for (const f of result.findings) {
    assertRange(text, f.start, f.end, `finding ${JSON.stringify(f.message)}`);
    for (const fix of f.fixes) for (const e of fix.edits) assertRange(text, e.start, e.end, `fix ${JSON.stringify(fix.title)}`);
  }
  for (const c of result.claims) {
    assertRange(text, c.start, c.end, `claim ${c.factId}`);
    for (const v of c.values) assertRange(text, v.start, v.end, `claim value ${c.factId}`);
  }
  assert.equal(result.stats.contradictions, result.findings.filter((f) => f.code === 'contradiction').length);
  assert.equal(result.stats.claims, result.claims.length);
}

describe('checkDocument on arbitrary strings', () => {
  it('never throws and reports only valid ranges (Unicode, lone surrogates, NUL, CR, CRLF)', () => {
    fc.assert(fc.property(anyString, (text) => {
      assertRangesValid(text, checkDocument(knowledge, text));
    }), { numRuns: RUNS });
  });

  it('never throws on claims spliced with arbitrary strings', () => {
    fc.assert(fc.property(anyString, anyString, markdownDocument, (a, b, doc) => {
      const text = a + doc + b;
      assertRangesValid(text, checkDocument(knowledge, text));
    }), { numRuns: RUNS / 2 });
  });
});

describe('checkDocument on Markdown drafts from a grammar', () => {
  it('never throws and reports only valid ranges', () => {
    fc.assert(fc.property(markdownDocument, (text) => {
      assertRangesValid(text, checkDocument(knowledge, text));
    }), { numRuns: RUNS });
  });

  it('is deterministic: the same text twice gives deep-equal results', () => {
    fc.assert(fc.property(markdownDocument, (text) => {
      assert.deepEqual(checkDocument(knowledge, text), checkDocument(knowledge, text, createChunkCache()));
    }), { numRuns: RUNS });
  });

  it('gives the same result with a reused chunk cache after any sequence of edits as a fresh check', () => {
    fc.assert(fc.property(markdownDocument, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
      const cache = createChunkCache();
      let text = start;
      checkDocument(knowledge, text, cache);
      for (const e of edits) {
        text = applyEdit(text, e);
        const cached = checkDocument(knowledge, text, cache);
        assert.deepEqual(cached, checkDocument(knowledge, text), `after an edit: ${JSON.stringify(text)}`);
      }
    }), { numRuns: RUNS });
  });

  it('applying a contradiction’s preferred fix removes that contradiction', () => {
    fc.assert(fc.property(markdownDocument, (text) => {
      const result = checkDocument(knowledge, text);
      for (const f of result.findings) {
        if (f.code !== 'contradiction' || !f.fixes.length) continue;
        const fix = f.fixes[0]!;
        const fixed = applyFix(text, fix);
        const edit = fix.edits[0]!;
        const editEnd = edit.start + edit.newText.length;
        const after = checkDocument(knowledge, fixed).findings.filter((g) => g.code === 'contradiction' && g.factId === f.factId && g.start < editEnd && edit.start < g.end);
        assert.deepEqual(after.map((g) => g.message), [], `fix ${JSON.stringify(fix.title)} in ${JSON.stringify(text)}`);
      }
    }), { numRuns: RUNS });
  });

  it('finds nothing in code, comments, HTML, link destinations, autolinks and images, and the same in prose around them', () => {
    const piece = fc.oneof(ignoredBlock.map((text) => ({ text, prose: false })), fc.constantFrom(...CLAIMS).map((text) => ({ text, prose: true })));
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), lineEnd, (pieces, eol) => {
      const parts = pieces.map((p) => ({ ...p, text: withLineEnds(p.text, eol) }));
      const sep = withLineEnds('\n\n', eol);
      const text = parts.map((p) => p.text).join(sep);
      // Each claim alone, shifted to where it stands, is all the document may report.
      const expected: Finding[] = [];
      let at = 0;
      for (const p of parts) {
        if (p.prose) {
          for (const f of checkDocument(knowledge, p.text).findings) {
            expected.push({ ...f, start: f.start + at, end: f.end + at, fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + at, end: e.end + at })) })) });
          }
        }
        at += p.text.length + sep.length;
      }
      assert.deepEqual(checkDocument(knowledge, text).findings, expected);
    }), { numRuns: RUNS });
  });
});
