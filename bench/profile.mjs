#!/usr/bin/env node
// CPU-profiles repeated full checks of the generated drafts (in-process bundle under node --cpu-prof)
// and prints the top functions by self time, mapped back to the TypeScript sources.
//   node bench/profile.mjs [--size 100kb,1mb,edit] [--seconds 8] [--top 20]   (edit: one-character edits in 100 KB, warm cache)
//   node bench/profile.mjs --startup [--top 20]   whole CLI run on 100 KB, and server spawn -> initialize -> first open of 100 KB
//   node bench/profile.mjs --server-edits         the server while typing in the 100 KB draft (edit + hover, 150 times)
// Profiles are written to bench/.out/prof/check-SIZE.cpuprofile (open them in Chrome DevTools or VS Code).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInprocess } from './build.mjs';
import { generateAll, OUT_DIR } from './generate.mjs';
import { summarise } from './profile-summary.mjs';
import { Client } from './lsp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

export async function runProfiles({ sizes = ['100kb', '1mb'], seconds = 8, top = 20, print = true } = {}) {
  if (!existsSync(join(OUT_DIR, 'draft-1mb.md'))) generateAll(OUT_DIR);
  const bundle = await buildInprocess();
  const dir = join(OUT_DIR, 'prof');
  mkdirSync(dir, { recursive: true });
  const summaries = {};
  for (const size of sizes) {
    const name = `check-${size}.cpuprofile`;
    const out = execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name, bundle, '--profile', size, '--seconds', String(seconds), '--dir', OUT_DIR], { cwd: root, encoding: 'utf8' });
    const run = JSON.parse(out.trim().split('\n').pop());
    const file = join(dir, name);
    const summary = summarise(JSON.parse(readFileSync(file, 'utf8')), top);
    summaries[size] = { file, run, summary };
    if (print) {
      const lines = [`Profile of ${size === 'edit' ? 'one-character edits + re-checks, 100 KB' : `full checks, ${size}`}: ${run.runs} runs, median ${run.medianMs.toFixed(1)} ms under the profiler (${relative(root, file)})`];
      lines.push(`  ${'self ms'.padStart(8)} ${'self%'.padStart(6)} ${'total%'.padStart(7)}  function (file:line)`);
      for (const r of summary.bySelf) lines.push(`  ${(r.selfUs / 1000).toFixed(0).padStart(8)} ${r.selfPct.toFixed(1).padStart(6)} ${r.totalPct.toFixed(1).padStart(7)}  ${r.name} (${r.where})`);
      process.stdout.write(`${lines.join('\n')}\n\n`);
    }
  }
  return summaries;
}

function printSummary(title, file, summary) {
  const lines = [`${title} (${relative(root, file)}): ${summary.totalMs.toFixed(0)} ms sampled`];
  lines.push(`  ${'self ms'.padStart(8)} ${'self%'.padStart(6)} ${'total%'.padStart(7)}  function (file:line)`);
  for (const r of summary.bySelf) lines.push(`  ${(r.selfUs / 1000).toFixed(1).padStart(8)} ${r.selfPct.toFixed(1).padStart(6)} ${r.totalPct.toFixed(1).padStart(7)}  ${r.name} (${r.where})`);
  lines.push('  by total time (our code and libraries):');
  for (const r of summary.byTotal.slice(0, 12)) lines.push(`  ${(r.totalUs / 1000).toFixed(1).padStart(8)} ${''.padStart(6)} ${r.totalPct.toFixed(1).padStart(7)}  ${r.name} (${r.where})`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** Start-up profiles: a whole CLI run on the 100 KB draft, and a server from spawn to its first diagnostics. */
export async function runStartupProfiles({ top = 20 } = {}) {
  if (!existsSync(join(OUT_DIR, 'draft-100kb.md'))) generateAll(OUT_DIR);
  const dir = join(OUT_DIR, 'prof');
  mkdirSync(dir, { recursive: true });
  const cliProfile = join(dir, 'cli-100kb.cpuprofile');
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, '--cpu-prof-name', 'cli-100kb.cpuprofile', join(root, 'dist', 'cli.js'), 'check', join(OUT_DIR, 'draft-100kb.md')], { cwd: root, stdio: 'ignore' });
  } catch { /* exit status 1: contradictions found */ }
  printSummary('Whole CLI run, check 100 KB', cliProfile, summarise(JSON.parse(readFileSync(cliProfile, 'utf8')), top));

  const serverProfile = join(dir, 'server-start.cpuprofile');
  const client = new Client(['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, '--cpu-prof-name', 'server-start.cpuprofile']);
  await client.initialize();
  await client.open('file:///bench/first.md', readFileSync(join(OUT_DIR, 'draft-100kb.md'), 'utf8'));
  await client.shutdown();
  printSummary('Language server: spawn → initialize → first open of 100 KB → diagnostics', serverProfile, summarise(JSON.parse(readFileSync(serverProfile, 'utf8')), top));
}

/** The server while typing: one-character edits in the 100 KB draft, each followed by a hover (which forces the check). */
export async function runServerEditProfile({ top = 20, edits = 150 } = {}) {
  if (!existsSync(join(OUT_DIR, 'draft-100kb.md'))) generateAll(OUT_DIR);
  const dir = join(OUT_DIR, 'prof');
  mkdirSync(dir, { recursive: true });
  const text = readFileSync(join(OUT_DIR, 'draft-100kb.md'), 'utf8');
  const client = new Client(['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', 'server-edits.cpuprofile']);
  await client.initialize();
  const uri = 'file:///bench/edits.md';
  await client.open(uri, text);
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  let version = 1;
  const work = [];
  for (let i = 0; i < edits; i++) {
    // Alternately insert and delete a character at the start of a line near the middle.
    const line = middle + (Math.floor(i / 2) % 200);
    const insert = i % 2 === 0;
    version++;
    const v = version;
    const status = client.waitFor('policyFactCheck/status', (p) => p.uri === uri && p.version === v);
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: insert ? 0 : 1 } }, text: insert ? 'x' : '' }] });
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
    const { params } = await status;
    if (params.timing) work.push(params.timing);
  }
  await client.shutdown();
  const file = join(dir, 'server-edits.cpuprofile');
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN; };
  const reported = work.length ? `; the server reports (policyFactCheck/status timing, medians under the profiler): applying the change ${median(work.map((t) => t.syncMs)).toFixed(2)} ms, check + diagnostics ${median(work.map((t) => t.checkMs)).toFixed(2)} ms` : '';
  printSummary(`Language server: ${edits} one-character edits in 100 KB, each followed by a hover${reported}`, file, summarise(JSON.parse(readFileSync(file, 'utf8')), top));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
  if (args.includes('--startup')) await runStartupProfiles({ top: Number(opt('top', '20')) });
  else if (args.includes('--server-edits')) await runServerEditProfile({ top: Number(opt('top', '20')) });
  else await runProfiles({ sizes: opt('size', '100kb,1mb').split(','), seconds: Number(opt('seconds', '8')), top: Number(opt('top', '20')) });
}
