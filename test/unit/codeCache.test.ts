/**
 * The CLI's code cache (server/src/cli/codeCache.ts): used when valid, rewritten when stale or
 * damaged, never trusted across sources, never a reason for a run to fail; and the CLI reports the
 * same with and without it.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { CLI, requireBuild, ROOT } from '../protocol/lspClient';

const work = mkdtempSync(join(tmpdir(), 'pfc-code-cache-'));
after(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder with a CommonJS module whose exports say which version of its source ran. */
function moduleFolder(body = `exports.answer = () => 'first';`): { dir: string; file: string; cacheDir: string } {
  const dir = join(work, `case-${counter++}`);
  const cacheDir = join(dir, 'cache');
  const file = join(dir, 'bundle.js');
  mkdirSync(dir);
  writeFileSync(file, `${body}\nexports.helper = require('node:path').basename(__filename);\n`);
  return { dir, file, cacheDir };
}

const caches = (cacheDir: string) => readdirSync(cacheDir).filter((name) => name.endsWith('.cache'));

interface Loaded { usedCache: boolean; answer: string; helper: string }

/**
 * Loads the module as the launcher does, in a process of its own (V8 keeps compiled scripts for the
 * life of a process, so a second load in this one would not read the cache at all), and saves.
 */
function load(file: string, cacheDir: string | null): Loaded {
  const script = `
    const { requireCached } = require(${JSON.stringify(join(ROOT, 'server', 'src', 'cli', 'codeCache.ts'))});
    const loaded = requireCached(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
    loaded.save();
    process.stdout.write(JSON.stringify({ usedCache: loaded.usedCache, answer: loaded.exports.answer(), helper: loaded.exports.helper }));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Loaded;
}

describe('requireCached', () => {
  it('compiles without a cache, writes one after the run, and uses it next time', () => {
    const { file, cacheDir } = moduleFolder();
    const first = load(file, cacheDir);
    assert.deepEqual(first, { usedCache: false, answer: 'first', helper: 'bundle.js' }, 'require and __filename are the module’s own');
    assert.equal(caches(cacheDir).length, 1);
    const written = statSync(join(cacheDir, caches(cacheDir)[0]!)).mtimeMs;
    assert.deepEqual(load(file, cacheDir), { usedCache: true, answer: 'first', helper: 'bundle.js' });
    assert.equal(statSync(join(cacheDir, caches(cacheDir)[0]!)).mtimeMs, written, 'a cache that was used is not rewritten');
  });

  it('never runs a cache made for another source of the same length, and removes the old one', () => {
    const { file, cacheDir } = moduleFolder(`exports.answer = () => 'first';`);
    load(file, cacheDir);
    const old = caches(cacheDir);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`'first'`, `'other'`));
    const changed = load(file, cacheDir);
    assert.equal(changed.usedCache, false);
    assert.equal(changed.answer, 'other');
    assert.equal(caches(cacheDir).length, 1);
    assert.notDeepEqual(caches(cacheDir), old);
    assert.equal(load(file, cacheDir).usedCache, true);
  });

  it('keeps a cache per place, so that two installs sharing the folder do not replace each other’s', () => {
    const global = moduleFolder(`exports.answer = () => 'global';`);
    const local = moduleFolder(`exports.answer = () => 'local';`);
    const shared = join(work, 'shared-cache');
    load(global.file, shared);
    load(local.file, shared);
    assert.equal(caches(shared).length, 2);
    assert.deepEqual(load(global.file, shared), { usedCache: true, answer: 'global', helper: 'bundle.js' });
    assert.deepEqual(load(local.file, shared), { usedCache: true, answer: 'local', helper: 'bundle.js' });
  });

  it('removes another install’s cache that has not been written for a month', () => {
    const gone = moduleFolder(`exports.answer = () => 'gone';`);
    const current = moduleFolder(`exports.answer = () => 'current';`);
    const shared = join(work, 'tidy-cache');
    load(gone.file, shared);
    const [abandoned] = caches(shared);
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(join(shared, abandoned!), longAgo, longAgo);
    load(current.file, shared);
    assert.equal(caches(shared).length, 1);
    assert.notEqual(caches(shared)[0], abandoned);
  });

  it('ignores a damaged cache and replaces it', () => {
    const { file, cacheDir } = moduleFolder();
    load(file, cacheDir);
    const cacheFile = join(cacheDir, caches(cacheDir)[0]!);
    writeFileSync(cacheFile, Buffer.from('not a code cache at all'.repeat(100)));
    assert.deepEqual(load(file, cacheDir), { usedCache: false, answer: 'first', helper: 'bundle.js' });
    assert.equal(load(file, cacheDir).usedCache, true);
  });

  it('runs without caching when the cache folder cannot be used', () => {
    const { dir, file } = moduleFolder();
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, 'x');
    assert.deepEqual(load(file, notAFolder), { usedCache: false, answer: 'first', helper: 'bundle.js' });
    assert.equal(readFileSync(notAFolder, 'utf8'), 'x');
    assert.equal(load(file, null).answer, 'first');
  });

  it('refuses a folder that others may write into', { skip: process.platform === 'win32' }, () => {
    const { file, cacheDir } = moduleFolder();
    load(file, cacheDir);
    chmodSync(cacheDir, 0o777);
    assert.deepEqual(load(file, cacheDir), { usedCache: false, answer: 'first', helper: 'bundle.js' }, 'a code cache is code: not read from a folder anyone can write');
  });
});

describe('the CLI with its code cache', () => {
  it('reports the same on the run that writes the cache, the run that uses it, and without one', () => {
    requireBuild();
    const cacheDir = join(work, 'cli-cache');
    const draft = join(ROOT, 'test', 'fixtures', 'workspace');
    const run = (dir: string) => spawnSync(process.execPath, [CLI, 'check', '--format', 'json', draft], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, POLICY_FACT_CHECK_CACHE_DIR: dir } });
    const writing = run(cacheDir);
    assert.equal(caches(cacheDir).length, 1, `stderr: ${writing.stderr}`);
    const reading = run(cacheDir);
    const without = run('');
    assert.ok(JSON.parse(writing.stdout), 'the report is JSON');
    assert.equal(reading.stdout, writing.stdout);
    assert.equal(without.stdout, writing.stdout);
    assert.equal(reading.status, writing.status);
    assert.equal(without.status, writing.status);
  });
});
