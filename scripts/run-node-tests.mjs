#!/usr/bin/env node
// Runs the Node test files (unit, snapshot, property, protocol) with node:test, TypeScript through tsx.
//   node scripts/run-node-tests.mjs [substring...]   only files whose path contains a substring
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function find(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'vscode' && name !== 'fixtures' && name !== 'node_modules') find(full, out);
    } else if (name.endsWith('.test.ts')) out.push(relative(root, full));
  }
  return out;
}

const files = find(join(root, 'test'), []).filter((f) => !filters.length || filters.some((s) => f.includes(s)));
if (!files.length) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
