#!/usr/bin/env node
// Language-server benchmark over the real protocol: spawns `node dist/cli.js lsp --stdio` and talks
// JSON-RPC to it with a minimal client (no library, so the client adds next to nothing).
// Prints one JSON object (or a readable summary with --human).
//   node bench/lsp.mjs [--quick] [--human] [--dir DIR]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const CLI = join(root, 'dist', 'cli.js');
/** The server's debounce after a didChange, read from its source so that the subtraction stays right. */
export const TYPING_DELAY_MS = (() => {
  const dir = join(root, 'server', 'src', 'lsp');
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.ts')) continue;
    const m = /TYPING_DELAY_MS\s*=\s*(\d+)/.exec(readFileSync(join(dir, name), 'utf8'));
    if (m) return Number(m[1]);
  }
  return 150;
})();

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const q = (p) => s[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { n, median, p95: q(0.95), min: s[0], max: s[n - 1] };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Minimal LSP client

export class Client {
  /** nodeArgs: extra options for the server's node (--cpu-prof...). */
  constructor(nodeArgs = []) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...nodeArgs, CLI, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.proc.pid;
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.stderr = '';
    /** internal-error diagnostics: the server failed to check a document (the timings are then meaningless). */
    this.failures = [];
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk) => { this.stderr += chunk; });
  }

  onData(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body), performance.now());
    }
  }

  onMessage(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
        else p.resolve({ result: msg.result, at });
      }
      return;
    }
    if (msg.id !== undefined && msg.method !== undefined) {
      // A request from the server (we announce no capabilities that cause any); answer null.
      this.write({ jsonrpc: '2.0', id: msg.id, result: null });
      return;
    }
    for (const w of [...this.waiters]) {
      if (w.method === msg.method && w.test(msg.params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve({ params: msg.params, at });
      }
    }
  }

  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(method, params) {
    const id = this.nextId++;
    const promise = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.write({ jsonrpc: '2.0', id, method, params });
    return promise;
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the next notification `method` whose params pass `test`. */
  waitFor(method, test = () => true, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const w = { method, test, resolve: (v) => { clearTimeout(timer); resolve(v); } };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`timeout waiting for ${method}; server stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  async initialize() {
    const reply = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { versionSupport: true } } },
    });
    this.notify('initialized', {});
    return reply;
  }

  async open(uri, text, version = 1) {
    const diagnostics = this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
    const t0 = performance.now();
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    const { params, at } = await diagnostics;
    const failure = params.diagnostics.find((d) => d.code === 'internal-error');
    if (failure) this.failures.push(`${uri}: ${failure.message}`);
    return { ms: at - t0, diagnostics: params.diagnostics };
  }

  close(uri) {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  memory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { hwmMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
  }

  /** CPU time the server process has used so far, all its threads (main, GC helpers, compiler), in ms; null if unknown. */
  cpuMs() {
    try {
      let ns = 0;
      for (const task of readdirSync(`/proc/${this.pid}/task`)) ns += Number(readFileSync(`/proc/${this.pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      return ns / 1e6;
    } catch {
      return null; // not Linux, or no schedstat
    }
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), sleep(2000)]);
      this.notify('exit', null);
    } catch { /* the process may already be gone */ }
    const exited = await Promise.race([this.exited, sleep(3000).then(() => null)]);
    if (!exited) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Positions and edits

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionAt(starts, offset) {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Offsets inside words of prose lines in the middle third of the text (as in inprocess.ts). */
function editPlaces(text, count) {
  const places = [];
  const from = Math.floor(text.length * 0.35);
  const to = Math.floor(text.length * 0.65);
  const step = Math.max(1, Math.floor((to - from) / count));
  const isLetter = (c) => c >= 97 && c <= 122;
  for (let target = from; places.length < count && target < to; target += step) {
    for (let p = target; p < Math.min(text.length - 1, target + 2000); p++) {
      if (!isLetter(text.charCodeAt(p)) || !isLetter(text.charCodeAt(p - 1))) continue;
      const lineStart = text.lastIndexOf('\n', p) + 1;
      const first = text.charCodeAt(lineStart);
      if (!(first >= 65 && first <= 90)) continue;
      places.push(p);
      break;
    }
  }
  return places;
}

// ---------------------------------------------------------------------------------------------
// Measurements

async function spawnToInitialize(count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const client = new Client();
    const { at } = await client.initialize();
    samples.push(at - client.spawnedAt);
    await client.shutdown();
  }
  return stats(samples);
}

