#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): top functions by self time, and by total time.
// Positions in bundles are mapped back to the TypeScript sources through the bundle's linked
// source map (file.js.map next to file.js) when there is one.
//   node bench/profile-summary.mjs FILE.cpuprofile [--top 20] [--json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Source maps (v3, "mappings" VLQ), decoded lazily per bundle.

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

function decodeMappings(mappings) {
  const lines = [];
  let source = 0, origLine = 0, origCol = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let genCol = 0;
    if (lineText) {
      for (const seg of lineText.split(',')) {
        const values = [];
        let value = 0, shift = 0;
        for (const ch of seg) {
          const digit = B64.get(ch);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        genCol += values[0];
        if (values.length >= 4) {
          source += values[1];
          origLine += values[2];
          origCol += values[3];
          segments.push([genCol, source, origLine, origCol]);
        }
      }
    }
    lines.push(segments);
  }
  return lines;
}

const maps = new Map();

function sourceMapFor(file) {
  if (maps.has(file)) return maps.get(file);
  let map = null;
  const mapFile = `${file}.map`;
  if (existsSync(mapFile)) {
    try {
      const raw = JSON.parse(readFileSync(mapFile, 'utf8'));
      map = { sources: raw.sources.map((s) => resolve(dirname(mapFile), raw.sourceRoot ?? '', s)), lines: decodeMappings(raw.mappings) };
    } catch {
      map = null;
    }
  }
  maps.set(file, map);
  return map;
}

/** Original file:line (1-based) of a 0-based generated position, or null. */
function original(file, line, column) {
  const map = sourceMapFor(file);
  const segments = map?.lines[line];
  if (!segments?.length) return null;
  let best = null;
  for (const s of segments) {
    if (s[0] <= column) best = s;
    else break;
  }
  best ??= segments[0];
  return { file: map.sources[best[1]], line: best[2] + 1 };
}

function display(file) {
  const rel = relative(root, file);
  return rel.startsWith('..') ? file : rel;
}

export function locate(frame) {
  const { url, lineNumber, columnNumber } = frame;
  if (!url) return '(native)';
  if (url.startsWith('node:')) return `${url}:${lineNumber + 1}`;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const mapped = lineNumber >= 0 ? original(file, lineNumber, columnNumber) : null;
  if (mapped) return `${display(mapped.file)}:${mapped.line}`;
  return `${display(file)}:${lineNumber + 1}`;
}

// ---------------------------------------------------------------------------------------------

export function summarise(profile, top = 20) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the delta to the next sample.
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = deltas[i + 1] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const keyOf = (n) => `${n.callFrame.functionName || '(anonymous)'}\u0000${n.callFrame.url}\u0000${n.callFrame.lineNumber}\u0000${n.callFrame.columnNumber}`;
  const byFn = new Map();
  const entry = (n) => {
    const key = keyOf(n);
    let e = byFn.get(key);
    if (!e) {
      e = { name: n.callFrame.functionName || '(anonymous)', where: locate(n.callFrame), selfUs: 0, totalUs: 0 };
      byFn.set(key, e);
    }
    return e;
  };
  // Self time per function; total time counts each sample once per distinct function on its stack.
  for (const [id, us] of self) {
    const n = nodes.get(id);
    entry(n).selfUs += us;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const node = nodes.get(cur);
      const key = keyOf(node);
      if (seen.has(key)) continue;
      seen.add(key);
      entry(node).totalUs += us;
    }
  }
  const all = [...byFn.values()];
  const pct = (us) => (100 * us) / totalUs;
  const bySelf = [...all].sort((a, b) => b.selfUs - a.selfUs).slice(0, top).map((e) => ({ ...e, selfPct: pct(e.selfUs), totalPct: pct(e.totalUs) }));
  const hidden = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);
  const byTotal = [...all].filter((e) => !hidden.has(e.name) && !e.where.startsWith('node:') && e.where !== '(native)')
    .sort((a, b) => b.totalUs - a.totalUs).slice(0, top).map((e) => ({ ...e, selfPct: pct(e.selfUs), totalPct: pct(e.totalUs) }));
  return { totalMs: totalUs / 1000, samples: profile.samples.length, bySelf, byTotal };
}

function printTable(title, rows) {
  process.stdout.write(`${title}\n`);
  process.stdout.write(`  ${'self ms'.padStart(9)} ${'self%'.padStart(6)} ${'total%'.padStart(7)}  function  (file:line)\n`);
  for (const r of rows) {
    process.stdout.write(`  ${(r.selfUs / 1000).toFixed(1).padStart(9)} ${r.selfPct.toFixed(1).padStart(6)} ${r.totalPct.toFixed(1).padStart(7)}  ${r.name}  (${r.where})\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--top');
  if (!file) {
    process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile [--top 20] [--json]\n');
    process.exit(2);
  }
  const ti = args.indexOf('--top');
  const top = ti >= 0 ? Number(args[ti + 1]) : 20;
  const summary = summarise(JSON.parse(readFileSync(file, 'utf8')), top);
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    process.stdout.write(`${display(resolve(file))}: ${summary.totalMs.toFixed(0)} ms sampled, ${summary.samples} samples\n`);
    printTable(`Top ${top} by self time`, summary.bySelf);
    printTable(`Top ${top} by total (inclusive) time, our code and libraries`, summary.byTotal);
  }
}
