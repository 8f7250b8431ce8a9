/// <reference types="mocha" />
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitForDiagnostics, withWorkspaceSetting } from './helpers';

function contradictionSeverities(all: vscode.Diagnostic[]): vscode.DiagnosticSeverity[] {
  return all.filter((d) => d.code === 'contradiction').map((d) => d.severity);
}

export function settingsSuite(): void {
  describe('settings', () => {
    after(closeAllEditors);

    it('a severity change reaches the server and the diagnostics', async () => {
      const { document } = await openFixture('contradictions.md');
      await waitForDiagnostics(document.uri, (all) => contradictionSeverities(all).length === 2);
      await withWorkspaceSetting('policyFactCheck', 'severity', { contradiction: 'error' }, async () => {
        await waitForDiagnostics(document.uri, (all) => {
          const severities = contradictionSeverities(all);
          return severities.length === 2 && severities.every((s) => s === vscode.DiagnosticSeverity.Error);
        });
      });
      await waitForDiagnostics(document.uri, (all) => {
        const severities = contradictionSeverities(all);
        return severities.length === 2 && severities.every((s) => s === vscode.DiagnosticSeverity.Warning);
      });
    });
  });
}
