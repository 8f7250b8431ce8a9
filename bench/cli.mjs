#!/usr/bin/env node
// Whole-process CLI runs: `node dist/cli.js check FILE` against `markdownlint-cli2 FILE` on the same
// drafts (both started the same way, as `node BIN ...`, output piped and discarded).
//   node bench/cli.mjs [--quick] [--human] [--dir DIR]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { stats } from './lsp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const CLI = join(root, 'dist', 'cli.js');

function markdownlintBin() {
  const dir = join(root, 'node_modules', 'markdownlint-cli2');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['markdownlint-cli2'];
  return { path: join(dir, bin), version: pkg.version };
}

function run(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return { ms, status: r.status, out: r.stdout.length + r.stderr.length };
}

export function runCli({ quick = false, dir = join(here, '.out') } = {}) {
  const lint = markdownlintBin();
  const runsBySize = quick ? { '10kb': 3, '100kb': 3, '1mb': 1 } : { '10kb': 5, '100kb': 5, '1mb': 3 };
  const out = { markdownlintVersion: lint.version, sizes: {} };
  for (const size of ['10kb', '100kb', '1mb']) {
    const file = join(dir, `draft-${size}.md`);
    // One untimed run of each warms the file cache and the code cache (not for 1 MB: too long).
    const ours = size === '1mb' ? [] : [run([CLI, 'check', file])];
    const theirs = size === '1mb' ? [] : [run([lint.path, file])];
    const oursMs = [], theirsMs = [];
    for (let i = 0; i < runsBySize[size]; i++) {
      // Interleaved, so that background load hits both alike.
      const a = run([CLI, 'check', file]);
      const b = run([lint.path, file]);
      ours.push(a);
      theirs.push(b);
      oursMs.push(a.ms);
      theirsMs.push(b.ms);
    }
    const cli = stats(oursMs);
    const markdownlint = stats(theirsMs);
    out.sizes[size] = {
      cli, markdownlint, ratio: cli.median / markdownlint.median,
      cliExit: ours.at(-1).status, markdownlintExit: theirs.at(-1).status,
      cliOutputBytes: ours.at(-1).out, markdownlintOutputBytes: theirs.at(-1).out,
    };
  }
  // Process start-up floors, for reference.
  const floor = [], version = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    floor.push(run(['-e', '']).ms);
    version.push(run([CLI, '--version']).ms);
  }
  out.nodeStartup = stats(floor);
  out.cliVersion = stats(version);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--dir');
  const result = runCli({ quick: args.includes('--quick'), dir: i >= 0 ? args[i + 1] : undefined });
  if (args.includes('--human')) console.dir(result, { depth: 5 });
  else process.stdout.write(`${JSON.stringify(result)}\n`);
}
