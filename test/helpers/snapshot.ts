/**
 * Readable snapshots of what the checker reports on a draft. Each finding is rendered as
 *
 *   12:34 contradiction warning recognition-breakaway-republics
 *     | - On 14 June, Pyongyang recognised the …
 *     |      ^^^^^^^
 *     The source gives 14 July (2022) for …, not 14 June.
 *     fix: 14 July
 *
 * after a line that counts them, with 1-based lines and 1-based columns counted in UTF-16 code units (as LSP and JavaScript count),
 * and the carets placed by the same count. Snapshots live in test/snapshots/<name>.snap; set
 * UPDATE_SNAPSHOTS=1 to create or update them, otherwise a missing or different snapshot fails with
 * a line diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckResult } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/core/text/lineIndex';

export const SNAPSHOT_DIR = join(__dirname, '..', 'snapshots');

/** The lines of a text without their terminators, split as LSP does (\n, \r\n, \r). */
function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Shows a source line with tabs as one space each, so that carets counted in code units line up. */
function visible(line: string): string {
  return line.replace(/\t/g, ' ');
}

export function renderFindings(text: string, result: CheckResult): string {
  const index = new LineIndex(text);
  const lines = splitLines(text);
  const out: string[] = [];
  out.push(`findings: ${result.findings.length} (contradictions: ${result.stats.contradictions})`);
  for (const f of result.findings) {
    const start = index.positionAt(f.start);
    const end = index.positionAt(f.end);
    out.push('');
    out.push(`${start.line + 1}:${start.character + 1} ${f.code} ${f.severity}${f.factId ? ` ${f.factId}` : ''}`);
    for (let line = start.line; line <= end.line; line++) {
      const content = lines[line] ?? '';
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : content.length;
      out.push(`  | ${visible(content)}`);
      out.push(`  | ${' '.repeat(from)}${'^'.repeat(Math.max(1, to - from))}`);
    }
    out.push(`  ${f.message}`);
    for (const fix of f.fixes) {
      for (const edit of fix.edits) {
        // Text with surrounding spaces or line breaks is quoted so that they show.
        const shown = /^\s|\s$|[\r\n]/.test(edit.newText) || edit.newText === '' ? JSON.stringify(edit.newText) : edit.newText;
        const same = edit.start === f.start && edit.end === f.end;
        const where = index.positionAt(edit.start);
        const replaced = edit.start === edit.end ? 'inserted' : `replacing ${JSON.stringify(text.slice(edit.start, edit.end))}`;
        out.push(`  fix: ${shown}${same ? '' : `  (at ${where.line + 1}:${where.character + 1}, ${replaced})`}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** A line diff (longest common subsequence), unchanged lines shown only near changes. */
export function lineDiff(expected: string, actual: string, context = 2): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Array<{ op: ' ' | '-' | '+'; line: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { ops.push({ op: ' ', line: a[i]! }); i++; j++; }
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) { ops.push({ op: '-', line: a[i]! }); i++; }
    else { ops.push({ op: '+', line: b[j]! }); j++; }
  }
  const keep = ops.map((o, k) => o.op !== ' ' || ops.slice(Math.max(0, k - context), k + context + 1).some((n) => n.op !== ' '));
  const out: string[] = [];
  ops.forEach((o, k) => {
    if (keep[k]) out.push(`${o.op} ${o.line}`);
    else if (k === 0 || keep[k - 1]) out.push('  …');
  });
  return out.join('\n');
}

/** Compares `actual` with test/snapshots/<name>.snap, or writes it when UPDATE_SNAPSHOTS=1. */
export function matchSnapshot(name: string, actual: string): void {
  const path = join(SNAPSHOT_DIR, `${name}.snap`);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`Snapshot ${path} does not exist; run with UPDATE_SNAPSHOTS=1 to create it.`);
  const expected = readFileSync(path, 'utf8');
  if (expected !== actual) {
    throw new Error(`Snapshot ${name} differs (- snapshot, + now); if the change is right, run with UPDATE_SNAPSHOTS=1:\n${lineDiff(expected, actual)}`);
  }
}
