/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, contradictions, DIAGNOSTIC_SOURCE, extensionApi, hoverText, openFixture, waitFor, waitForDiagnostics } from './helpers';

// contradictions.md plants exactly two wrong values: 14 June (the source says 14 July) and
// 80 per cent (90 per cent); clean.md states the same facts correctly.
export function checkingSuite(): void {
  describe('checking a draft', () => {
    after(closeAllEditors);

    it('flags each planted wrong value with the source’s value', async () => {
      const { document } = await openFixture('contradictions.md');
      await waitForDiagnostics(document.uri, (all) => all.filter((d) => d.code === 'contradiction').length === 2);
      const [date, share] = contradictions(document.uri).sort((a, b) => a.range.start.line - b.range.start.line);

      assert.equal(date!.source, DIAGNOSTIC_SOURCE);
      assert.equal(document.getText(date!.range), '14 June');
      assert.equal(date!.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(date!.message, /14 July/);

      assert.equal(document.getText(share!.range), '80 per cent');
      assert.match(share!.message, /90 per cent/);
    });

    it('reports the claim count to the status bar', async () => {
      const { document } = await openFixture('contradictions.md');
      const api = await extensionApi();
      const status = await waitFor('a status for contradictions.md', () => {
        const latest = api.statusFor(document.uri);
        return latest?.version === document.version ? latest : undefined;
      });
      assert.ok(status.claims > 0, `expected claims, got ${JSON.stringify(status)}`);
      assert.equal(status.contradictions, 2);
    });

    it('shows the verbatim source quote on hover', async () => {
      const { document } = await openFixture('contradictions.md');
      const [date] = await waitForDiagnostics(document.uri, (all) => all.some((d) => d.code === 'contradiction'));
      const inside = date!.range.start.translate(0, 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, inside);
      const text = hoverText(hovers);
      assert.match(text, /recognised Russia-controlled breakaway republics/, text);
      assert.match(text, /para\. 4/, text);
    });

    it('finds nothing to contradict in a correct draft', async () => {
      const { document } = await openFixture('clean.md');
      const api = await extensionApi();
      const status = await waitFor('a status for clean.md', () => {
        const latest = api.statusFor(document.uri);
        return latest?.version === document.version ? latest : undefined;
      });
      assert.equal(status.contradictions, 0);
      assert.ok(status.claims > 0, 'clean.md should still make claims the fact base covers');
      assert.deepEqual(contradictions(document.uri), []);
    });
  });
}
