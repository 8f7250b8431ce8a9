/**
 * Citations over the protocol, against the bundled server (`npm run build` first): diagnostics of
 * the citation codes (and the same diagnostics from `check --format json`, so that CI and the
 * editor agree), completion after "[@" and "[^", hover on a marker, the update-references source
 * action, quick fixes, `policyFactCheck/factStates`, and the citationStyle / bibliography settings.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { docUri } from './drafts';
import { applyEdits, cliDiagnostics, editsFor, essence, LspClient, messageOf, positionAt, rangeIn, tempDir } from './lspClient';

const UPDATE_REFERENCES = 'source.policyFactCheck.updateReferences';
const CITATION_CODES = ['unknown-citation', 'unsupported-citation', 'wrong-locator', 'uncited-claim', 'misquote'];

const RECOGNITION = 'On 14 July, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.';
const MISQUOTED = 'a way for North Korea to profit economically';
const DEBT = 'In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt.';

/** One finding of each citation code, each on its own line, and one contradiction. */
const DRAFT = [
  '# Citations',
  '',
  `The rapprochement is “${MISQUOTED}” [@frassineti2022, para. 1].`,
  '',
  'North Korea recognised the breakaway republics on 14 July [@frasineti2022, para. 4].',
  '',
  'In 2019, Xi made a state visit to North Korea [@frassineti2022, para. 9].',
  '',
  'Trade with Russia grew by 40 per cent in 2021 [@frassineti2022].',
  '',
  DEBT,
  '',
  'On 14 June, Pyongyang recognised the breakaway republics [@frassineti2022, para. 4].',
  '',
].join('\n');

/** [code, severity, the text the range covers] for each diagnostic of DRAFT, in order. */
const EXPECTED: Array<[string, number, string]> = [
  ['misquote', 2, MISQUOTED],
  ['unknown-citation', 2, 'frasineti2022'],
  ['wrong-locator', 3, '9'],
  ['unsupported-citation', 2, '[@frassineti2022]'],
  ['uncited-claim', 4, DEBT],
  ['contradiction', 2, '14 June'],
];

