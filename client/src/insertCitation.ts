import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIST_FACTS_REQUEST, type FactSummary, type ListFactsParams } from '../../server/src/lsp/protocol';
import { footnoteDefinitionAppendix, footnoteReference, hasFootnoteDefinition, pandocCitation } from './citationText';
import { citationStyleFor } from './settings';

interface FactItem extends vscode.QuickPickItem {
  fact: FactSummary;
}

/** Lets the user pick a fact of the loaded fact bases and cites its source at the cursor. */
export async function insertCitation(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Policy Fact Check: open a Markdown document to insert a citation.');
    return;
  }
  const document = editor.document;
  const params: ListFactsParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
  const facts = client.sendRequest<FactSummary[]>(LIST_FACTS_REQUEST, params);
  const items = facts.then((list) => list.map<FactItem>((fact) => ({
    label: fact.claim,
    description: `@${fact.sourceKey}, para. ${fact.paragraph}`,
    detail: fact.quote,
    fact,
  })));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Insert Citation',
    placeHolder: 'Search the facts of the fact bases by claim, key or quote',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked || editor.document.isClosed) return;
  await insertCitationAt(editor, picked.fact);
}

export interface InsertOptions {
  /**
   * true (Insert Citation…): the citation replaces what is selected. false (the Facts view, whose
   * own Reveal may have just selected a sentence): it goes in at the cursor and nothing is deleted.
   */
  replaceSelection: boolean;
}

/** Writes the citation of `fact` at each cursor, in the document's citation style; false if the editor refused the edit. */
export async function insertCitationAt(editor: vscode.TextEditor, fact: FactSummary, options: InsertOptions = { replaceSelection: true }): Promise<boolean> {
  const document = editor.document;
  const footnote = citationStyleFor(document.uri) === 'footnote';
  const citation = footnote ? footnoteReference(fact) : pandocCitation(fact);
  const text = document.getText();
  const appendDefinition = footnote && !hasFootnoteDefinition(text, fact);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const cursors = [...new Set(editor.selections.map((s) => document.offsetAt(s.active)))].sort((a, b) => a - b);
  const done = await editor.edit((builder) => {
    if (options.replaceSelection) for (const selection of editor.selections) builder.replace(selection, citation);
    else for (const offset of cursors) builder.insert(document.positionAt(offset), citation);
    if (appendDefinition) builder.insert(document.positionAt(text.length), footnoteDefinitionAppendix(text, fact, eol));
  });
  // Leave a caret after each inserted citation, whatever was selected before.
  if (done && !options.replaceSelection) {
    editor.selections = cursors.map((offset, i) => {
      const after = document.positionAt(offset + (i + 1) * citation.length);
      return new vscode.Selection(after, after);
    });
  }
  return done;
}
