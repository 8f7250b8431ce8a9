import type { Diagnostic } from 'vscode-languageserver-types';

const NAMES = ['', 'error', 'warning', 'information', 'hint'];

/** One line per finding, like a compiler: file:line:col severity code message (1-based). */
export function formatText(results: ReadonlyArray<{ file: string; diagnostics: Diagnostic[] }>): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${NAMES[d.severity ?? 2]} ${d.code} ${d.message}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