function covered(text: string, range: Range): string {
  const doc = TextDocument.create('untitled:x', 'markdown', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

function endOf(text: string): Position {
  return positionAt(text, text.length);
}

function itemsOf(answer: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}

function textEditOf(item: CompletionItem): TextEdit {
  const edit = item.textEdit;
  assert.ok(edit && 'range' in edit, `item ${item.label} has a plain textEdit`);
  return edit as TextEdit;
}

describe('protocol: citations', () => {
  let client: LspClient;
  const temp = tempDir();
  /** Settings per document URI; others get {}. */
  const settings = new Map<string, unknown>();

  before(async () => {
    client = await LspClient.start({ configuration: (item) => settings.get(item.scopeUri ?? '') ?? {} });
  });
  after(async () => { await client?.dispose(); temp.remove(); });

  describe('diagnostics', () => {
    let uri: string;
    let diagnostics: Diagnostic[];
    before(async () => {
      uri = docUri('citation-diagnostics');
      diagnostics = (await client.openAndWait(uri, DRAFT)).diagnostics;
    });

    it('each citation code with its severity (Warning 2, Information 3, Hint 4), on the right words', () => {
      const got = diagnostics.map((d) => [d.code, d.severity, covered(DRAFT, d.range)]);
      assert.deepEqual(got, EXPECTED, JSON.stringify(diagnostics.map((d) => [d.code, messageOf(d)]), null, 1));
      for (const d of diagnostics) assert.equal(d.source, 'policy-fact-check');
    });

    it('messages name the closest passage, the suggested key and the right paragraph', () => {
      const byCode = new Map(diagnostics.map((d) => [String(d.code), messageOf(d)]));
      assert.match(byCode.get('misquote')!, /The closest passage \(frassineti2022, para\. 1\) reads: “a way for North Korea to benefit economically”/);
      assert.match(byCode.get('unknown-citation')!, /Did you mean @frassineti2022\?/);
      assert.equal(byCode.get('wrong-locator'), '@frassineti2022 makes this claim in para. 10, not para. 9.');
      assert.match(byCode.get('uncited-claim')!, /para\. 9, but the sentence cites nothing\.$/);
    });

    it('`policy-fact-check check --format json` reports the same diagnostics, so CI and the editor agree', () => {
      const draft = temp.file('citations.md', DRAFT);
      const cli = cliDiagnostics(draft.path);
      assert.deepEqual(cli.map((d) => [d.code, d.severity]), EXPECTED.map(([code, severity]) => [code, severity]));
      assert.deepEqual(cli.map(essence), diagnostics.map(essence));
    });

    it('quick fixes: the suggested key, the right paragraph, the source’s words, the inserted citation', async () => {
      const expectations: Record<string, [string, string]> = {
        'unknown-citation': ['[@frasineti2022, para. 4]', '[@frassineti2022, para. 4]'],
        'wrong-locator': ['[@frassineti2022, para. 9]', '[@frassineti2022, para. 10]'],
        misquote: [MISQUOTED, 'a way for North Korea to benefit economically'],
        'uncited-claim': [DEBT, DEBT.replace(/\.$/, ' [@frassineti2022, para. 9].')],
      };
      for (const [code, [before, after]] of Object.entries(expectations)) {
        const diagnostic = diagnostics.find((d) => d.code === code)!;
        const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix'])) ?? [];
        assert.ok(actions.length >= 1, code);
        const fixed = applyEdits(DRAFT, editsFor(actions[0]!.edit, uri));
        assert.equal(fixed, DRAFT.replace(before, after), code);
      }
    });

    it('no fix for an unsupported citation', async () => {
      const diagnostic = diagnostics.find((d) => d.code === 'unsupported-citation')!;
      assert.deepEqual((await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix'])) ?? [], []);
    });
  });

  describe('settings', () => {
    it('citationStyle "footnote": the uncited-claim fix adds a footnote reference and its definition', async () => {
      const uri = docUri('footnote-style');
      settings.set(uri, { citationStyle: 'footnote' });
      const text = `${RECOGNITION}\n`;
      const { diagnostics } = await client.openAndWait(uri, text);
      const uncited = diagnostics.find((d) => d.code === 'uncited-claim');
      assert.ok(uncited, JSON.stringify(diagnostics));
      assert.equal(uncited.severity, 4);
      const [action] = (await client.codeActions(uri, uncited.range, [uncited], ['quickfix'])) ?? [];
      assert.ok(action);
      const edits = editsFor(action.edit, uri);
      assert.equal(edits.length, 2);
      const fixed = applyEdits(text, edits);
      assert.ok(fixed.startsWith(`${RECOGNITION}[^frassineti2022-p4]\n\n[^frassineti2022-p4]: Frassineti, Howell and Roy, `), fixed);
      assert.equal(fixed.split('[^frassineti2022-p4]:').length - 1, 1);
    });

    it('bibliography: keys of a BibTeX file and of a CSL-JSON file are known', async () => {
      const bib = temp.file('refs.bib', '@article{smith2020,\n  title = {Another paper},\n  year = 2020\n}\n');
      const csl = temp.file('refs.json', JSON.stringify([{ id: 'lee2021', type: 'article', title: 'A third paper' }]));
      const text = 'Trade grew [@smith2020, p. 3]. Sanctions bit [@lee2021]. Unknown [@kim2019].\n';
      const withBib = docUri('bibliography');
      settings.set(withBib, { bibliography: [bib.path, csl.path] });
      const known = await client.openAndWait(withBib, text);
      assert.deepEqual(known.diagnostics.filter((d) => d.code === 'unknown-citation').map((d) => covered(text, d.range)), ['kim2019']);
      const without = await client.openAndWait(docUri('no-bibliography'), text);
      assert.deepEqual(without.diagnostics.filter((d) => d.code === 'unknown-citation').map((d) => covered(text, d.range)), ['smith2020', 'lee2021', 'kim2019']);
    });
  });

  describe('completion', () => {
    async function complete(uri: string, text: string, position = endOf(text)): Promise<CompletionItem[]> {
      await client.openAndWait(uri, text);
      return itemsOf(await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position }));
    }

    it('announces "@" and "^" as trigger characters', () => {
      const provider = client.initializeResult.capabilities.completionProvider;
      assert.ok(provider, 'a completion provider');
      assert.deepEqual([...(provider.triggerCharacters ?? [])].sort(), ['@', '^']);
    });

    it('after "[@": the source and each fact, each textEdit an insertion at the cursor', async () => {
      const text = 'North Korea recognised them [@';
      const items = await complete(docUri('complete-empty'), text);
      assert.ok(items.length > 10, `${items.length} items`);
      const cursor = endOf(text);
      for (const item of items) assert.deepEqual(textEditOf(item).range, { start: cursor, end: cursor }, String(item.label));
      const source = items.find((i) => i.label === 'frassineti2022');
      assert.ok(source);
      assert.equal(textEditOf(source).newText, 'frassineti2022');
      const fact = items.find((i) => i.label === 'frassineti2022, para. 4');
      assert.ok(fact);
      assert.equal(textEditOf(fact).newText, 'frassineti2022, para. 4');
      assert.equal(typeof fact.documentation === 'object' && fact.documentation.kind, 'markdown');
    });

    it('puts the claim in the label for clients that show no label details (Neovim 0.7), keeping what is inserted', async () => {
      const plain = await LspClient.start({ labelDetails: false });
      try {
        const uri = docUri('complete-no-label-details');
        const text = 'North Korea recognised them [@';
        await plain.openAndWait(uri, text);
        const items = (await plain.request('textDocument/completion', { textDocument: { uri }, position: endOf(text) })) as CompletionItem[];
        const fact = items.find((i) => i.label.startsWith('frassineti2022, para. 4 — '));
        assert.ok(fact, JSON.stringify(items.map((i) => i.label).slice(0, 5)));
        assert.equal(textEditOf(fact).newText, 'frassineti2022, para. 4');
        assert.equal(fact.labelDetails, undefined);
        assert.equal(new Set(items.map((i) => i.label)).size, items.length, 'labels tell the facts apart');
      } finally {
        await plain.dispose();
      }
    });

    it('after "[@fra": every textEdit replaces the typed prefix', async () => {
      const text = 'Line one.\nNorth Korea recognised them [@fra';
      const uri = docUri('complete-prefix');
      const items = await complete(uri, text);
      assert.ok(items.length > 10);
      const typed = rangeIn(text, 'fra', 0);
      for (const item of items) assert.deepEqual(textEditOf(item).range, typed, String(item.label));
      const chosen = applyEdits(text, [textEditOf(items.find((i) => i.label === 'frassineti2022')!)]);
      assert.equal(chosen, 'Line one.\nNorth Korea recognised them [@frassineti2022');
    });

    it('after "[^": footnote items append their definition with an additional edit', async () => {
      const text = 'In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt.[^\n';
      const position = positionAt(text, text.indexOf('[^') + 2);
      const items = await complete(docUri('complete-footnote'), text, position);
      const item = items.find((i) => i.label === 'frassineti2022-p9');
      assert.ok(item, JSON.stringify(items.map((i) => i.label)));
      assert.equal(item.additionalTextEdits?.length, 1);
      const chosen = applyEdits(text, [textEditOf(item), ...item.additionalTextEdits!]);
      assert.ok(chosen.startsWith('In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt.[^frassineti2022-p9]\n\n[^frassineti2022-p9]: '), chosen);
    });

    it('nothing after an e-mail address', async () => {
      assert.deepEqual(await complete(docUri('complete-email'), 'Write to me@example.com'), []);
    });
  });

  describe('hover on a citation marker', () => {
    it('shows the reference and the quotes of the cited paragraph, over the marker', async () => {
      const uri = docUri('hover-citation');
      const text = 'In 2019, Xi made a state visit to North Korea [@frassineti2022, para. 10].\n';
      await client.openAndWait(uri, text);
      const marker = rangeIn(text, '[@frassineti2022, para. 10]');
      const hover = await client.hover(uri, { line: 0, character: marker.start.character + 3 });
      assert.ok(hover, 'a hover');
      assert.deepEqual(hover.range, marker);
      const value = (hover.contents as { kind: string; value: string });
      assert.equal(value.kind, 'markdown');
      assert.ok(value.value.startsWith('**Policy Fact Check** · citation'), value.value);
      assert.ok(value.value.includes('> Bilateral cooperation between Pyongyang and Beijing'), value.value);
      assert.ok(value.value.includes('> There was also a reaffirmation of ties'), value.value);
      assert.ok(value.value.includes('— para. 10'));
    });
  });

  describe('update references (source action)', () => {
    const cited = `${RECOGNITION.replace(/\.$/, '')} [@frassineti2022, para. 4].\n`;
    const whole: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

    it('only: [updateReferences] returns one action whose edit adds a "## References" section', async () => {
      const uri = docUri('references');
      await client.openAndWait(uri, cited);
      const actions = (await client.codeActions(uri, whole, [], [UPDATE_REFERENCES])) ?? [];
      assert.deepEqual(actions.map((a) => a.kind), [UPDATE_REFERENCES]);
      const updated = applyEdits(cited, editsFor(actions[0]!.edit, uri));
      assert.equal(updated, `${cited}\n## References\n\n- Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear – Analysis”, East Asia Forum, 2022.\n`);
    });

    it('is not offered unasked, nor when nothing is cited', async () => {
      const uri = docUri('references-unasked');
      const { diagnostics } = await client.openAndWait(uri, cited);
      const unasked = (await client.codeActions(uri, whole, diagnostics)) ?? [];
      assert.ok(!unasked.some((a) => a.kind === UPDATE_REFERENCES), JSON.stringify(unasked.map((a) => a.kind)));
      const bare = docUri('references-none');
      await client.openAndWait(bare, 'Nothing cited here.\n');
      assert.deepEqual((await client.codeActions(bare, whole, [], [UPDATE_REFERENCES])) ?? [], []);
    });

    it('in footnote style, adds the missing definitions', async () => {
      const uri = docUri('references-footnotes');
      settings.set(uri, { citationStyle: 'footnote' });
      const text = 'Recognised.[^frassineti2022-p4]\n';
      await client.openAndWait(uri, text);
      const [action] = (await client.codeActions(uri, whole, [], [UPDATE_REFERENCES])) ?? [];
      assert.ok(action);
      const updated = applyEdits(text, editsFor(action.edit, uri));
      assert.ok(updated.startsWith(`${text}\n[^frassineti2022-p4]: Frassineti, Howell and Roy, `), updated);
      assert.ok(!updated.includes('## References'));
    });
  });

  describe('policyFactCheck/factStates', () => {
    interface StatesResult { sources: Array<{ key: string; reference: string; facts: Array<{ id: string; paragraph: number; state: string; ranges: Range[] }> }> }

    it('contradicted, stated, cited and none, with ranges in the document', async () => {
      const uri = docUri('fact-states');
      const wrong = 'On 14 June, Pyongyang recognised the breakaway republics.';
      const debt = 'In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt [@frassineti2022, para. 9].';
      const text = `${wrong}\n\n${debt}\n\nSee also [@frassineti2022, para. 10].\n`;
      await client.openAndWait(uri, text);
      const result = await client.request<StatesResult>('policyFactCheck/factStates', { uri });
      assert.deepEqual(result.sources.map((s) => s.key), ['frassineti2022']);
      const facts = new Map(result.sources[0]!.facts.map((f) => [f.id, f]));
      const state = (id: string) => facts.get(id)?.state;
      assert.equal(state('recognition-breakaway-republics'), 'contradicted');
      assert.equal(state('debt-write-off-2014'), 'stated');
      assert.equal(state('xi-state-visit-2019'), 'cited');
      assert.equal(state('seventh-nuclear-test'), 'none');
      assert.deepEqual(facts.get('recognition-breakaway-republics')!.ranges.map((r) => covered(text, r)), [wrong]);
      assert.deepEqual(facts.get('xi-state-visit-2019')!.ranges.map((r) => covered(text, r)), ['[@frassineti2022, para. 10]']);
      assert.deepEqual(facts.get('seventh-nuclear-test')!.ranges, []);
      for (const fact of result.sources[0]!.facts) assert.ok(['contradicted', 'stated', 'cited', 'none'].includes(fact.state));
    });
  });

  it('every citation code is one the severity setting knows', async () => {
    const uri = docUri('citation-severity');
    settings.set(uri, { severity: Object.fromEntries(CITATION_CODES.map((c) => [c, 'error'])) });
    const { diagnostics } = await client.openAndWait(uri, DRAFT);
    const citation = diagnostics.filter((d) => CITATION_CODES.includes(String(d.code)));
    assert.equal(citation.length, EXPECTED.length - 1);
    for (const d of citation) assert.equal(d.severity, 1, String(d.code));
  });
});
