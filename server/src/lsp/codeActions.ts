import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './convert';

/** Code actions keyed by diagnostic, as vscode-eslint does: every fix travels in the diagnostic's data. */

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policyFactCheck`;

/**
 * Fixes that restore what the source says are preferred (and applied by fix-all); inserting a
 * citation is a suggestion the writer chooses, never applied wholesale.
 */
const PRIORITY: Record<string, number> = { contradiction: 0, misquote: 1, 'wrong-locator': 2, 'unknown-citation': 3 };

function priority(diagnostic: Diagnostic): number {
  return PRIORITY[String(diagnostic.code)] ?? 9;
}

function fixesOf(diagnostic: Diagnostic): { edits: TextEdit[]; title: string }[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.map((fix, i) => ({
    edits: Array.isArray(fix) ? fix : [fix],
    title: data.fixTitles?.[i] ?? 'Apply the source’s value',
  }));
}

export function quickFixes(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of [...diagnostics].sort((a, b) => priority(a) - priority(b))) {
    const preferable = priority(diagnostic) < 9;
    fixesOf(diagnostic).forEach((fix, i) => {
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: fix.edits } },
      };
      if (i === 0 && preferable) action.isPreferred = true;
      actions.push(action);
    });
  }
  return actions;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

/** Every preferred fix of the document, skipping any that would overlap an earlier one. */
export function fixAll(uri: string, diagnostics: readonly Diagnostic[]): CodeAction | null {
  const edits: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    if (priority(diagnostic) >= 9) continue;
    const preferred = fixesOf(diagnostic)[0];
    if (!preferred) continue;
    if (preferred.edits.some((e) => edits.some((x) => overlaps(x, e)))) continue;
    edits.push(...preferred.edits);
  }
  if (!edits.length) return null;
  return { title: 'Fix all contradictions with the source’s values', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } };
}
