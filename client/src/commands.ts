import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from './commandIds';
import { insertCitation } from './insertCitation';
import { recheckWorkspace } from './recheckWorkspace';
import { updateReferences } from './updateReferences';

const BUILT_IN_FACT_BASE = ['facts', 'frassineti2022.facts.yaml'];

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.recheckWorkspace, () => reportingFailures('re-check the workspace', () => recheckWorkspace(client))),
    vscode.commands.registerCommand(COMMANDS.insertCitation, () => reportingFailures('insert a citation', () => insertCitation(client))),
    vscode.commands.registerCommand(COMMANDS.openBuiltInFactBase, () => openBuiltInFactBase(context)),
    vscode.commands.registerCommand(COMMANDS.updateReferences, () => reportingFailures('update the references', updateReferences)),
    vscode.commands.registerCommand(COMMANDS.showProblems, () => vscode.commands.executeCommand('workbench.actions.view.problems')),
  );
}

async function openBuiltInFactBase(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(context.extensionUri, ...BUILT_IN_FACT_BASE);
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  // Edits would be lost on the next update of the extension; the command may not exist in every host.
  await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession').then(undefined, () => undefined);
  return editor;
}

/** A failed request should say what went wrong in words, not as an unhandled rejection. */
async function reportingFailures<T>(what: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (e) {
    void vscode.window.showErrorMessage(`Policy Fact Check could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
