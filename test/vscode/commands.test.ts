/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckFilesResult } from '../../server/src/lsp/protocol';
import { closeAllEditors, openUntitledMarkdown, waitFor, withWorkspaceSetting } from './helpers';

/** Accepts the first item of the Insert Citation quick pick as soon as its facts have loaded. */
async function insertFirstCitation(): Promise<void> {
  let done = false;
  const command = Promise.resolve(vscode.commands.executeCommand('policyFactCheck.insertCitation')).finally(() => { done = true; });
  await waitFor('Insert Citation to accept a fact', async () => {
    // Accepting does nothing while the picker is not yet open or still loading its items.
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return done;
  });
  await command;
}

export function commandsSuite(): void {
  describe('commands', () => {
    afterEach(closeAllEditors);

    it('Open Built-in Fact Base opens the shipped YAML', async () => {
      await vscode.commands.executeCommand('policyFactCheck.openBuiltInFactBase');
      const editor = await waitFor('the fact base editor', () => vscode.window.activeTextEditor);
      assert.match(editor.document.uri.path, /\/facts\/frassineti2022\.facts\.yaml$/);
      assert.match(editor.document.getText(), /key: frassineti2022/);
    });

    it('Re-check Markdown Files in Workspace checks the fixture drafts', async () => {
      const result = await vscode.commands.executeCommand<CheckFilesResult | undefined>('policyFactCheck.recheckWorkspace');
      assert.ok(result, 'the command returned no result');
      assert.deepEqual(result.skipped, []);
      assert.ok(result.files >= 2, JSON.stringify(result));
      assert.equal(result.contradictions, 2, JSON.stringify(result));
    });

    it('Insert Citation… writes a Pandoc citation at the cursor', async () => {
      const editor = await openUntitledMarkdown('Pyongyang intensified its missile testing. ');
      editor.selection = new vscode.Selection(editor.document.positionAt(41), editor.document.positionAt(41));
      await insertFirstCitation();
      assert.match(editor.document.getText(), /^Pyongyang intensified its missile testing\[@frassineti2022, para\. \d+\]\. $/);
    });

    it('Insert Citation… writes a footnote and its definition when the style is footnote', async () => {
      await withWorkspaceSetting('policyFactCheck', 'citationStyle', 'footnote', async () => {
        const editor = await openUntitledMarkdown('Pyongyang intensified its missile testing.\n');
        editor.selection = new vscode.Selection(editor.document.positionAt(42), editor.document.positionAt(42));
        await insertFirstCitation();
        const text = editor.document.getText();
        const reference = /^Pyongyang intensified its missile testing\.(\[\^frassineti2022-p\d+\])\n\n/.exec(text);
        assert.ok(reference, text);
        assert.ok(text.includes(`\n${reference[1]}: Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear – Analysis”`), text);
        assert.match(text, /, para\. \d+: “[^”]+”\n$/);
      });
    });
  });
}
