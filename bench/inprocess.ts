// In-process benchmark of the pure core, bundled by esbuild (bench/build.mjs) so that the timings are
// those of the production bundle. Prints one JSON object on stdout (or a readable summary with --human).
//   node bench/.out/inprocess.js [--quick] [--human] [--dir DIR]
//   node --cpu-prof bench/.out/inprocess.js --profile 1mb|100kb|10kb|edit [--seconds 8]
//   node bench/.out/inprocess.js --cold 100kb      first, second and third check in a fresh process
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDocument, createChunkCache, type ChunkCache } from '../server/src/core/check';
import { hoverAt } from '../server/src/core/hover';
import { splitChunks } from '../server/src/core/markdown/chunks';
import { markdownParser, parserEnv } from '../server/src/core/markdown/parser';
import { LineIndex } from '../server/src/core/text/lineIndex';
import type { CheckResult } from '../server/src/core/types';
import { toDiagnostics } from '../server/src/lsp/convert';
import { loadKnowledge } from '../server/src/node/factFiles';

type Knowledge = ReturnType<typeof loadKnowledge>['knowledge'];

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1]! : fallback;
};
const quick = flag('quick');
const dir = option('dir', join(__dirname));

const SIZES = ['10kb', '100kb', '1mb'] as const;
type SizeName = (typeof SIZES)[number];

