/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeActions, fixtureText, hoverText, labelOf, openUntitledMarkdown, waitFor, waitForDiagnostics } from './helpers';

const KEY = 'frassineti2022';

/** The text an accepted completion item writes (the server sends plain-text edits). */
function insertedText(item: vscode.CompletionItem): string {
  const text = item.insertText;
  return text === undefined ? labelOf(item) : typeof text === 'string' ? text : text.value;
}

function replaceRange(item: vscode.CompletionItem, fallback: vscode.Position): vscode.Range {
  if (!item.range) return new vscode.Range(fallback, fallback);
  return 'replacing' in item.range ? item.range.replacing : item.range;
}

function claimOf(item: vscode.CompletionItem): string {
  const description = typeof item.label === 'string' ? '' : item.label.description ?? '';
  return `${item.detail ?? ''} ${description}`;
}

export function citationsSuite(): void {
  describe('citations', () => {
    afterEach(closeAllEditors);

    it('completes citation keys and facts after `[@`, and a fact item writes its locator', async () => {
      const editor = await openUntitledMarkdown('Kim met Putin in 2019 [@');
      const { document } = editor;
      const end = document.positionAt(document.getText().length);
      const list = await waitFor('citation completions from the server', async () => {
        const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end, '@');
        return result.items.some((i) => labelOf(i) === KEY) ? result : undefined;
      });
      const facts = list.items.filter((i) => labelOf(i).startsWith(`${KEY}, para. `));
      assert.ok(facts.length > 1, `no fact items among ${JSON.stringify(list.items.map(labelOf))}`);
      const putin = facts.filter((i) => /Putin/.test(claimOf(i)));
      assert.equal(putin.length, 1, JSON.stringify(putin.map((i) => [labelOf(i), claimOf(i)])));
      const item = putin[0]!;

      const range = replaceRange(item, end);
      assert.ok(await editor.edit((builder) => {
        builder.replace(range, insertedText(item));
        for (const extra of item.additionalTextEdits ?? []) builder.replace(extra.range, extra.newText);
      }));
      assert.equal(document.getText(), `Kim met Putin in 2019 [@${KEY}, para. 9`);
    });

    it('shows the quotes of the cited paragraph on hover over a citation', async () => {
      const { document } = await openUntitledMarkdown(await fixtureText('clean.md'));
      const marker = `[@${KEY}, para. 4]`;
      const at = document.getText().indexOf(marker);
      assert.ok(at >= 0, 'clean.md has no citation of para. 4');
      const inside = document.positionAt(at + 5);
      const text = await waitFor('a hover on the citation', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, inside);
        const joined = hoverText(hovers);
        return /On 14 July, Pyongyang recognised/.test(joined) ? joined : undefined;
      });
      assert.match(text, /Frassineti/, text);
    });

    it('hints at an uncited claim, and its quick fix cites the source before the full stop', async () => {
      const sentence = 'In 2014, the Russian parliament wrote off 90 per cent of North Korea\'s Soviet-era debt, worth over US$10 billion.';
      const { document } = await openUntitledMarkdown(`${sentence}\n`);
      const [hint] = await waitForDiagnostics(document.uri, (all) => all.some((d) => d.code === 'uncited-claim'))
        .then((all) => all.filter((d) => d.code === 'uncited-claim'));
      assert.equal(hint!.severity, vscode.DiagnosticSeverity.Hint);
      assert.equal(document.getText(hint!.range), sentence);
      assert.match(hint!.message, /para\. 9/);

      const actions = await codeActions(document.uri, hint!.range, vscode.CodeActionKind.QuickFix.value);
      // The sentence is correct, so citing it is the one fix offered.
      assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      const fix = actions[0]!;
      assert.ok(fix.edit, `${fix.title} has no edit`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(document.getText(), `${sentence.slice(0, -1)} [@${KEY}, para. 9].\n`);
      await waitForDiagnostics(document.uri, (all) => !all.some((d) => d.code === 'uncited-claim'));
    });

    it('flags an unknown citation key on the key', async () => {
      const { document } = await openUntitledMarkdown('North Korea has intensified its missile testing [@nosuchkey2020].\n');
      const [unknown] = await waitForDiagnostics(document.uri, (all) => all.some((d) => d.code === 'unknown-citation'))
        .then((all) => all.filter((d) => d.code === 'unknown-citation'));
      assert.match(document.getText(unknown!.range), /^@?nosuchkey2020$/);
      assert.equal(unknown!.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(unknown!.message, /nosuchkey2020/);
    });

    it('Add or Update References writes a References section listing the cited source', async () => {
      const editor = await openUntitledMarkdown(`On 14 July, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine [@${KEY}, para. 4].\n`);
      const changed = await vscode.commands.executeCommand<boolean | undefined>('policyFactCheck.updateReferences');
      assert.equal(changed, true);
      const text = editor.document.getText();
      const section = /\n## References\n\n(.*)\n$/.exec(text);
      assert.ok(section, text);
      assert.match(section[1]!, /^- Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear/, text);

      // Run again: the section is up to date, so nothing changes.
      assert.equal(await vscode.commands.executeCommand<boolean | undefined>('policyFactCheck.updateReferences'), false);
      assert.equal(editor.document.getText(), text);
    });
  });
}
