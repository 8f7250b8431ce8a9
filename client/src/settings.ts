import * as vscode from 'vscode';

export const CONFIGURATION_SECTION = 'policyFactCheck';

export type CitationStyle = 'pandoc' | 'footnote';

/** Settings the client itself acts on; the server reads the rest through workspace/configuration. */
export function citationStyleFor(uri: vscode.Uri): CitationStyle {
  return vscode.workspace.getConfiguration(CONFIGURATION_SECTION, uri).get<string>('citationStyle') === 'footnote' ? 'footnote' : 'pandoc';
}

export function isEnabledFor(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(CONFIGURATION_SECTION, uri).get<boolean>('enable') !== false;
}