function readDraftText(size: SizeName): string {
  return readFileSync(join(dir, `draft-${size}.md`), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Statistics

export interface Stats { n: number; median: number; p95: number; min: number; max: number; mean: number }

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  return { n, median, p95: q(0.95), min: s[0]!, max: s[n - 1]!, mean: s.reduce((a, b) => a + b, 0) / n };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Runs fn `warmup` times untimed, then `runs` times timed: wall-clock ms, plus the process's CPU
 * time per run (user + system, all threads) which a busy machine inflates much less.
 */
function bench(fn: () => void, runs: number, warmup: number): Stats & { cpuMedian: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    samples.push(time(fn));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ...stats(samples), cpuMedian: stats(cpu).median };
}

// ---------------------------------------------------------------------------------------------
// Measurements

const ITERATIONS: Record<SizeName, { runs: number; warmup: number }> = quick
  ? { '10kb': { runs: 40, warmup: 10 }, '100kb': { runs: 15, warmup: 4 }, '1mb': { runs: 5, warmup: 2 } }
  : { '10kb': { runs: 200, warmup: 30 }, '100kb': { runs: 60, warmup: 10 }, '1mb': { runs: 10, warmup: 2 } };

function fullCheck(knowledge: Knowledge, text: string): CheckResult {
  return checkDocument(knowledge, text, createChunkCache());
}

/** Whole-document parse with the checker's markdown-it configuration, and the per-chunk parses the checker does. */
function parseTimes(text: string, iterations: { runs: number; warmup: number }) {
  const md = markdownParser();
  const doc = splitChunks(text);
  const labels = doc.labels;
  const env = () => parserEnv(labels);
  const whole = bench(() => { md.parse(text, env()); }, iterations.runs, iterations.warmup);
  const sources = doc.chunks.map((c) => text.slice(c.start, c.end));
  const chunked = bench(() => { for (const s of sources) md.parse(s, env()); }, iterations.runs, iterations.warmup);
  // The same without the document's labels in each chunk's env: what parserEnv costs per check.
  const chunkedBare = bench(() => { for (const s of sources) md.parse(s, {}); }, iterations.runs, iterations.warmup);
  const split = bench(() => { splitChunks(text); }, iterations.runs, iterations.warmup);
  return { whole, chunked, chunkedBare, split, chunks: doc.chunks.length, footnoteLabels: labels.footnotes.length, referenceLabels: labels.references.length };
}

/** Offsets of edit places in the middle of the document: inside a word of a prose line. */
function editPlaces(text: string, count: number): number[] {
  const places: number[] = [];
  const from = Math.floor(text.length * 0.35);
  const to = Math.floor(text.length * 0.65);
  const step = Math.max(1, Math.floor((to - from) / count));
  const isLetter = (c: number) => (c >= 97 && c <= 122);
  for (let target = from; places.length < count && target < to; target += step) {
    for (let p = target; p < Math.min(text.length - 1, target + 2000); p++) {
      if (!isLetter(text.charCodeAt(p)) || !isLetter(text.charCodeAt(p - 1))) continue;
      const lineStart = text.lastIndexOf('\n', p) + 1;
      const first = text.charCodeAt(lineStart);
      if (!(first >= 65 && first <= 90)) continue; // a paragraph line, not a table, list, quote or code
      places.push(p);
      break;
    }
  }
  return places;
}

/**
 * One-character edits with a warm cache, as a writer types: at each place a character is typed,
 * then another after it (two timed re-checks, each of a chunk text never seen before), then both
 * are undone at once (timed apart: the cache still holds the chunk from two checks ago).
 */
function incremental(knowledge: Knowledge, text: string, places: number[]) {
  const cache: ChunkCache = createChunkCache();
  checkDocument(knowledge, text, cache);
  const samples: number[] = [];
  const undo: number[] = [];
  const noChange: number[] = [];
  // Warm-up on a few places outside the measured ones.
  for (const p of places.slice(0, 3)) {
    checkDocument(knowledge, `${text.slice(0, p + 1)}q${text.slice(p + 1)}`, cache);
    checkDocument(knowledge, text, cache);
  }
  for (const p of places) {
    const typed = `${text.slice(0, p)}x${text.slice(p)}`;
    const typedMore = `${text.slice(0, p)}xz${text.slice(p)}`;
    samples.push(time(() => checkDocument(knowledge, typed, cache)));
    samples.push(time(() => checkDocument(knowledge, typedMore, cache)));
    undo.push(time(() => checkDocument(knowledge, text, cache)));
  }
  for (let i = 0; i < 20; i++) noChange.push(time(() => checkDocument(knowledge, text, cache)));
  return { edit: stats(samples), undo: stats(undo), noChange: stats(noChange), edits: samples.length };
}

function hoverLatency(knowledge: Knowledge, result: CheckResult) {
  const offsets = result.claims.flatMap((c) => (c.values.length ? c.values.map((v) => v.start + 1) : [c.start + 1])).slice(0, 300);
  if (!offsets.length) return null;
  let hits = 0;
  for (let i = 0; i < 3; i++) for (const o of offsets) hoverAt(knowledge, result, o);
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const o of offsets) samples.push(time(() => { if (hoverAt(knowledge, result, o)) hits++; }));
  }
  return { ...stats(samples), positions: offsets.length, hits: hits / 5 };
}

function peakRss() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { hwmMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
}

// ---------------------------------------------------------------------------------------------

/** Profiles one-character edits with a warm cache in the middle of the 100 KB draft. */
function profileEdits(seconds: number): void {
  const knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;
  const text = readDraftText('100kb');
  const places = editPlaces(text, 80);
  const cache = createChunkCache();
  checkDocument(knowledge, text, cache);
  const until = performance.now() + seconds * 1000;
  const samples: number[] = [];
  for (let i = 0; performance.now() < until; i++) {
    const p = places[i % places.length]!;
    samples.push(time(() => checkDocument(knowledge, `${text.slice(0, p)}x${text.slice(p)}`, cache)));
    samples.push(time(() => checkDocument(knowledge, text, cache)));
  }
  process.stdout.write(`${JSON.stringify({ profile: 'edit-100kb', runs: samples.length, medianMs: stats(samples).median })}\n`);
}