async function openTimes(drafts, opensPerSize) {
  const client = new Client();
  await client.initialize();
  const out = {};
  // The first open of a process also loads the fact base: measured apart, on the 100 KB draft.
  const cold = await client.open('file:///bench/cold-100kb.md', drafts['100kb']);
  client.close('file:///bench/cold-100kb.md');
  out.cold100kbMs = cold.ms;
  for (const [size, text] of Object.entries(drafts)) {
    const n = opensPerSize[size];
    const samples = [];
    let diagnostics = 0;
    for (let i = 0; i < n + 1; i++) {
      const uri = `file:///bench/open-${size}-${i}.md`;
      const { ms, diagnostics: d } = await client.open(uri, text);
      if (i > 0) samples.push(ms); // the first open of each size is a warm-up
      diagnostics = d.length;
      client.close(uri);
      await sleep(20);
    }
    out[size] = { ...stats(samples), diagnostics };
  }
  await client.shutdown();
  out.failures = client.failures;
  return out;
}

/** didChange -> publishDiagnostics (debounced), didChange + hover (forces the check), and hover alone. */
async function editAndHover(text, edits, hovers) {
  const client = new Client();
  await client.initialize();
  const uri = 'file:///bench/edit-100kb.md';
  const opened = await client.open(uri, text);
  const starts = lineStarts(text);
  let version = 1;
  const places = editPlaces(text, edits);
  // Positions are those of the original text: every edit is on one line, after `offset` only.
  const change = (offset, insert, length = 1) => {
    version++;
    const pos = positionAt(starts, offset);
    const range = insert ? { start: pos, end: pos } : { start: pos, end: { line: pos.line, character: pos.character + length } };
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? insert : '' }] });
    return version;
  };

  // Warm-up edits.
  for (const p of places.slice(0, 2)) {
    for (const insert of ['x', '']) {
      const v = version + 1;
      const diag = client.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.version === v);
      change(p, insert);
      await diag;
    }
  }
  // Debounced re-publish as a writer types: a character, another after it (each a chunk text the
  // server has not seen), then both undone (untimed: the server's cache still holds that chunk).
  // Each waited for: diagnostics, then the status that follows them.
  const typing = (p) => [{ at: p, insert: 'x', timed: true }, { at: p + 1, insert: 'z', timed: true }, { at: p, insert: '', length: 2, timed: false }];
  const debounced = [];
  const beyondWait = [];
  const serverWork = [];
  const serverCheck = [];
  const serverSync = [];
  const serverCpu = [];
  for (const p of places) {
    for (const step of typing(p)) {
      const v = version + 1;
      const diag = client.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.version === v);
      const status = client.waitFor('policyFactCheck/status', (x) => x.uri === uri && x.version === v);
      const cpu0 = client.cpuMs();
      const t0 = performance.now();
      change(step.at, step.insert, step.length);
      const { at } = await diag;
      const { params: { timing } } = await status;
      const cpu1 = client.cpuMs();
      if (!step.timed) continue;
      debounced.push(at - t0);
      if (cpu0 !== null && cpu1 !== null) serverCpu.push(cpu1 - cpu0);
      if (timing) {
        serverWork.push(timing.syncMs + timing.checkMs);
        serverCheck.push(timing.checkMs);
        serverSync.push(timing.syncMs);
        beyondWait.push(at - t0 - timing.waitMs);
      }
    }
  }

  // Hover positions: the contradictions the server reported (on claims' values).
  const contradictions = opened.diagnostics.filter((d) => d.code === 'contradiction');
  const targets = (contradictions.length ? contradictions : opened.diagnostics).map((d) => ({ line: d.range.start.line, character: d.range.start.character + 1 }));
  const hover = async (position) => {
    const t0 = performance.now();
    const { result, at } = await client.request('textDocument/hover', { textDocument: { uri }, position });
    return { ms: at - t0, hit: result !== null };
  };
  for (let i = 0; i < 10; i++) await hover(targets[i % targets.length]);
  const hoverSamples = [];
  let hits = 0;
  for (let i = 0; i < hovers; i++) {
    const r = await hover(targets[i % targets.length]);
    hoverSamples.push(r.ms);
    if (r.hit) hits++;
  }

  // didChange then an immediate hover: the hover makes the server check at once (no debounce).
  const forced = [];
  for (const p of places) {
    for (const insert of ['x', '']) {
      const v = version + 1;
      const diag = client.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.version === v);
      const t0 = performance.now();
      change(p, insert);
      const { at } = await client.request('textDocument/hover', { textDocument: { uri }, position: targets[0] });
      forced.push(at - t0);
      await diag;
    }
  }
  await client.shutdown();
  const debouncedStats = stats(debounced);
  return {
    didChangeToDiagnostics: debouncedStats,
    /** Wall clock didChange -> publishDiagnostics minus the nominal debounce: includes timer slack, both pipes and scheduling. */
    recheckWallMs: debouncedStats.median - TYPING_DELAY_MS,
    /** The server's own work per edit, as it reports in policyFactCheck/status (timing.syncMs + timing.checkMs). */
    serverWork: serverWork.length ? stats(serverWork) : null,
    serverCheck: serverCheck.length ? stats(serverCheck) : null,
    serverSync: serverSync.length ? stats(serverSync) : null,
    /** didChange -> publishDiagnostics minus the wait the server measured (debounce + slack): the work plus both pipes. */
    beyondWait: beyondWait.length ? stats(beyondWait) : null,
    /** CPU time of the server process (all threads) from didChange to the status after the diagnostics. */
    serverCpu: serverCpu.length ? stats(serverCpu) : null,
    editAndHover: stats(forced),
    hover: { ...stats(hoverSamples), positions: targets.length, hits },
  };
}

