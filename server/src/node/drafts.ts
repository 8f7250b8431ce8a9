import { readFileSync } from 'node:fs';

/** Reads a draft as text; binary files are refused with a reason instead of being checked as junk. */
export function readDraft(path: string): { text: string } | { problem: string } {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (e) {
    return { problem: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const head = buffer.subarray(0, 8192);
  if (head.includes(0)) return { problem: 'looks like a binary file (it contains NUL bytes); skipped' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}
