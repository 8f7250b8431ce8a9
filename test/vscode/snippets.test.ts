/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, labelOf, openUntitledMarkdown, waitFor } from './helpers';

interface SnippetContribution { language: string; path: string }
interface SnippetDefinition { prefix: string; body: string | string[] }

function insertedText(item: vscode.CompletionItem): string {
  const text = item.insertText;
  return text === undefined ? labelOf(item) : typeof text === 'string' ? text : text.value;
}

export function snippetsSuite(): void {
  describe('citation snippets', () => {
    afterEach(closeAllEditors);

    it('are contributed for Markdown and parse', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      const contributed = (extension.packageJSON as { contributes: { snippets: SnippetContribution[] } }).contributes.snippets;
      const markdown = contributed.find((s) => s.language === 'markdown');
      assert.ok(markdown, 'no Markdown snippets contributed');
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, markdown.path));
      const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetDefinition>;
      const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, [s.body].flat().join('\n')]));
      assert.equal(byPrefix.get('cite'), '[@${1:frassineti2022}, para. ${2:1}]');
      assert.match(byPrefix.get('footcite') ?? '', /^\[\^\$\{1:note\}\][\s\S]*\n\[\^\$\{1:note\}\]: /);
      assert.equal(byPrefix.get('quotecite'), '“${1:quoted words}” [@${2:frassineti2022}, para. ${3:1}]');
    });

    it('complete `cite` to a Pandoc citation', async () => {
      const { document } = await openUntitledMarkdown('A claim cite');
      const end = document.positionAt(document.getText().length);
      // Extension snippets load lazily: ask again until they are there.
      const item = await waitFor('the `cite` snippet among the completions', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
        return list.items.find((i) => labelOf(i) === 'cite' && i.kind === vscode.CompletionItemKind.Snippet);
      });
      assert.equal(insertedText(item), '[@${1:frassineti2022}, para. ${2:1}]');
    });
  });
}
