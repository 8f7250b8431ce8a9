/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeActions, contradictions, fixtureText, openUntitledMarkdown, waitForDiagnostics } from './helpers';

const FIX_ALL_KIND = 'source.fixAll.policyFactCheck';

export function fixesSuite(): void {
  describe('fixing a draft', () => {
    afterEach(closeAllEditors);

    it('quick fix puts in the source’s value and the diagnostic goes away', async () => {
      const { document } = await openUntitledMarkdown(await fixtureText('contradictions.md'));
      await waitForDiagnostics(document.uri, (all) => all.filter((d) => d.code === 'contradiction').length === 2);
      const date = contradictions(document.uri).find((d) => document.getText(d.range) === '14 June');
      assert.ok(date, 'no diagnostic on 14 June');

      const actions = await codeActions(document.uri, date.range, vscode.CodeActionKind.QuickFix.value);
      const preferred = actions.find((a) => a.isPreferred && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
      assert.ok(preferred?.edit, `no preferred quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(preferred.edit));

      assert.equal(document.getText(date.range), '14 July');
      // Other kinds (the uncited-claim hints) may be listed too: only the contradictions count here.
      await waitForDiagnostics(document.uri, (all) => all.filter((d) => d.code === 'contradiction').length === 1);
      assert.equal(document.getText(contradictions(document.uri)[0]!.range), '80 per cent');
    });

    it('fix-all puts in every source value at once', async () => {
      const { document } = await openUntitledMarkdown(await fixtureText('contradictions.md'));
      await waitForDiagnostics(document.uri, (all) => all.filter((d) => d.code === 'contradiction').length === 2);
      const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));

      const actions = await codeActions(document.uri, whole, FIX_ALL_KIND);
      assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(actions[0]!.kind?.value, FIX_ALL_KIND);
      assert.ok(actions[0]!.edit && await vscode.workspace.applyEdit(actions[0]!.edit));

      const text = document.getText();
      assert.match(text, /On 14 July, Pyongyang/);
      assert.match(text, /wrote off 90 per cent/);
      await waitForDiagnostics(document.uri, (all) => !all.some((d) => d.code === 'contradiction'));
    });
  });
}
