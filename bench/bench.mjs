#!/usr/bin/env node
// Benchmarks of Policy Fact Check: in-process core, language server over stdio, and the CLI against
// markdownlint-cli2. Prints a table of measured values next to their targets.
//   npm run bench                      (builds dist/ first)
//   node bench/bench.mjs [--quick] [--json] [--profile] [--skip inprocess,lsp,cli]
//     --quick    fewer iterations (about a third of the time)
//     --json     one machine-readable JSON object on stdout instead of the table
//     --profile  afterwards, CPU-profile full checks of the 100 KB and 1 MB drafts (bench/profile.mjs)
//     --nice     raise this process's priority (and its children's) when allowed, to be less disturbed
//                by other work on a shared machine
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, getPriority, loadavg, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInprocess } from './build.mjs';
import { runCli } from './cli.mjs';
import { generateAll, OUT_DIR, SIZES } from './generate.mjs';
import { runLsp, TYPING_DELAY_MS } from './lsp.mjs';
import { runProfiles } from './profile.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const asJson = args.includes('--json');
const skipIndex = args.indexOf('--skip');
const skip = new Set(skipIndex >= 0 ? args[skipIndex + 1].split(',') : []);

const log = (msg) => { if (!asJson) process.stderr.write(`${msg}\n`); };
/** Runs one part of the benchmark, logging how long it took. */
async function phase(title, fn) {
  if (!asJson) process.stderr.write(`bench: ${title}... `);
  const t0 = Date.now();
  const result = await fn();
  if (!asJson) process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  return result;
}

function cpuModel() {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1];
    if (model) return model.trim();
  } catch { /* not Linux */ }
  return cpus()[0]?.model ?? 'unknown';
}

if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'dist', 'server.js'))) {
  process.stderr.write('bench: dist/cli.js or dist/server.js is missing; run `npm run bench` (it builds first) or `npm run build`.\n');
  process.exit(2);
}

if (args.includes('--nice')) {
  try { setPriority(-15); } catch { process.stderr.write('bench: --nice: not allowed to raise the priority; running at normal priority.\n'); }
}

const started = Date.now();
function gitRevision() {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'package.json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${rev}+changes` : rev;
  } catch {
    return 'unknown';
  }
}

const env = { node: process.version, cpu: cpuModel(), cores: cpus().length, loadBefore: loadavg()[0], quick, priority: getPriority(), revision: gitRevision() };
log(`bench: Node ${env.node}, ${env.cpu} (${env.cores} cores), load average ${env.loadBefore.toFixed(2)}${quick ? ', --quick' : ''}`);

const paths = generateAll(OUT_DIR);
const drafts = Object.fromEntries(SIZES.map((s) => [s.name, { bytes: Buffer.byteLength(readFileSync(paths[s.name], 'utf8')), path: paths[s.name] }]));

const results = { env, drafts };

