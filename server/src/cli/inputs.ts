import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { expandGlob, isGlob, walkFiles } from '../node/files';

/** Expands the CLI's PATH arguments (files, folders, globs) into Markdown files. */

const MARKDOWN = /\.(md|markdown|mdown|mkd|mdx)$/i;

export interface InputProblem {
  path: string;
  message: string;
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
    // A file named on the command line is checked whatever its name; folders and globs yield only
    // Markdown files (a glob like "docs/*" must not pick up images), and finding none is an input
    // error either way, so that a mistyped path cannot make CI pass without checking anything.
    if (stat?.isFile()) files.push(absolute);
    else if (stat?.isDirectory()) {
      const found = walkFiles(absolute, (f) => MARKDOWN.test(f));
      if (!found.length) problems.push({ path: arg, message: 'no Markdown files in this folder' });
      for (const f of found) files.push(f);
    } else if (isGlob(arg)) {
      const found = expandGlob(arg, cwd).filter((f) => MARKDOWN.test(f));
      if (!found.length) problems.push({ path: arg, message: 'no Markdown files match this pattern' });
      for (const f of found) files.push(f);
    } else problems.push({ path: arg, message: 'no such file or folder' });
  }
  return { files: [...new Set(files)], problems };
}
