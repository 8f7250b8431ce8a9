/**
 * checkDocument on hostile Unicode, mixed with claims the built-in fact base checks (so that
 * findings really occur): astral characters (emoji, CJK Extension B, mathematical letters), combining
 * marks (é as e + U+0301, Devanagari, zalgo stacks), lone high and low surrogates, NUL, CR-only and
 * CRLF line ends, and 100 000-character lines. It never throws; every finding, fix edit, claim, claim
 * value and citation range lies inside the document on a UTF-16 boundary that does not split a
 * surrogate pair; results are deterministic; and a chunk cache reused over random edits (splitting
 * and joining lines and CRLF pairs, cutting through surrogate pairs) gives what a fresh check gives.
 *
 * Complements checkDocument.test.ts (random code units and grammar-built Markdown): here the claims
 * are interleaved with, and cut by, the characters that break offset arithmetic.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RUNS } from '../helpers/property';
import { checkDocument, createChunkCache } from '../../server/src/core/check';
import type { CheckResult } from '../../server/src/core/types';
import { CLAIMS } from '../helpers/arbitraries';
import { builtinKnowledge } from '../helpers/knowledge';

/** PROPERTY_RUNS=2000 for a deeper search (the 100 000-character-line property runs a twentieth of that). */
const knowledge = builtinKnowledge();

