/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, extensionApi, openFixture } from './helpers';

const CONTRIBUTED_COMMANDS = [
  'policyFactCheck.recheckWorkspace',
  'policyFactCheck.openBuiltInFactBase',
  'policyFactCheck.insertCitation',
  'policyFactCheck.showProblems',
  'policyFactCheck.updateReferences',
  'policyFactCheck.facts.refresh',
  'policyFactCheck.facts.insertCitation',
  'policyFactCheck.facts.reveal',
  'policyFactCheck.facts.open',
];

export function activationSuite(): void {
  describe('activation', () => {
    after(closeAllEditors);

    it('activates on a Markdown document and returns its API', async () => {
      await openFixture('contradictions.md');
      const api = await extensionApi();
      assert.equal(typeof api.statusFor, 'function');
      assert.equal(typeof api.factsView, 'function');
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    });

    it('registers every contributed command', async () => {
      const commands = new Set(await vscode.commands.getCommands(true));
      for (const command of CONTRIBUTED_COMMANDS) assert.ok(commands.has(command), `${command} is not registered`);
    });
  });
}
