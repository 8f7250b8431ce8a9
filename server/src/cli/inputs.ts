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
    if (stat?.isFile()) files.push(absolute);
    else if (stat?.isDirectory()) walkFiles(absolute, (f) => MARKDOWN.test(f), files);
    else if (isGlob(arg)) {
      const found = expandGlob(arg, cwd);
      if (!found.length) problems.push({ path: arg, message: 'no files match this pattern' });
      files.push(...found);
    } else problems.push({ path: arg, message: 'no such file or folder' });
  }
  return { files: [...new Set(files)], problems };
}
