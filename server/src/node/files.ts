import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** Walking folders and expanding globs, with limits so that a huge workspace cannot stall the server. */

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', 'target', 'build']);
const GLOB_CHARS = /[*?[\]{}]/;
const MAX_ENTRIES = 50000;
const MAX_DEPTH = 12;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

export function walkFiles(dir: string, accept: (file: string) => boolean, out: string[] = [], budget = { entries: MAX_ENTRIES }, depth = 0): string[] {
  if (depth > MAX_DEPTH || budget.entries <= 0) return out;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  // A stable order by code units: localeCompare asks ICU for every comparison and costs the CLI milliseconds.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (--budget.entries <= 0) break;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walkFiles(full, accept, out, budget, depth + 1);
    } else if (entry.isFile() && accept(full)) out.push(full);
  }
  return out;
}

/** The folder a glob starts from: its leading path segments without wildcards. */
function globBase(pattern: string): string {
  const base: string[] = [];
  for (const part of pattern.split(/[\\/]/)) {
    if (GLOB_CHARS.test(part)) break;
    base.push(part);
  }
  return base.join(sep) || '.';
}

/** Files matching a glob, relative to `cwd` (or absolute). */
export function expandGlob(pattern: string, cwd: string): string[] {
  const base = resolve(cwd, globBase(pattern));
  const isMatch = picomatch(pattern.replace(/\\/g, '/'), { dot: false });
  const slash = (p: string) => p.split(sep).join('/');
  return walkFiles(base, (f) => isMatch(slash(relative(cwd, f))) || isMatch(slash(f)));
}
