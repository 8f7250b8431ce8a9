import * as vscode from 'vscode';
import { UPDATE_REFERENCES_KIND } from '../../server/src/lsp/protocol';
import { isCheckedDocument } from './clientOptions';
import { citationStyleFor } from './settings';

function isCodeAction(item: vscode.Command | vscode.CodeAction): item is vscode.CodeAction {
  return !('command' in item && typeof item.command === 'string');
}

const KIND = vscode.CodeActionKind.Empty.append(UPDATE_REFERENCES_KIND);

/**
 * Runs the server's "update references" source action on the active draft: a References section
 * listing every cited source (Pandoc style) or the missing footnote definitions (footnote style).
 * Returns whether the draft changed.
 */
export async function updateReferences(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isCheckedDocument(editor.document)) {
    void vscode.window.showInformationMessage('Policy Fact Check: open a Markdown document to add or update its references.');
    return false;
  }
  const document = editor.document;
  // The edit is computed for one version of the text: if the writer types meanwhile, ask again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = document.version;
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const items = await vscode.commands.executeCommand<Array<vscode.Command | vscode.CodeAction> | undefined>(
      'vscode.executeCodeActionProvider', document.uri, whole, UPDATE_REFERENCES_KIND,
    );
    const action = (items ?? []).filter(isCodeAction).find((a) => a.kind !== undefined && KIND.contains(a.kind));
    if (document.isClosed) return false;
    if (document.version !== version) continue;
    if (!action?.edit) {
      const what = citationStyleFor(document.uri) === 'footnote'
        ? 'every footnote citation of a known source already has its definition'
        : 'the References section already lists every source the draft cites';
      void vscode.window.showInformationMessage(`Policy Fact Check: nothing to add: ${what}.`);
      return false;
    }
    if (!(await vscode.workspace.applyEdit(action.edit))) throw new Error('the editor did not accept the edit (is the document read-only?)');
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    return true;
  }
  throw new Error('the draft kept changing; try again');
}
