import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** Expands the CLI's PATH arguments (files, folders, globs) into Markdown files, and reads them safely. */

const MARKDOWN = /\.(md|markdown|mdown|mkd|mdx)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);
const GLOB_CHARS = /[*?[\]{}]/;

export interface InputProblem {
  path: string;
  message: string;
}

function walk(dir: string, accept: (file: string) => boolean, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(full, accept, out);
    } else if (entry.isFile() && accept(full)) out.push(full);
  }
}

/** The folder a glob starts from: its leading path segments without wildcards. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const base: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    base.push(part);
  }
  return base.join(sep) || '.';
}

export function expandInputs(args: readonly string[], cwd = process.cwd()): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      stat = null;
    }
    if (stat?.isFile()) files.push(absolute);
    else if (stat?.isDirectory()) walk(absolute, (f) => MARKDOWN.test(f), files);
    else if (GLOB_CHARS.test(arg)) {
      const base = resolve(cwd, globBase(arg));
      const isMatch = picomatch(arg.replace(/\\/g, '/'), { dot: false });
      const found: string[] = [];
      walk(base, (f) => isMatch(relative(cwd, f).split(sep).join('/')) || isMatch(f.split(sep).join('/')), found);
      if (!found.length) problems.push({ path: arg, message: 'no files match this pattern' });
      files.push(...found);
    } else problems.push({ path: arg, message: 'no such file or folder' });
  }
  return { files: [...new Set(files)], problems };
}
