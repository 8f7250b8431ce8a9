import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** A bundle loaded by requireCached. */
export interface CachedModule {
  exports: unknown;
  /** The bundle's bytecode came from the cache. */
  usedCache: boolean;
  /** Writes the cache after the run, so that it holds every function the run compiled; does nothing when the cache was used. */
  save(): void;
}

/**
 * Requires a CommonJS bundle through V8's code cache: a CLI run spends a tenth of its time compiling
 * the bundle's functions to bytecode, which the cache (written after the first run, with every
 * function that run compiled) saves. Node 22 has this built in (module.enableCompileCache); the
 * engines field still admits Node 20, which does not.
 *
 * The cache is an optimization only: any problem reading or writing it falls back to compiling.
 * V8 checks its own version and flags, and the source only by length, so the file name carries a
 * hash of the source. The folder is the user's own (0700, owned by them): a code cache is code.
 */
export function requireCached(file: string, cacheDir: string | null = defaultCacheDir()): CachedModule {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheDir !== null && usableFolder(cacheDir) ? join(cacheDir, cacheName(file, source)) : null;
  const cachedData = cacheFile ? readOrNull(cacheFile) : null;
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  const usedCache = cachedData !== null && script.cachedDataRejected === false;
  return { exports: module.exports, usedCache, save: () => { if (!usedCache && cacheFile) writeAndTidy(cacheFile, () => script.createCachedData()); } };
}

/**
 * `bundle-PLACE-SOURCE.cache`: installs in different places (a global one and a project's) keep a
 * cache each instead of replacing each other's on every run; a new version replaces its own.
 */
function cacheName(file: string, source: string): string {
  const hash = (...parts: string[]) => { const h = createHash('sha256'); for (const p of parts) h.update(p).update('\0'); return h.digest('hex').slice(0, 16); };
  return `${basename(file)}-${hash(file)}-${hash(process.version, source)}.cache`;
}

function defaultCacheDir(): string | null {
  const setting = process.env.POLICY_FACT_CHECK_CACHE_DIR;
  if (setting === '') return null;
  return setting ?? join(tmpdir(), `policy-fact-check-${process.getuid?.() ?? 'user'}`);
}

/** Creates the folder if needed; refuses one that another user owns or may write into. */
function usableFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = statSync(dir);
    if (!stat.isDirectory()) return false;
    if (process.getuid && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return false;
    return true;
  } catch {
    return false;
  }
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Caches of other installs not written for this long are removed: checkouts come and go. */
const ABANDONED_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Written under a temporary name and renamed: a concurrent run reads the old file or the new, never
 * half of one. Then tidies: this install's caches for other sources (earlier versions) go, and
 * other installs' caches that have not been written for a month.
 */
function writeAndTidy(file: string, data: () => Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data(), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    removeQuietly(temporary);
    return;
  }
  const dir = dirname(file);
  const name = basename(file);
  const samePlace = name.slice(0, name.lastIndexOf('-') + 1);
  const sameBundle = samePlace.slice(0, samePlace.lastIndexOf('-', samePlace.length - 2) + 1);
  try {
    for (const other of readdirSync(dir)) {
      if (other === name || !other.startsWith(sameBundle) || !other.endsWith('.cache')) continue;
      if (other.startsWith(samePlace) || writtenAgo(join(dir, other)) > ABANDONED_MS) removeQuietly(join(dir, other));
    }
  } catch {
    // Only tidying.
  }
}

function writtenAgo(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or never written.
  }
}
