#!/usr/bin/env node
// Runs the built CLI on the bundled example draft and explains the exit status.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const draft = join('examples', 'draft.md');
console.log(`$ policy-fact-check check ${draft}\n`);
const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', draft], { cwd: root, stdio: 'inherit' });
if (run.status === 1) {
  console.log('\nExit status 1: the draft contradicts its source (as it should: the example has planted errors).');
  console.log('Try `node dist/cli.js check --format json examples/draft.md` for the fixes, or open the draft in VS Code.');
  process.exit(0);
}
process.exit(run.status ?? 1);
