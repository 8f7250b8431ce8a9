import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { PositionMapper } from '../core/text/lineIndex';
import type { Finding, FindingCode, Severity, TextEdit as CoreEdit } from '../core/types';

/** Core findings -> LSP diagnostics: the one place where the two meet, used by the server and the CLI alike. */

export const DIAGNOSTIC_SOURCE = 'policy-fact-check';

export type SeveritySetting = Severity | 'off';
export type SeverityOverrides = Partial<Record<FindingCode, SeveritySetting>>;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries so that quick fixes can be made without checking again. */
export interface DiagnosticData {
  factId?: string;
  sourceValue?: string;
  /** Each fix is one TextEdit, or several when a fix touches more than one place; the first is preferred. */
  fixes: Array<TextEdit | TextEdit[]>;
  fixTitles: string[];
}

export function toTextEdit(edit: CoreEdit, index: PositionMapper): TextEdit {
  return { range: { start: index.positionAt(edit.start), end: index.positionAt(edit.end) }, newText: edit.newText };
}

export function toDiagnostic(finding: Finding, index: PositionMapper, severity: SeveritySetting = finding.severity): Diagnostic | null {
  if (severity === 'off') return null;
  const data: DiagnosticData = {
    fixes: finding.fixes.map((fix) => (fix.edits.length === 1 ? toTextEdit(fix.edits[0]!, index) : fix.edits.map((e) => toTextEdit(e, index)))),
    fixTitles: finding.fixes.map((fix) => fix.title),
  };
  if (finding.factId !== undefined) data.factId = finding.factId;
  if (finding.sourceValue !== undefined) data.sourceValue = finding.sourceValue;
  return {
    range: { start: index.positionAt(finding.start), end: index.positionAt(finding.end) },
    severity: SEVERITY[severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

export function toDiagnostics(findings: readonly Finding[], index: PositionMapper, overrides: SeverityOverrides = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const finding of findings) {
    const diagnostic = toDiagnostic(finding, index, overrides[finding.code] ?? finding.severity);
    if (diagnostic) out.push(diagnostic);
  }
  return out;
}
