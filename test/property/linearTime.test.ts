/**
 * No input can make the checker slow: adversarial texts (runs of digits, punctuation, brackets,
 * quote marks, citation markers, Markdown markers, month names and number words without spaces,
 * one enormous line, mixes) are timed at ~100 KB and ~1 MB, and the time must grow about ten times
 * (linear), never a hundred times (quadratic). A ratio, not a wall-clock bound, so that a slow or
 * busy machine does not fail it.
 *
 * Two ratios are limited. The garbage collector's pauses grow faster than the text for one shape of
 * input: a long paragraph's tokens all live until it is analysed, and once they outgrow V8's young
 * generation (between ~25 KB and ~300 KB of text, depending on the shape; flat from there to 4 MB)
 * its collections copy them over and over, which raises the cost per character 2–4×: a 1 MB
 * paragraph of dates measured ×21–43 with the pauses, ×11–14 without. So the ratio without the
 * pauses (the checker's own work, where a slow regular expression or a quadratic loop shows) must
 * stay under 40, and the ratio with them under 60. Quadratic shapes measure 100 and more. Ratios
 * above 15 are reported (test diagnostics, and a table on stderr) even when under the limit.
 *
 * A check of 1 MB takes up to 15 s, so by default checkDocument and parseFactBaseYaml run about ten
 * shapes each (those marked `quick`: the shapes of the bugs fixed in e090d28, or cheaper ones that
 * take the same path, and one of each other kind of text);
 * findCitations and findQuotations run them all. By default, too, a shape whose 1 MB call would
 * take over 0.8 s is timed at 500 KB / 50 KB (the scanners: down to 250 KB / 25 KB).
 *
 *   LINEAR_ALL=1        every shape through every function, at full size (~10 minutes; ~15 with
 *                       LINEAR_EXACT=1)
 *   LINEAR_EXACT=1      every ratio the best of 3 (by default the large text is timed again only
 *                       while its ratio is over the limit: another run can only lower it, so a
 *                       ratio reported with "(≤)" is an upper bound)
 *   LINEAR_SIZE=200000  a smaller large text (the small one is a tenth), for a quicker look; below
 *                       ~100 KB the small text is checked before the knee above, so ratios of
 *                       linear shapes reach 60–100 and say little
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { after, describe, it, type TestContext } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import { findQuotations } from '../../server/src/core/citations/quotations';
import { findCitations } from '../../server/src/core/citations/syntax';
import { parseFactBaseYaml } from '../../server/src/core/facts/parse';
import { MONTH_NAMES } from '../../server/src/core/values/lexicon';
import { builtinKnowledge } from '../helpers/knowledge';

const BIG = Number(process.env.LINEAR_SIZE ?? 1_000_000);
const SMALL = Math.round(BIG / 10);
const ALL = process.env.LINEAR_ALL === '1';
const EXACT = process.env.LINEAR_EXACT === '1';
/** Known superlinear shapes run at most this large (at 1 MB some would take hours). */
const KNOWN_BUG_BIG = 20_000;
const MAX_RATIO = 40;
/** The same ratio with the collector's pauses: they grow faster past the knee described above. */
const MAX_WALL_RATIO = 60;
const HIGH_RATIO = 15;
/**
 * A large text done in less than this is fast whatever the ratio: a scan that finds nothing (no "@"
 * in the text) takes microseconds, and 100 KB fits in the CPU cache where 1 MB does not.
 */
const FLOOR_MS = 1;

const knowledge = builtinKnowledge();
const ROOT = join(__dirname, '..', '..');

// ── Shapes ───────────────────────────────────────────────────────────────────────────────────