function profile(size: string, seconds: number): void {
  if (size === 'edit') return profileEdits(seconds);
  const knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;
  const text = readDraftText(size as SizeName);
  const until = performance.now() + seconds * 1000;
  let runs = 0;
  const samples: number[] = [];
  while (performance.now() < until || runs < 3) {
    samples.push(time(() => fullCheck(knowledge, text)));
    runs++;
  }
  const s = stats(samples);
  process.stdout.write(`${JSON.stringify({ profile: size, runs, medianMs: s.median })}\n`);
}

/** A fresh process's first checks, as the CLI runs them: cold code, then the same check again. */
function cold(size: SizeName): void {
  const t0 = performance.now();
  const knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;
  const knowledgeMs = performance.now() - t0;
  const text = readDraftText(size);
  const first = time(() => fullCheck(knowledge, text));
  const second = time(() => fullCheck(knowledge, text));
  const third = time(() => fullCheck(knowledge, text));
  process.stdout.write(`${JSON.stringify({ cold: size, knowledgeMs, first, second, third, sinceStart: performance.now() })}\n`);
}

function main(): void {
  const coldSize = option('cold', '');
  if (coldSize) return cold(coldSize as SizeName);
  const profiled = option('profile', '');
  if (profiled) return profile(profiled, Number(option('seconds', '8')));

  const t0 = performance.now();
  const knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;
  const knowledgeMs = performance.now() - t0;

  const out: Record<string, unknown> = { node: process.version, knowledgeLoadMs: knowledgeMs, sizes: {} as Record<string, unknown> };
  const results: Partial<Record<SizeName, CheckResult>> = {};
  for (const size of SIZES) {
    const text = readDraftText(size);
    const it = ITERATIONS[size];
    let result!: CheckResult;
    const cold = time(() => { result = fullCheck(knowledge, text); });
    const full = bench(() => { result = fullCheck(knowledge, text); }, it.runs, it.warmup);
    const withDiagnostics = bench(() => { toDiagnostics(fullCheck(knowledge, text).findings, new LineIndex(text)); }, Math.max(3, Math.floor(it.runs / 4)), 1);
    const parse = parseTimes(text, { runs: Math.max(3, Math.ceil(it.runs / 3)), warmup: 1 });
    results[size] = result;
    (out.sizes as Record<string, unknown>)[size] = {
      bytes: Buffer.byteLength(text), chars: text.length,
      findings: result.findings.length, claims: result.claims.length, sentences: result.stats.sentences, contradictions: result.stats.contradictions,
      coldMs: cold, full, withDiagnostics, parse,
    };
  }
  const text100 = readDraftText('100kb');
  out.incremental100kb = incremental(knowledge, text100, editPlaces(text100, quick ? 25 : 80));
  out.hover100kb = hoverLatency(knowledge, results['100kb']!);
  out.hover1mb = hoverLatency(knowledge, results['1mb']!);
  out.memory = peakRss();

  if (flag('human')) {
    const f = (n: number) => n.toFixed(2);
    process.stdout.write(`knowledge load ${f(knowledgeMs)} ms\n`);
    for (const [size, r] of Object.entries(out.sizes as Record<string, any>)) {
      process.stdout.write(`${size}: full median ${f(r.full.median)} p95 ${f(r.full.p95)} (cold ${f(r.coldMs)}); +diagnostics ${f(r.withDiagnostics.median)}; parse whole ${f(r.parse.whole.median)} chunked ${f(r.parse.chunked.median)} split ${f(r.parse.split.median)}; ${r.findings} findings, ${r.claims} claims, ${r.sentences} sentences\n`);
    }
    const inc = out.incremental100kb as any;
    process.stdout.write(`edit 100kb: median ${f(inc.edit.median)} p95 ${f(inc.edit.p95)} over ${inc.edits}; no-change ${f(inc.noChange.median)}\n`);
    process.stdout.write(`hover: 100kb ${JSON.stringify(out.hover100kb)} 1mb ${JSON.stringify(out.hover1mb)}\n`);
    process.stdout.write(`memory ${JSON.stringify(out.memory)}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

main();