if (!skip.has('inprocess')) {
  results.inprocess = await phase('in-process core (esbuild bundle)', async () => {
    const bundle = await buildInprocess();
    const run = (extra) => JSON.parse(execFileSync(process.execPath, [bundle, ...extra, '--dir', OUT_DIR], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
    const result = run(quick ? ['--quick'] : []);
    // First checks in fresh processes: what the CLI pays (cold code).
    const colds = Array.from({ length: quick ? 2 : 3 }, () => run(['--cold', '100kb']));
    const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
    result.cold100kb = { first: median(colds.map((c) => c.first)), second: median(colds.map((c) => c.second)), third: median(colds.map((c) => c.third)), knowledgeMs: median(colds.map((c) => c.knowledgeMs)), runs: colds.length };
    return result;
  });
}
if (!skip.has('lsp')) results.lsp = await phase('language server over stdio', () => runLsp({ quick, dir: OUT_DIR }));
if (!skip.has('cli')) results.cli = await phase('CLI and markdownlint-cli2', () => runCli({ quick, dir: OUT_DIR }));
env.loadAfter = loadavg()[0];
env.seconds = (Date.now() - started) / 1000;

// ---------------------------------------------------------------------------------------------
// Checks against the targets

const rows = [];
const section = (title) => rows.push({ section: title });
/** A measured line; `target` is [op, limit] or null for a line shown for reference. */
const line = (name, value, unit, target = null, note = '') => {
  const pass = target ? (target[0] === '<=' ? value <= target[1] : value >= target[1]) : null;
  rows.push({ name, value, unit, target: target ? { op: target[0], limit: target[1] } : null, pass, note });
};
const ms = (v) => v;

const ip = results.inprocess;
if (ip) {
  section('In-process (esbuild bundle of server/src/core; fresh ChunkCache per run = full check)');
  for (const s of SIZES) {
    const r = ip.sizes[s.name];
    const target = s.name === '100kb' ? ['<=', 10] : s.name === '1mb' ? ['<=', 150] : null;
    line(`full check ${s.label}, median`, ms(r.full.median), 'ms', target, `p95 ${r.full.p95.toFixed(1)} ms, CPU ${r.full.cpuMedian.toFixed(1)} ms, n=${r.full.n}; ${r.claims} claims, ${r.findings} findings`);
  }
  line('1 MB / 100 KB full-check ratio', ip.sizes['1mb'].full.median / ip.sizes['100kb'].full.median, '×', ['<=', 12], `size ratio ${(drafts['1mb'].bytes / drafts['100kb'].bytes).toFixed(1)}×`);
  for (const s of SIZES) {
    const p = ip.sizes[s.name].parse;
    line(`  markdown-it parse alone ${s.label}`, p.whole.median, 'ms', null, `per chunk (${p.chunks}): ${p.chunkedBare.median.toFixed(1)} ms with an empty env, ${p.chunked.median.toFixed(1)} ms with parserEnv(${p.footnoteLabels}+${p.referenceLabels} labels) rebuilt per chunk; splitChunks ${p.split.median.toFixed(2)} ms`);
  }
  line('  check + LineIndex + toDiagnostics 100 KB', ip.sizes['100kb'].withDiagnostics.median, 'ms', null, 'what the server does per check');
  line('re-check after 1-char edit, 100 KB (warm cache)', ip.incremental100kb.edit.median, 'ms', ['<=', 3], `p95 ${ip.incremental100kb.edit.p95.toFixed(1)} ms over ${ip.incremental100kb.edits} typed characters (each a new chunk text); undo of both ${ip.incremental100kb.undo.median.toFixed(2)} ms; no-change re-check ${ip.incremental100kb.noChange.median.toFixed(2)} ms`);
  if (ip.hover100kb) line('hover (hoverAt on a claim), 100 KB', ip.hover100kb.median, 'ms', ['<=', 2], `p95 ${ip.hover100kb.p95.toFixed(3)} ms over ${ip.hover100kb.positions} claim positions; 1 MB: ${ip.hover1mb?.median.toFixed(3)} ms`);
  if (ip.cold100kb) line('  first check in a fresh process, 100 KB', ip.cold100kb.first, 'ms', null, `then ${ip.cold100kb.second.toFixed(1)} ms, ${ip.cold100kb.third.toFixed(1)} ms (cold code: what every CLI run pays); median of ${ip.cold100kb.runs} processes`);
  line('  knowledge load (built-in fact base)', ip.cold100kb?.knowledgeMs ?? ip.knowledgeLoadMs, 'ms', null, 'in a fresh process; the first check of a process pays it');
  line('  peak RSS in-process (all sizes)', ip.memory.hwmMiB, 'MiB', null, 'VmHWM after every measurement');
}

const lsp = results.lsp;
if (lsp) {
  section('Language server (node dist/cli.js lsp --stdio, JSON-RPC over pipes)');
  if (lsp.open.failures?.length) rows.push({ section: `  WARNING: the server failed to check documents (internal-error diagnostics), so its timings are meaningless: ${lsp.open.failures[0]}` });
  if (ip && lsp.open['100kb'].diagnostics !== ip.sizes['100kb'].findings) rows.push({ section: `  WARNING: the server published ${lsp.open['100kb'].diagnostics} diagnostics for 100 KB, the in-process check found ${ip.sizes['100kb'].findings} findings (dist/ out of date, or settings differ?)` });
  line('spawn → initialize reply, median', lsp.initialize.median, 'ms', ['<=', 400], `p95 ${lsp.initialize.p95.toFixed(0)} ms over ${lsp.initialize.n} spawns`);
  for (const s of SIZES) {
    const o = lsp.open[s.name];
    line(`didOpen → publishDiagnostics ${s.label}, median`, o.median, 'ms', s.name === '100kb' ? ['<=', 60] : null, `p95 ${o.p95.toFixed(0)} ms over ${o.n} opens (distinct URIs), ${o.diagnostics} diagnostics`);
  }
  line('  first open in a fresh server, 100 KB', lsp.open.cold100kbMs, 'ms', null, 'includes loading the fact base and cold JIT');
  const e = lsp.edit;
  if (e.serverWork) {
    line('re-publish work after 1-char didChange, 100 KB', e.serverWork.median, 'ms', ['<=', 3], `server's own work per edit as it reports in policyFactCheck/status: applying the change ${e.serverSync.median.toFixed(2)} ms + lookup, check, findings → diagnostics, hand-off ${e.serverCheck.median.toFixed(2)} ms (medians); p95 ${e.serverWork.p95.toFixed(1)} ms, n=${e.serverWork.n}; excludes debounce, timer slack, JSON encoding, pipes`);
    line('  didChange → publishDiagnostics minus the measured wait', e.beyondWait.median, 'ms', null, `wall clock minus the server's measured debounce wait (${TYPING_DELAY_MS} ms + timer slack): the work above + JSON encoding + both pipes + scheduling; p95 ${e.beyondWait.p95.toFixed(1)} ms`);
    if (e.serverCpu) line('  server CPU per debounced edit, 100 KB', e.serverCpu.median, 'ms', null, `CPU time of the server process, all threads (GC, JIT), didChange → status; p95 ${e.serverCpu.p95.toFixed(1)} ms`);
  }
  line(`${e.serverWork ? '  ' : ''}didChange → publishDiagnostics − ${TYPING_DELAY_MS} ms, 100 KB`, e.recheckWallMs ?? e.recheckWorkMs, 'ms', e.serverWork ? null : ['<=', 3], `median ${e.didChangeToDiagnostics.median.toFixed(1)} ms minus the nominal debounce: includes timer slack, pipes and the client's scheduling`);
  line('  didChange + immediate hover → hover reply, 100 KB', lsp.edit.editAndHover.median, 'ms', null, 'hover forces the pending check: re-check + diagnostics + hover, no debounce');
  line('hover over the protocol, 100 KB, median', lsp.edit.hover.median, 'ms', ['<=', 2], `p95 ${lsp.edit.hover.p95.toFixed(2)} ms over ${lsp.edit.hover.n} requests, ${lsp.edit.hover.hits} with content`);
  line('server peak RSS with the 1 MB draft open', lsp.memory.hwmMiB, 'MiB', ['<=', 120], `VmHWM; VmRSS ${lsp.memory.afterEdit.rssMiB.toFixed(0)} MiB after one edit`);
}

const cli = results.cli;
if (cli) {
  section(`CLI (whole process: node dist/cli.js check FILE) vs markdownlint-cli2 ${cli.markdownlintVersion}`);
  for (const s of SIZES) {
    const r = cli.sizes[s.name];
    line(`CLI check ${s.label}, median`, r.cli.median / 1000, 's', s.name === '100kb' ? ['<=', 0.35] : null, `markdownlint-cli2 ${(r.markdownlint.median / 1000).toFixed(2)} s; n=${r.cli.n}`);
  }
  for (const s of SIZES) {
    const r = cli.sizes[s.name];
    line(`CLI / markdownlint-cli2 time ratio ${s.label}`, r.ratio, '×', ['<=', 0.45]);
  }
  line('  node -e "" (process start-up floor)', cli.nodeStartup.median / 1000, 's', null, `node dist/cli.js --version: ${(cli.cliVersion.median / 1000).toFixed(2)} s`);
}

results.checks = rows.filter((r) => !r.section);

// ---------------------------------------------------------------------------------------------
// Output

function fmt(value, unit) {
  if (unit === 's') return `${value.toFixed(3)} s`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'MiB') return `${value.toFixed(1)} MiB`;
  return `${value < 0.1 ? value.toFixed(4) : value < 10 ? value.toFixed(2) : value.toFixed(1)} ${unit}`;
}

if (asJson) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const out = [];
  out.push(`Policy Fact Check benchmarks at ${env.revision}: Node ${env.node}, ${env.cpu}, ${env.cores} cores; load average ${env.loadBefore.toFixed(2)} → ${env.loadAfter.toFixed(2)}; ${env.seconds.toFixed(0)} s${quick ? ' (--quick)' : ''}${env.priority < 0 ? `, nice ${env.priority}` : ''}`);
  if (Math.max(env.loadBefore, env.loadAfter) > env.cores) out.push(`WARNING: load average above the core count: other processes compete for the CPU; the timings are pessimistic and noisy.`);
  out.push(`Drafts (bench/.out): ${SIZES.map((s) => `${s.label} = ${drafts[s.name].bytes} B`).join(', ')}`);
  const nameWidth = Math.max(...rows.filter((r) => !r.section).map((r) => r.name.length)) + 2;
  for (const r of rows) {
    if (r.section) { out.push('', r.section); continue; }
    const target = r.target ? `${r.target.op === '<=' ? '≤' : '≥'} ${fmt(r.target.limit, r.unit)}` : '';
    const mark = r.pass === null ? ' ' : r.pass ? '✓' : '✗';
    out.push(`  ${mark} ${r.name.padEnd(nameWidth)}${fmt(r.value, r.unit).padStart(11)}  ${target.padEnd(10)}  ${r.note}`);
  }
  const checked = results.checks.filter((r) => r.pass !== null);
  out.push('', `${checked.filter((r) => r.pass).length}/${checked.length} targets met.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (args.includes('--profile')) {
  log('');
  await runProfiles({ sizes: ['100kb', '1mb'], seconds: quick ? 4 : 8, print: !asJson });
}