// ── What a range may not do ──────────────────────────────────────────────────────────────────

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A boundary splits a pair when it falls between a high surrogate and the low surrogate right after
 * it. A lone surrogate (a high one not followed by a low one, or a low one not preceded by a high
 * one) is a character of its own: a range may start or end next to it.
 */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function assertRange(text: string, start: number | undefined, end: number | undefined, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets, got [${start}, ${end})`);
  assert.ok(start! >= 0 && start! <= end! && end! <= text.length, `${what}: [${start}, ${end}) is not inside a document of ${text.length}`);
  assert.ok(!splitsPair(text, start!), `${what}: starts at ${start}, inside the surrogate pair ${JSON.stringify(text.slice(start! - 1, start! + 1))}`);
  assert.ok(!splitsPair(text, end!), `${what}: ends at ${end}, inside the surrogate pair ${JSON.stringify(text.slice(end! - 1, end! + 1))}`);
}

function assertRangesValid(text: string, result: CheckResult): void {
  for (const f of result.findings) {
    assertRange(text, f.start, f.end, `${f.code} finding ${JSON.stringify(f.message.slice(0, 80))}`);
    for (const fix of f.fixes) for (const e of fix.edits) assertRange(text, e.start, e.end, `edit of fix ${JSON.stringify(fix.title)}`);
  }
  for (const c of result.claims) {
    assertRange(text, c.start, c.end, `claim of ${c.factId}`);
    for (const v of c.values) assertRange(text, v.start, v.end, `value of the claim of ${c.factId}`);
  }
  for (const c of result.citations) {
    assertRange(text, c.start, c.end, `${c.kind} citation`);
    for (const s of c.sources) if (s.keyStart !== undefined || s.keyEnd !== undefined) assertRange(text, s.keyStart, s.keyEnd, `key @${s.key}`);
  }
  assert.equal(result.stats.claims, result.claims.length);
  assert.equal(result.stats.contradictions, result.findings.filter((f) => f.code === 'contradiction').length);
}

// ── Hostile text ─────────────────────────────────────────────────────────────────────────────

/** Claims the built-in fact base supports or contradicts (some cited, some quoting). */
const BUILTIN_CLAIMS = [
  ...CLAIMS,
  'On 14 June, Pyongyang recognised the breakaway republics.',
  "In 2014, the Russian parliament wrote off 80 per cent of North Korea's Soviet-era debt, worth over US$10 billion [@frassineti2022, para. 4].",
  'On 12 October, North Korea was one of five countries that voted against the UN General Assembly resolution [@frassineti2022].',
  'The authors write that North Korea “capitalised upon China’s and Russia’s tense relationship with Europe” [@frassineti2022].',
  'Talks collapsed in October 2019 [@nobody2020].',
];

const astral = fc.constantFrom('😀', '🎉', '🇰🇵', '👩‍👩‍👧', '🏳️‍🌈', '𠀀', '𠜎', '𪚥', '𝐀', '𝒜𝓃𝒹', '𝟏𝟒', '🂡', '\u{10FFFF}', '\u{E0041}');
const combining = fc.constantFrom('e\u0301', 'Cafe\u0301', 'n\u0303', '\u0301', '\u20dd', '1\u20e3', 'नमस्ते', 'क्षि', 'हिन्दी', 'ก่', '\u0915\u094d\u200d');
/** A base letter (or digit) under a stack of 1–40 combining marks. */
const zalgo = fc.tuple(fc.constantFrom('Z', 'a', '1', '4', 'J', 'ा'), fc.array(fc.integer({ min: 0x300, max: 0x36f }), { minLength: 1, maxLength: 40 }))
  .map(([base, marks]) => base + String.fromCharCode(...marks));
const lone = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', '\ud835', '\udc00\ud800');
const control = fc.constantFrom('\u0000', '\u0000\u0000', '\r', '\n', '\r\n', '\r\r\n', '\n\r', '\u2028', '\u2029', '\u000b', '\u000c', '\u0085', '\ufeff', '\u200b', '\u200d', '\ufffd', '\ufffe');
const codePoints = fc.string({ unit: 'binary', maxLength: 30 });

/** One hostile fragment: no claim. */
const junk = fc.oneof(astral, combining, zalgo, lone, control, codePoints);

/** A claim with hostile fragments glued to it or cut into it (between words or anywhere). */
const hostileClaim = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BUILTIN_CLAIMS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...BUILTIN_CLAIMS), junk, junk).map(([c, a, b]) => a + c + b) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...BUILTIN_CLAIMS), fc.nat(), junk).map(([c, n, j]) => {
      const words = c.split(' ');
      words.splice(n % (words.length + 1), 0, j);
      return words.join(' ');
    }),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...BUILTIN_CLAIMS), fc.nat(), junk).map(([c, n, j]) => c.slice(0, n % (c.length + 1)) + j + c.slice(n % (c.length + 1))) },
  // Marks on the values themselves: "1́4 June", "14 Ju\u0301ne".
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...BUILTIN_CLAIMS), fc.constantFrom('\u0301', '\u20e3', '\u200d', '\ufe0f')).map(([c, m]) => c.replace(/\d/, (d) => d + m).replace(/June|July|October|per cent/, (w) => w.slice(0, 2) + m + w.slice(2))) },
);

const separator = fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r\n', ' \u0000 ');

/** A draft: claims and junk, separated by every kind of line end. */
const hostileDocument = fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: hostileClaim }, { weight: 2, arbitrary: junk }), separator), { minLength: 1, maxLength: 16 })
  .map((parts) => parts.map(([piece, sep]) => piece + sep).join(''));

/** A line of exactly `length` code units of one repeated hostile unit (cut wherever the length falls, even inside a pair). */
function longLine(unit: string, length: number): string {
  const clean = unit.replace(/[\r\n]/g, '') || 'x';
  return clean.repeat(Math.ceil(length / clean.length)).slice(0, length);
}

/** Counts documents with at least one finding, so that the properties are seen to exercise the checker. */
function counter() {
  let runs = 0;
  let withFindings = 0;
  return {
    see(result: CheckResult) { runs++; if (result.findings.length) withFindings++; },
    assertMostlyFinding(share: number) {
      assert.ok(withFindings >= share * runs, `only ${withFindings} of ${runs} documents had a finding: the claims are not being checked`);
    },
  };
}

describe('checkDocument on hostile Unicode mixed with claims', () => {
  it('never throws; every range is inside the document and splits no surrogate pair', () => {
    const seen = counter();
    fc.assert(fc.property(hostileDocument, (text) => {
      const result = checkDocument(knowledge, text);
      assertRangesValid(text, result);
      seen.see(result);
    }), { numRuns: RUNS });
    seen.assertMostlyFinding(0.5);
  });

  it('is deterministic: a second check, with or without a fresh cache, is deep-equal', () => {
    fc.assert(fc.property(hostileDocument, (text) => {
      const first = checkDocument(knowledge, text);
      assert.deepEqual(checkDocument(knowledge, text, createChunkCache()), first);
      assert.deepEqual(checkDocument(knowledge, text), first);
    }), { numRuns: RUNS });
  });

  it('handles lines of 100 000 characters (emoji, CJK, zalgo, lone surrogates, NUL) with claims around and inside them', () => {
    const unit = fc.oneof(astral, combining, zalgo, lone, fc.constantFrom('x', '\u0000', ' ', '北京', '14 ', '.', '\u00a0'), codePoints.filter((s) => s.length > 0));
    const seen = counter();
    fc.assert(fc.property(unit, hostileClaim, hostileClaim, fc.nat({ max: 100_000 }), fc.constantFrom('\n', '\r\n', '\r', ' '), (u, before, inside, at, eol) => {
      const line = longLine(u, 100_000);
      const text = `${before}${eol}${eol}${line.slice(0, at)} ${inside} ${line.slice(at)}${eol}${eol}${before}${eol}`;
      const result = checkDocument(knowledge, text);
      assertRangesValid(text, result);
      seen.see(result);
    }), { numRuns: Math.max(4, Math.round(RUNS / 20)) });
    seen.assertMostlyFinding(0.3);
  });
});

// ── Incremental edits with one reused cache ──────────────────────────────────────────────────

interface UnicodeEdit {
  /** Where: anywhere, at a line end (on its \r or \n, or just after), at a surrogate (inside a pair too), or at a digit. */
  target: 'anywhere' | 'lineEnd' | 'surrogate' | 'digit';
  /** Picks the position among the targets (a fraction). */
  pick: number;
  remove: number;
  insert: string;
}

const unicodeEdit: fc.Arbitrary<UnicodeEdit> = fc.record({
  target: fc.constantFrom<UnicodeEdit['target']>('anywhere', 'anywhere', 'lineEnd', 'surrogate', 'digit'),
  pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  remove: fc.oneof(fc.constant(0), fc.constant(1), fc.constant(2), fc.nat({ max: 60 })),
  insert: fc.oneof(
    fc.constantFrom('', '\n', '\r', '\r\n', '\n\n', '\r\n\r\n', ' ', '14', '15 July', 'June', '\u0301', '\u0000'),
    hostileClaim.map((c) => `${c}\n\n`),
    junk,
  ),
});

function targets(text: string, target: UnicodeEdit['target']): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (target === 'lineEnd' && (c === 10 || c === 13)) out.push(i, i + 1);
    else if (target === 'surrogate' && (isHigh(c) || isLow(c))) out.push(i, i + 1);
    else if (target === 'digit' && c >= 48 && c <= 57) out.push(i);
  }
  return out;
}

function applyUnicodeEdit(text: string, e: UnicodeEdit): string {
  const candidates = e.target === 'anywhere' ? [] : targets(text, e.target);
  const at = candidates.length ? candidates[Math.floor(e.pick * candidates.length)]! : Math.floor(e.pick * (text.length + 1));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('checkDocument with one chunk cache over random edits of hostile Unicode', () => {
  it('gives, after every edit, exactly what a fresh check of the text gives', () => {
    fc.assert(fc.property(hostileDocument, fc.array(unicodeEdit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      const cache = createChunkCache();
      let text = start;
      checkDocument(knowledge, text, cache);
      for (const e of edits) {
        text = applyUnicodeEdit(text, e);
        const cached = checkDocument(knowledge, text, cache);
        const fresh = checkDocument(knowledge, text);
        assert.deepEqual(cached, fresh, `after an edit: ${JSON.stringify(text)}`);
        assertRangesValid(text, cached);
      }
    }), { numRuns: RUNS });
  });

  it('splits and joins CRLF pairs and lines without a stale result', () => {
    // Deterministic sequences: the claims stay, only their line ends change under the cache.
    const claims = BUILTIN_CLAIMS.slice(0, 6);
    const cache = createChunkCache();
    let text = claims.join('\r\n\r\n');
    checkDocument(knowledge, text, cache);
    const steps: Array<(t: string) => string> = [
      (t) => t.replace('\r\n\r\n', '\r\n\n\r\n'), // a LF between CR and LF: the CRLF pair is split
      (t) => t.replace('\r\n\n', '\r\n'), // and joined again
      (t) => t.replace(/\r\n\r\n/g, '\r\r'), // CR-only line ends
      (t) => t.replace('\r\r', '\r'), // two paragraphs joined into one
      (t) => t.replace(/\r/g, '\n'), // LF
      (t) => t.replace('\n\n', '\n\r'), // LF CR
      (t) => t.replace(/\n/g, '\u0000'), // no line ends at all: one line
      (t) => t.replace(/\u0000/g, '\r\n\r\n'),
    ];
    for (const step of steps) {
      text = step(text);
      const cached = checkDocument(knowledge, text, cache);
      assert.deepEqual(cached, checkDocument(knowledge, text), JSON.stringify(text));
      assertRangesValid(text, cached);
    }
  });
});