async function memoryWith1mb(text) {
  const client = new Client();
  await client.initialize();
  const uri = 'file:///bench/memory-1mb.md';
  await client.open(uri, text);
  const afterOpen = client.memory();
  // One edit and its re-check, as when typing in the document.
  const diag = client.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.version === 2);
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, text: 'x' }] });
  await diag;
  await sleep(100);
  const afterEdit = client.memory();
  await client.shutdown();
  return { afterOpen, afterEdit, hwmMiB: Math.max(afterOpen.hwmMiB, afterEdit.hwmMiB) };
}

export async function runLsp({ quick = false, dir = join(here, '.out') } = {}) {
  const drafts = Object.fromEntries(['10kb', '100kb', '1mb'].map((s) => [s, readFileSync(join(dir, `draft-${s}.md`), 'utf8')]));
  const out = {};
  out.initialize = await spawnToInitialize(quick ? 5 : 10);
  out.open = await openTimes(drafts, quick ? { '10kb': 5, '100kb': 5, '1mb': 2 } : { '10kb': 10, '100kb': 10, '1mb': 4 });
  out.edit = await editAndHover(drafts['100kb'], quick ? 8 : 20, quick ? 30 : 60);
  out.memory = await memoryWith1mb(drafts['1mb']);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--dir');
  const result = await runLsp({ quick: args.includes('--quick'), dir: i >= 0 ? args[i + 1] : undefined });
  if (args.includes('--human')) console.dir(result, { depth: 5 });
  else process.stdout.write(`${JSON.stringify(result)}\n`);
}
