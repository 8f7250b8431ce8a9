/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FactsViewFact, FactsViewSnapshot } from '../../client/src/extensionApi';
import { closeAllEditors, EXTENSION_ID, extensionApi, openFixture, openUntitledMarkdown, waitFor, withWorkspaceSetting } from './helpers';

const KEY = 'frassineti2022';

/** The Facts view once it shows the states of `document` as it is now. */
async function factsFor(document: vscode.TextDocument, ready: (snapshot: FactsViewSnapshot) => boolean = () => true): Promise<FactsViewSnapshot> {
  const api = await extensionApi();
  return waitFor(`the Facts view to show ${document.uri.toString(true)}`, async () => {
    const snapshot = await api.factsView();
    const current = snapshot.status === 'ready' && snapshot.document?.uri === document.uri.toString() && snapshot.document.version === document.version;
    return current && ready(snapshot) ? snapshot : undefined;
  });
}

function factOf(snapshot: FactsViewSnapshot, id: string): FactsViewFact {
  const fact = snapshot.sources.find((s) => s.key === KEY)?.facts.find((f) => f.id === id);
  assert.ok(fact, `no fact ${id} in ${JSON.stringify(snapshot.sources.map((s) => s.facts.map((f) => f.id)))}`);
  return fact;
}

async function runItemCommand(fact: FactsViewFact): Promise<void> {
  assert.ok(fact.command, `${fact.id} has no command`);
  await vscode.commands.executeCommand(fact.command.command, ...(fact.command.arguments ?? []));
}

export function factsViewSuite(): void {
  describe('Facts view', () => {
    afterEach(closeAllEditors);

    it('is contributed to the Explorer', () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { views: { explorer: Array<{ id: string; name: string }> } } };
      assert.ok(manifest.contributes.views.explorer.some((v) => v.id === 'policyFactCheck.facts' && v.name === 'Facts'));
    });

    it('shows each fact’s state in the contradictions draft', async () => {
      const { document } = await openFixture('contradictions.md');
      // Shown in the Explorer, so that the view's own (visible) refresh path runs too.
      await vscode.commands.executeCommand('policyFactCheck.facts.focus');
      const snapshot = await factsFor(document, (s) => s.sources.some((source) => source.facts.some((f) => f.state === 'contradicted')));
      const source = snapshot.sources.find((s) => s.key === KEY);
      assert.ok(source, JSON.stringify(snapshot.sources.map((s) => s.key)));
      assert.match(source.description, /^Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear/);

      const recognition = factOf(snapshot, 'recognition-breakaway-republics');
      assert.equal(recognition.state, 'contradicted');
      assert.equal(recognition.icon, 'error');
      assert.equal(recognition.iconColor, 'problemsErrorIcon.foreground');
      assert.equal(recognition.contextValue, 'fact.located');
      assert.match(recognition.description, /14 July.* · para\. 4$/);
      assert.ok(recognition.ranges.length > 0);
      assert.match(document.getText(recognition.ranges[0]), /^On 14 June, Pyongyang recognised/);
      // The tooltip quotes the source as a block quote of escaped text, and says the state in words.
      assert.match(recognition.tooltip, /^> On 14 July\\, Pyongyang recognised/);
      assert.match(recognition.tooltip, /\*\*Contradicted\*\*/);

      const taiwan = factOf(snapshot, 'taiwan-interference-early-august');
      assert.equal(taiwan.state, 'stated');
      assert.equal(taiwan.icon, 'pass');

      const untouched = source.facts.filter((f) => f.state === 'none');
      assert.ok(untouched.length > 0, 'expected facts the draft does not touch');
      assert.ok(untouched.every((f) => f.icon === 'circle-outline' && f.iconColor === undefined));
      assert.equal(factOf(snapshot, 'seventh-nuclear-test').state, 'none');
    });

    it('selecting a stated fact selects its sentence in the draft', async () => {
      const { document } = await openFixture('contradictions.md');
      const snapshot = await factsFor(document, (s) => s.sources.some((source) => source.facts.some((f) => f.state === 'contradicted')));
      const recognition = factOf(snapshot, 'recognition-breakaway-republics');
      await runItemCommand(recognition);
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), document.uri.toString());
      assert.ok(editor.selection.isEqual(recognition.ranges[0]!), `selection ${JSON.stringify(editor.selection)}`);
    });

    it('selecting a fact the draft does not mention cites it at the cursor, without replacing a selection', async () => {
      const editor = await openUntitledMarkdown('The weather was mild.');
      editor.selection = new vscode.Selection(0, 4, 0, 20);
      const snapshot = await factsFor(editor.document);
      const nuclear = factOf(snapshot, 'seventh-nuclear-test');
      assert.equal(nuclear.state, 'none');
      assert.equal(nuclear.contextValue, 'fact');
      await runItemCommand(nuclear);
      assert.equal(editor.document.getText(), `The weather was mild[@${KEY}, para. 12].`);
      assert.ok(editor.selection.isEmpty && editor.selection.active.character === 20 + `[@${KEY}, para. 12]`.length);

      // Once cited, the fact is shown as cited.
      const cited = await factsFor(editor.document, (s) => factOf(s, 'seventh-nuclear-test').state === 'cited');
      assert.equal(factOf(cited, 'seventh-nuclear-test').icon, 'references');
    });

    it('Insert Citation in the context menu writes a Pandoc citation at the cursor', async () => {
      const editor = await openUntitledMarkdown('Kim met Putin.\n');
      editor.selection = new vscode.Selection(0, 13, 0, 13);
      const fact = factOf(await factsFor(editor.document), 'kim-putin-meeting-2019');
      await vscode.commands.executeCommand('policyFactCheck.facts.insertCitation', ...(fact.command?.arguments ?? []));
      assert.equal(editor.document.getText(), `Kim met Putin[@${KEY}, para. 9].\n`);
    });

    it('Insert Citation in the context menu writes a footnote when the style is footnote', async () => {
      await withWorkspaceSetting('policyFactCheck', 'citationStyle', 'footnote', async () => {
        const editor = await openUntitledMarkdown('Kim met Putin.\n');
        editor.selection = new vscode.Selection(0, 14, 0, 14);
        const fact = factOf(await factsFor(editor.document), 'kim-putin-meeting-2019');
        await vscode.commands.executeCommand('policyFactCheck.facts.insertCitation', ...(fact.command?.arguments ?? []));
        const text = editor.document.getText();
        assert.ok(text.startsWith(`Kim met Putin.[^${KEY}-p9]\n\n[^${KEY}-p9]: Frassineti, Howell and Roy, `), text);
        assert.match(text, /, para\. 9: “In 2019, Kim met Russian President Vladimir Putin[^”]*”\n$/);
      });
    });

    it('shows a welcome message when no Markdown editor is active', async () => {
      await closeAllEditors();
      const api = await extensionApi();
      const snapshot = await waitFor('the Facts view to be empty', async () => {
        const s = await api.factsView();
        return s.status === 'noDocument' ? s : undefined;
      });
      assert.deepEqual(snapshot.sources, []);
      assert.equal(snapshot.document, undefined);
    });
  });
}