/** `unit` repeated to exactly `length` code units, as one flat string. */
function fill(unit: string, length: number): string {
  return flat(unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
}

/** A flat (sequential) copy: a rope built by repeat() would be flattened by the first call timed. */
function flat(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** Deterministic pseudo-random pieces joined to `length` (mulberry32). */
function mix(pieces: readonly string[], length: number, seed: number): string {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: string[] = [];
  let n = 0;
  while (n < length) {
    const p = pieces[Math.floor(random() * pieces.length)]!;
    out.push(p);
    n += p.length;
  }
  return flat(out.join('').slice(0, length));
}

const CLAIM = 'On 14 June, Pyongyang recognised the breakaway republics.';
const CLAIMS = [
  CLAIM,
  "In 2014, the Russian parliament wrote off 80 per cent of North Korea's Soviet-era debt, worth over US$10 billion.",
  "On 12 October, North Korea was one of five countries that voted against the UN General Assembly resolution condemning Russia's attempted annexation of four Ukrainian regions.",
  'The weather was fine today.',
];
const NUMBER_WORDS = 'onetwothreefourfivesixseveneightnineteneleventwelvetwentythirtyfortyfiftyhundredthousandmillionbillionfirstsecondthird';
const QUOTES = '"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a';
const UNITS = ['1', '1,000,', ' \t', '.', '!!!', '-', '[', '(', ')', ']', '@', '^', '$', '%', ...QUOTES, '[@', '`', '*', '_', '|', '>', '#', '14 June', 'five', 'per cent', ' ', '\n', 'word'];

interface Shape {
  name: string;
  make: (length: number) => string;
  /** Run by default (otherwise only with LINEAR_ALL=1) through checkDocument and parseFactBaseYaml. */
  quick?: boolean;
  /** A known, still unfixed superlinear shape: run small, as a todo that says why. */
  bug?: string;
}

const run = (name: string, unit: string, options: { quick?: boolean; bug?: string } = {}): Shape => ({ name, make: (n) => fill(unit, n), ...options });
const quick = { quick: true };

/** Shapes of text for checkDocument, findCitations and findQuotations. */
const SHAPES: Shape[] = [
  run('digits "1111…"', '1'),
  run('digit groups "1,000,000,…"', '1,000,', quick),
  run('decimals "3.5.3.5…"', '3.5.'),
  run('spaces and tabs', ' \t'),
  run('dots "....."', '.', quick),
  run('bangs "!!!!"', '!'),
  run('dashes "----"', '-'),
  run('open brackets "[[[["', '['),
  run('open parentheses "(((("', '('),
  run('close parentheses "))))"', ')'),
  run('close brackets "]]]]"', ']'),
  run('at signs "@@@@"', '@'),
  run('carets "^^^^"', '^'),
  run('dollars "$$$$"', '$'),
  run('percent signs "%%%%"', '%'),
  run('straight double quotes', '"'),
  run('straight single quotes', "'"),
  run('curly double quotes, open', '\u201c'),
  run('curly double quotes, close', '\u201d'),
  run('curly single quotes, open', '\u2018'),
  run('curly single quotes, close', '\u2019'),
  run('every quote mark in turn', QUOTES),
  run('unbalanced curly quotes "“a “a"', '\u201ca '),
  run('unbalanced straight double quotes "\\"a \\"a"', '"a '),
  run('unbalanced single quotes "\'a \'a"', "'a "),
  run('quoted words "“a” “b”"', '\u201ca\u201d '),
  run('"[@" runs', '[@'),
  // Was quadratic (markdown-it-footnote's footnote_ref and findCitations both looked for the "]" from every "[^").
  run('"[^" runs', '[^', quick),
  run('"^[" runs', '^['),
  // Threw a RangeError at 1 MB (a spread of every citation of one sentence into push()).
  run('citations without a closing bracket "[@a; "', '[@a; '),
  run('bare citation keys "@a "', '@a '),
  run('backticks', '`'),
  run('asterisks "****"', '*'),
  run('underscores "____"', '_'),
  run('pipes "||||"', '|'),
  run('greater-than signs ">>>>"', '>'),
  run('hashes "####"', '#'),
  run('angle brackets "<<<<"', '<'),
  run('backslashes', '\\'),
  run('ampersands "&&&&"', '&'),
  run('link openers "[a]("', '[a]('),
  run('month names without spaces', MONTH_NAMES.join(''), quick),
  run('number words without spaces', NUMBER_WORDS),
  run('dates without a full stop "14 June 14 June"', '14 June ', quick),
  run('number words with spaces', 'one two three hundred thousand '),
  run('one line of prose without a full stop', 'the weather was fine and the talks went on and '),
  run('one line of claims, a full stop each', `${CLAIMS.join(' ')} `),
  // Was worse than quadratic (the disagreeing values sorted by a distance over every trigger of the sentence).
  run('one sentence repeating a claim, no full stop', 'On 14 June Pyongyang recognised the breakaway republics and ', quick),
  // Was quadratic (every citation of the paragraph filtered for each sentence); the second is cheaper per character.
  run('one paragraph of cited sentences "A [@x]. "', 'A [@x]. '),
  run('one paragraph, every third sentence cited', 'The talks went on. The weather was fine. On 14 June. [@x] ', quick),
  // Linear, but each misquote is looked for in the source: ~0.5 ms a quotation, ~10 s for 1 MB of them.
  run('cited misquotes, one paragraph', 'A “North Korea pokes the bear hard” [@frassineti2022]. '),
  run('heading lines "# x"', '# x\n'),
  run('block quote lines "> a"', '> a\n'),
  run('list items "- a"', '- a\n'),
  run('table rows "| a | b |"', '| a | b |\n', quick),
  run('rule and setext lines "-"', '-\n'),
  run('fence lines "```"', '```\n'),
  run('blank lines', '\n\n\r\n'),
  run('claim paragraphs, CRLF', `${CLAIMS.join('\r\n\r\n')}\r\n\r\n`),
  { name: 'a draft: claims in paragraphs, some cited', make: (n) => mix(CLAIMS.flatMap((c) => [`${c}\n\n`, `${c.slice(0, -1)} [@frassineti2022, para. 4].\n\n`]), n, 7), quick: true },
  { name: 'a mix of every unit, one line', make: (n) => mix(UNITS.filter((u) => u !== '\n'), n, 1) },
  { name: 'a mix of every unit, with line ends', make: (n) => mix([...UNITS, '\n\n', '\r\n', '\r'], n, 2), quick: true },
  { name: 'a mix of every unit and claims, one line', make: (n) => mix([...UNITS.filter((u) => u !== '\n'), ...CLAIMS], n, 3) },
];

/** YAML-ish texts for the fact base parser. Deep nesting ("[[[[", "{{{{", "- - - -", "? ? ?") is further down, in a child process. */
const YAML_SHAPES: Shape[] = [
  run('digits', '1', quick),
  run('digit groups', '1,000,'),
  run('spaces and tabs', ' \t'),
  run('dots', '.'),
  run('bangs', '!'),
  run('dashes "----"', '-', quick),
  // One error per character: took 18 s at 1 MB while the yaml library built an Error for each.
  run('close brackets "]]]]"', ']', quick),
  run('parentheses', '()'),
  run('at signs, carets, dollars, percent signs', '@^$%'),
  run('straight double quotes', '"'),
  run('straight single quotes', "'", quick),
  run('curly quotes', '\u201c\u201d\u2018\u2019', quick),
  run('unbalanced double quotes "\\"a "', '"a ', quick),
  run('"[@" and "[^" runs', '[@[^'),
  run('backticks, asterisks, underscores', '`*_', quick),
  run('pipes and greater-than signs "|>"', '|>'),
  run('hashes', '#'),
  run('keys "a: a: a:"', 'a: '),
  run('anchors "&a &a"', '&a '),
  run('aliases "*a *a"', '*a '),
  run('mapping lines "k: v"', 'k: v\n'),
  run('sequence lines "- x"', '- x\n'),
  run('flow items without an end "[a, a, "', '[a, '),
  run('block scalar headers "|"', '|\n'),
  run('comment lines', '# c\n'),
  run('indented keys "a:\\n "', 'a:\n '),
  run('month names without spaces', MONTH_NAMES.join(''), quick),
  run('a claim, repeated', `${CLAIM} `, quick),
  { name: 'a fact base, repeated', make: (n) => fill('facts:\n  - id: x\n    quote: "On 14 July, Pyongyang recognised the republics."\n    values:\n      - { kind: date, value: 2022-07-14, text: 14 July }\n', n) },
];

// ── Timing ───────────────────────────────────────────────────────────────────────────────────

interface Sample { wall: number; work: number }
interface Measured { small: Sample; big: Sample; ratio: number; workRatio: number; bigRuns: number }

/**
 * Pauses of the garbage collector: V8 reports them after the fact, on a later turn of the event
 * loop, where they wait in the observer's buffer. A pause is counted for the part of it inside the
 * timed window (collections also run just before and after it), overlapping pauses once.
 */
const gcObserver = new PerformanceObserver(() => undefined);
gcObserver.observe({ entryTypes: ['gc'] });
after(() => gcObserver.disconnect());
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function gcPausedWithin(from: number, to: number): Promise<number> {
  await nextTurn();
  const pauses = gcObserver.takeRecords()
    .map((entry) => [Math.max(from, entry.startTime), Math.min(to, entry.startTime + entry.duration)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let paused = 0;
  let coveredTo = from;
  for (const [start, end] of pauses) {
    if (end <= coveredTo) continue;
    paused += end - Math.max(start, coveredTo);
    coveredTo = end;
  }
  return paused;
}

/**
 * Mean time of `calls` calls, in ms, every result kept until the sample ends: a small text's
 * results then weigh on the garbage collector as the large text's one result does. `work` leaves
 * out the collector's pauses, which V8 reports on the next turn of the event loop.
 */
async function sample(fn: (text: string) => unknown, text: string, calls: number): Promise<Sample> {
  await nextTurn();
  gcObserver.takeRecords();
  const kept: unknown[] = [];
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) kept.push(fn(text));
  const t1 = performance.now();
  kept.length = 0;
  const paused = await gcPausedWithin(t0, t1);
  return { wall: (t1 - t0) / calls, work: (t1 - t0 - paused) / calls };
}

const best = (a: Sample, b: Sample): Sample => ({ wall: Math.min(a.wall, b.wall), work: Math.min(a.work, b.work) });
const NONE: Sample = { wall: Infinity, work: Infinity };
const withinLimits = (small: Sample, big: Sample) => (big.work / small.work < MAX_RATIO && big.wall / small.wall < MAX_WALL_RATIO) || big.wall < FLOOR_MS;

/**
 * The large/small time ratios, with and without the collector's pauses. After a warm-up, a sample
 * of the small text makes ten times as many calls as a sample of the large one (which makes enough
 * to last ~10 ms), so that both handle the same number of characters; the best of 2 samples (3 with
 * EXACT) of the small text, and of up to 3 of the large one: unless EXACT, the large text is timed
 * again only while a ratio is over its limit, since another run can only lower it.
 */
async function measure(fn: (text: string) => unknown, small: string, big: string): Promise<Measured> {
  const factor = big.length / small.length;
  fn(small);
  const once = (await sample(fn, small, 1)).wall;
  const bigCalls = Math.min(1000, Math.max(1, Math.ceil(10 / Math.max(once * factor, 0.0001))));
  let s = NONE;
  for (let i = 0; i < (EXACT ? 3 : 2); i++) s = best(s, await sample(fn, small, Math.round(bigCalls * factor)));
  let b = NONE;
  let bigRuns = 0;
  for (let i = 0; i < 3; i++) {
    b = best(b, await sample(fn, big, bigCalls));
    bigRuns++;
    if (!EXACT && withinLimits(s, b)) break;
  }
  return { small: s, big: b, ratio: b.wall / s.wall, workRatio: b.work / s.work, bigRuns };
}

const rows: string[] = [];
const high: string[] = [];

function record(t: TestContext, what: string, shape: Shape, sizes: [number, number], m: Measured): void {
  const kb = (n: number) => `${(n / 1000).toFixed(0).padStart(5)} KB`;
  const row = `${what.padEnd(17)} ${shape.name.padEnd(52)} ${kb(sizes[0])} ${m.small.wall.toFixed(2).padStart(9)} ms ${kb(sizes[1])} ${m.big.wall.toFixed(2).padStart(9)} ms  ratio ${m.ratio.toFixed(1).padStart(6)}, without GC ${m.workRatio.toFixed(1).padStart(6)}${m.bigRuns < 3 ? ' (≤)' : ''}${m.big.wall < FLOOR_MS ? ' (under 1 ms)' : ''}${shape.bug ? '  KNOWN BUG' : ''}`;
  rows.push(row);
  t.diagnostic(row);
  if ((m.ratio > HIGH_RATIO || m.workRatio > HIGH_RATIO) && m.big.wall >= FLOOR_MS) high.push(row);
}

/**
 * By default, a shape whose large text would take longer than this is timed at half the sizes, and
 * for the scanners (no knee: they allocate little) at a quarter if need be.
 */
const BUDGET_MS = 800;
const SCALED = !ALL && !EXACT && process.env.LINEAR_SIZE === undefined;

function ratioTest(what: string, fn: (text: string) => unknown, shape: Shape, halvings = 1): void {
  const options = shape.bug ? { todo: shape.bug } : {};
  it(`${shape.name}: ten times the text, about ten times the time`, options, async (t) => {
    let big = shape.bug ? Math.min(BIG, KNOWN_BUG_BIG) : BIG;
    if (SCALED && !shape.bug) {
      // One call on the small text, cold: an overestimate at worst, which only makes the test cheaper.
      const estimate = (await sample(fn, shape.make(Math.round(big / 10)), 1)).wall * 10;
      for (let i = 0; i < halvings && estimate * (big / BIG) > BUDGET_MS; i++) big /= 2;
    }
    const small = Math.round(big / 10);
    const m = await measure(fn, shape.make(small), shape.make(big));
    record(t, what, shape, [small, big], m);
    assert.ok(withinLimits(m.small, m.big), `${what} on ${shape.name}: ${m.small.wall.toFixed(2)} ms at ${small} → ${m.big.wall.toFixed(2)} ms at ${big} (×${m.ratio.toFixed(1)}, ×${m.workRatio.toFixed(1)} without the collector's pauses; linear is ×10, quadratic ×100)`);
  });
}

after(() => {
  if (!rows.length) return;
  process.stderr.write(`\nlinear-time ratios (${BIG} / ${SMALL} code units${ALL ? '' : '; LINEAR_ALL=1 for every shape'}):\n${rows.join('\n')}\n`);
  if (high.length) process.stderr.write(`\nratios above ${HIGH_RATIO}:\n${high.join('\n')}\n`);
});

// ── Tests ────────────────────────────────────────────────────────────────────────────────────

describe('checkDocument takes linear time on adversarial text', () => {
  for (const shape of SHAPES.filter((s) => ALL || s.quick || s.bug)) ratioTest('checkDocument', (text) => checkDocument(knowledge, text), shape);
});

describe('findCitations takes linear time on adversarial text', () => {
  for (const shape of SHAPES) ratioTest('findCitations', (text) => findCitations(text), shape, 2);
});

describe('findQuotations takes linear time on adversarial text', () => {
  for (const shape of SHAPES) ratioTest('findQuotations', (text) => findQuotations(text), shape, 2);
});

describe('parseFactBaseYaml takes linear time on adversarial YAML', () => {
  for (const shape of YAML_SHAPES.filter((s) => ALL || s.quick || s.bug)) ratioTest('parseFactBaseYaml', (text) => parseFactBaseYaml(text, 'adversarial.facts.yaml'), shape);

  // In a child process: this used to abort the process (V8's "RegExpCompiler Allocation failed -
  // process out of memory", not a catchable error), which would take this test file down with it.
  it('deep nesting ("[[[[", "{{{{", "- - - -", "? ? ? ?", " - - -"), 2 000 levels parsed twice and 50 000 once, in one process: refused, and the process lives', () => {
    const script = `const { parseFactBaseYaml } = require('./server/src/core/facts/parse.ts');
      for (const unit of ['[', '{', '- ', '? ', ' - ']) for (const n of [2000, 2000, 50000]) {
        const r = parseFactBaseYaml(unit.repeat(n), 'deep.facts.yaml');
        if (r.base !== null || !r.problems.some((p) => p.severity === 'error')) throw new Error('a deeply nested file should be refused: ' + JSON.stringify(unit));
      }`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const fatal = child.stderr.split('\n').find((l) => /FATAL|Error/.test(l)) ?? '';
    assert.equal(child.status, 0, `the process ended with status ${child.status} (signal ${child.signal}): ${fatal}`);
  });
});

describe('huge inputs under the default size limit never throw', () => {
  // Both threw "RangeError: Maximum call stack size exceeded": Math.min(...positions) in
  // match/analyze.ts, and push(...citations) in citations/checks.ts (and push(...findings) in check.ts).
  it('a sentence with two wrong dates and 130 000 trigger words (1.4 MB)', () => {
    const text = `On 14 June and 15 June, Pyongyang recognised the breakaway republics${' recognised'.repeat(130_000)}.`;
    const result = checkDocument(knowledge, text);
    assert.ok(result.findings.some((f) => f.code === 'contradiction'));
  });

  it('one sentence with 130 000 unknown citations (650 KB)', () => {
    const text = '[@x] '.repeat(130_000);
    const result = checkDocument(knowledge, text);
    assert.equal(result.findings.filter((f) => f.code === 'unknown-citation').length, 130_000);
  });

  it('130 000 sentences with an unknown citation each (1 MB)', { skip: ALL ? false : 'LINEAR_ALL=1 (6 s)' }, () => {
    const text = 'A [@x]. '.repeat(130_000);
    const result = checkDocument(knowledge, text);
    assert.equal(result.findings.filter((f) => f.code === 'unknown-citation').length, 130_000);
  });
});
