/**
 * Protocol tests of the user's own fact bases ("Your own sources"): workspace discovery next to the
 * built-in fact base, live reload through workspace/didChangeWatchedFiles and the editor, the
 * diagnostics published in fact base files at their YAML positions, the last-good fallback,
 * restricted workspaces, and hostile fact bases. Every test works in its own temporary workspace.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Diagnostic, Hover, MarkupContent, Range } from 'vscode-languageserver-types';
import { RECOGNITION_FACT, RECOGNITION_WRONG } from './drafts';
import { LspClient, messageOf, ROOT, sleep } from './lspClient';

// ── Fixtures and helpers ─────────────────────────────────────────────────────

const FIXTURES = join(ROOT, 'test', 'fixtures', 'factbases');
const ARMS_YAML = readFileSync(join(FIXTURES, 'arms-control.yaml'), 'utf8');
const FISH_YAML = readFileSync(join(FIXTURES, 'fisheries.yaml'), 'utf8');

/** Contradicts norway-ratification of @doe2023 (the source says 17 May). */
const ARMS_WRONG = 'On 17 June, Norway ratified the Oslo Drone Accord.';
/** Contradicts humboldt-pact-signing of @roe2024 (the source says 3 April). */
const FISH_WRONG = 'On 3 May, Chile and Peru signed the Humboldt Fisheries Pact in Lima.';
const ARMS_QUOTE = 'Norway ratified the accord on 17 May, the first signatory to do so.';
const FISH_QUOTE = 'Chile and Peru signed the Humboldt Fisheries Pact in Lima on 3 April, after six years of talks.';
const DRAFT = `# Notes\n\n${ARMS_WRONG}\n\n${FISH_WRONG}\n\n${RECOGNITION_WRONG}\n`;

/** How long to wait for a notification: generous, as a loaded CI machine can be slow; a passing run waits far less. */
const WAIT = 15_000;

const WATCHED = 'workspace/didChangeWatchedFiles';
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

interface FactSummary { id: string; sourceKey: string; claim: string; quote: string; paragraph: number; reference: string }
interface FactStates { sources: Array<{ key: string; facts: Array<{ id: string; values: string[]; state: string }> }> }

interface Workspace {
  dir: string;
  uri: string;
  folders: Array<{ uri: string; name: string }>;
  path: (rel: string) => string;
  uriOf: (rel: string) => string;
  write: (rel: string, text: string) => string;
  copy: (fixture: string, rel?: string) => string;
  remove: () => void;
}

/** A temporary workspace folder (real path, so that URIs match what the server derives). */
function workspace(): Workspace {
  return workspaceAt(realpathSync(mkdtempSync(join(tmpdir(), 'pfc-factbases-'))));
}

/** A workspace folder at `dir` (created); `remove` deletes it. */
function workspaceAt(dir: string): Workspace {
  mkdirSync(dir, { recursive: true });
  const path = (rel: string) => join(dir, rel);
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(path(rel)), { recursive: true });
    writeFileSync(path(rel), text);
    return pathToFileURL(path(rel)).href;
  };
  return {
    dir,
    uri: pathToFileURL(dir).href,
    folders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    path,
    uriOf: (rel) => pathToFileURL(path(rel)).href,
    write,
    copy: (fixture, rel = fixture) => {
      mkdirSync(dirname(path(rel)), { recursive: true });
      copyFileSync(join(FIXTURES, fixture), path(rel));
      return pathToFileURL(path(rel)).href;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The arms-control fact base under another citation key, with every fact id prefixed (so that files never clash by accident). */
function armsVariant(key: string, prefix: string, yaml = ARMS_YAML): string {
  const out = yaml.replace(/^ {2}key: \S+$/m, `  key: ${key}`).replace(/^( {2}- id: )/gm, `$1${prefix}-`);
  assert.notEqual(out, yaml);
  return out;
}

/** `text` with `from` replaced, failing loudly when `from` is not there (a fixture changed). */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `"${from}" is not in the text`);
  return text.replace(from, to);
}

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');
const factIdOf = (d: Diagnostic) => (d.data as { factId?: string } | undefined)?.factId;
const contradictedFacts = (p: PublishDiagnosticsParams) => contradictions(p.diagnostics).map(factIdOf).sort();

/** The text a diagnostic's range covers in `text`. */
function textAt(text: string, range: Range): string {
  const doc = TextDocument.create('file:///x.facts.yaml', 'yaml', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

/** The `occurrence`-th (0-based) offset of `needle`. */
function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  return at;
}

function lineOf(text: string, offset: number): number {
  return TextDocument.create('file:///x', 'yaml', 0, text).positionAt(offset).line;
}

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** The block-quoted lines of a hover, with Markdown escapes undone: the quote as it reads. */
function quotedLines(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).replace(/\\([\\`*_[\]<>~&:#+\-=|.)])/g, '$1'));
}

/** Markdown that an editor would render as a link to a command, or as HTML. */
function assertInert(markdown: string): void {
  assert.doesNotMatch(markdown, /(?<!\\)\]\(\s*command:/i, `a raw [text](command:...) link in\n${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)<\s*\/?\s*(img|script|a|iframe|svg|style|div|span)\b/i, `an HTML tag in\n${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)<command:/i, `an autolink to a command in\n${markdown}`);
}

/** Diagnostics the server published for a fact base file (received at or after `since`), the first that satisfies `match`. */
function factBaseDiagnostics(client: LspClient, uri: string, match: (d: Diagnostic[]) => boolean = () => true, since = 0, timeoutMs = WAIT): Promise<PublishDiagnosticsParams> {
  return client.waitFor('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => p.uri === uri && match(p.diagnostics), {
    since, timeoutMs, what: `matching diagnostics for ${uri}`,
  });
}

/**
 * Opens a draft once the workspace fact bases are loaded. They are found after `initialized` and
 * their diagnostics published just before open drafts are re-checked: waiting for those first means
 * that no re-check of the draft is still on its way when a test marks where to wait from.
 */
async function openWhenLoaded(client: LspClient, factBase: string, uri: string, text: string): Promise<PublishDiagnosticsParams> {
  await factBaseDiagnostics(client, factBase);
  const since = client.mark();
  await client.open(uri, text);
  return client.waitForDiagnostics(uri, { version: 1, since, timeoutMs: WAIT });
}

async function listFacts(client: LspClient, uri: string): Promise<FactSummary[]> {
  return client.request<FactSummary[]>('policyFactCheck/listFacts', { uri });
}

async function factValues(client: LspClient, uri: string, id: string): Promise<string[] | undefined> {
  const states = await client.request<FactStates>('policyFactCheck/factStates', { uri });
  return states.sources.flatMap((s) => s.facts).find((f) => f.id === id)?.values;
}

// ── Hostile fact bases (section 7) ───────────────────────────────────────────

const HOSTILE_LINK = '[x](command:workbench.action.quit)';
const HOSTILE_HTML = '<img src=x onerror=alert(1)>';

/** A valid fact base whose texts try to inject a command link and HTML into hovers. */
function hostileFactBase(): string {
  const q = (s: string) => JSON.stringify(s);
  return [
    'source:',
    '  key: evil2024',
    `  title: ${q(`Evil ${HOSTILE_LINK} ${HOSTILE_HTML} Review`)}`,
    `  authors: [${q(`Mallory ${HOSTILE_HTML}`)}]`,
    `  publisher: ${q(`<script>alert(2)</script> ${HOSTILE_LINK}`)}`,
    '  year: 2024',
    'facts:',
    '  - id: zenda-protocol-signing',
    `    claim: ${q(`The Zenda Protocol was signed on 5 May 2024 ${HOSTILE_LINK}.`)}`,
    `    quote: ${q(`On 5 May, the Zenda Protocol ${HOSTILE_LINK} ${HOSTILE_HTML} was signed.`)}`,
    '    locator: { paragraph: 1 }',
    '    actorOptional: true',
    '    event:',
    `      label: ${q(`the signing of the Zenda Protocol ${HOSTILE_LINK} ${HOSTILE_HTML}`)}`,
    '      terms:',
    '        - [Zenda Protocol]',
    '        - [sign*]',
    '    values:',
    `      - { kind: date, value: 2024-05-05, yearInferred: true, text: 5 May, about: ${q(`the date ${HOSTILE_LINK} ${HOSTILE_HTML}`)} }`,
    '',
  ].join('\n');
}

/** 1,000,000,000 "lol"s through nine levels of aliases. */
function aliasBomb(): string {
  let yaml = 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++) yaml += `l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]\n`;
  return `${yaml}source: { key: bomb2024, title: Bomb }\nfacts: []\n`;
}

// The suites each start their own server in their own workspace: they run side by side, the tests
// of a suite one after the other (concurrency 1, as they follow one another's steps).
describe('protocol: workspace fact bases', { concurrency: true }, () => {
  // ── 1. Several sources ───────────────────────────────────────────────────────

  describe('fact bases of the workspace, next to the built-in one', { concurrency: 1 }, () => {
    let ws: Workspace;
    let client: LspClient;
    let settings: Record<string, unknown> = {};
    let draft: string;
    let first: PublishDiagnosticsParams;

    before(async () => {
      ws = workspace();
      ws.copy('arms-control.yaml', 'arms-control.facts.yaml');
      ws.copy('arms-control.txt');
      ws.copy('fisheries.yaml', 'sources/fisheries.facts.yml');
      ws.copy('fisheries.txt', 'sources/fisheries.txt');
      // Not discovered: node_modules, .git and dot-folders (each would add a source if it were).
      ws.write('node_modules/pkg/hidden.facts.yaml', armsVariant('nodemodules2023', 'nm'));
      ws.write('.git/hidden.facts.yaml', armsVariant('git2023', 'git'));
      ws.write('.cache/hidden.facts.yaml', armsVariant('dot2023', 'dot'));
      // A JSON fact base (JSON is YAML): discovered too.
      ws.write('extra.facts.json', JSON.stringify({
        source: { key: 'json2024', title: 'A JSON fact base' },
        facts: [{
          id: 'json-fact', claim: 'The harbour opened in 2019.', quote: 'The harbour opened in 2019.', locator: { paragraph: 1 },
          event: { label: 'the opening of the harbour', terms: [['harbour'], ['open*']] }, values: [{ kind: 'date', value: 2019, text: '2019' }],
        }],
      }));
      client = await LspClient.start({ configuration: () => settings, workspaceFolders: ws.folders, rootUri: ws.uri });
      draft = ws.uriOf('drafts/notes.md');
      first = await openWhenLoaded(client, ws.uriOf('arms-control.facts.yaml'), draft, DRAFT);
    });
    after(async () => {
      await client?.dispose();
      ws?.remove();
    });

    it('flags a contradiction of each source with its fact id and message', () => {
      assert.deepEqual(contradictedFacts(first), ['humboldt-pact-signing', 'norway-ratification', RECOGNITION_FACT]);
      const byFact = new Map(contradictions(first.diagnostics).map((d) => [factIdOf(d), d]));
      const arms = byFact.get('norway-ratification')!;
      assert.match(messageOf(arms), /^The source gives 17 May \(2023\) for Norway’s ratification of the Oslo Drone Accord, not 17 June\.$/);
      assert.equal(textAt(DRAFT, arms.range), '17 June');
      const fish = byFact.get('humboldt-pact-signing')!;
      assert.match(messageOf(fish), /^The source gives 3 April \(2024\) for the signing of the Humboldt Fisheries Pact, not 3 May\.$/);
      assert.equal(textAt(DRAFT, fish.range), '3 May');
      assert.match(messageOf(byFact.get(RECOGNITION_FACT)!), /14 July/);
      for (const d of contradictions(first.diagnostics)) assert.equal(d.source, 'policy-fact-check');
    });

    it('hover on each wrong value shows that source’s quote and reference', async () => {
      const arms = markdownOf(await client.hover(draft, client.rangeOf(draft, '17 June').start));
      assert.ok(quotedLines(arms).includes(ARMS_QUOTE), arms);
      assert.match(arms, /Jane Doe/);
      assert.match(arms, /Oslo Drone Accord: A Modest Step/);
      assert.match(arms, /para\. 3\b/);
      assert.match(arms, /17 May/);
      assert.doesNotMatch(arms, /Humboldt|Frassineti/);

      const fish = markdownOf(await client.hover(draft, client.rangeOf(draft, '3 May').start));
      assert.ok(quotedLines(fish).includes(FISH_QUOTE), fish);
      assert.match(fish, /Richard Roe/);
      assert.match(fish, /para\. 1\b/);
      assert.doesNotMatch(fish, /Oslo|Frassineti/);
    });

    it('policyFactCheck/listFacts lists both workspace sources and the built-in one, nothing from skipped folders', async () => {
      const facts = await listFacts(client, draft);
      const keys = new Set(facts.map((f) => f.sourceKey));
      assert.deepEqual([...keys].sort(), ['doe2023', 'frassineti2022', 'json2024', 'roe2024']);
      assert.deepEqual(facts.filter((f) => f.sourceKey === 'doe2023').map((f) => f.id), ['drone-accord-signing', 'norway-ratification', 'stockpile-cut', 'brazil-first-committee-vote']);
      assert.deepEqual(facts.filter((f) => f.sourceKey === 'roe2024').map((f) => f.id), ['humboldt-pact-signing', 'anchovy-quota-cut']);
      const norway = facts.find((f) => f.id === 'norway-ratification')!;
      assert.equal(norway.quote, ARMS_QUOTE);
      assert.equal(norway.paragraph, 3);
      assert.match(norway.reference, /Jane Doe, “The Oslo Drone Accord: A Modest Step – Analysis”, Imaginary Policy Review, 2023/);
      assert.ok(facts.some((f) => f.id === RECOGNITION_FACT));
    });

    it('publishes (empty) diagnostics for each good fact base file, none for skipped folders', async () => {
      for (const rel of ['arms-control.facts.yaml', 'sources/fisheries.facts.yml', 'extra.facts.json']) {
        const published = await factBaseDiagnostics(client, ws.uriOf(rel));
        assert.deepEqual(published.diagnostics, [], rel);
      }
      const published = new Set(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => n.params.uri as string));
      for (const rel of ['node_modules/pkg/hidden.facts.yaml', '.git/hidden.facts.yaml', '.cache/hidden.facts.yaml']) assert.ok(!published.has(ws.uriOf(rel)), rel);
    });

    it('builtInFactBase: false leaves only the workspace fact bases', async () => {
      settings = { builtInFactBase: false };
      const since = client.mark();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const published = await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.deepEqual(contradictedFacts(published), ['humboldt-pact-signing', 'norway-ratification']);
      const keys = new Set((await listFacts(client, draft)).map((f) => f.sourceKey));
      assert.deepEqual([...keys].sort(), ['doe2023', 'json2024', 'roe2024']);
      assert.equal(await client.hover(draft, client.rangeOf(draft, '14 June').start), null, 'no hover from the built-in fact base');
    });

    it('policyFactCheck.factBases adds a file that discovery does not find (relative to the folder)', async () => {
      ws.write('elsewhere/named.yaml', edit(armsVariant('named2023', 'named'), 'text: arms-control.txt', 'text: ../arms-control.txt'));
      settings = { builtInFactBase: false, factBases: ['elsewhere/*.yaml'] };
      const since = client.mark();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      const keys = new Set((await listFacts(client, draft)).map((f) => f.sourceKey));
      assert.deepEqual([...keys].sort(), ['doe2023', 'json2024', 'named2023', 'roe2024']);
    });

    it('a fact base named in settings gets its problems published too', async () => {
      const text = edit(edit(armsVariant('named2024', 'named24'), 'text: arms-control.txt', 'text: ../arms-control.txt'), 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      const uri = ws.write('elsewhere/second.yaml', text);
      const since = client.mark();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.ok((await listFacts(client, draft)).some((f) => f.sourceKey === 'named2024'), 'loaded');
      const own = await factBaseDiagnostics(client, uri, (d) => d.length > 0, since);
      assert.deepEqual(own.diagnostics.map((d) => [d.code, textAt(text, d.range)]), [['quote-not-in-source', 'Norway ratified the accord on 18 May, the first signatory to do so.']]);
      settings = {};
    });
  });

  // ── 2. Live reload ───────────────────────────────────────────────────────────

  describe('fact bases reload live (watched files and the editor)', { concurrency: 1 }, () => {
    let ws: Workspace;
    let client: LspClient;
    let draft: string;
    let armsUri: string;
    let fishUri: string;
    const text = `${ARMS_WRONG}\n\n${FISH_WRONG}\n`;

    /** Sends one watched-file change and returns the draft's next diagnostics. */
    async function fileEvent(uri: string, type: number): Promise<PublishDiagnosticsParams> {
      const since = client.mark();
      await client.notify(WATCHED, { changes: [{ uri, type }] });
      return client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
    }

    before(async () => {
      ws = workspace();
      armsUri = ws.copy('arms-control.yaml', 'arms-control.facts.yaml');
      ws.copy('arms-control.txt');
      ws.copy('fisheries.txt');
      fishUri = ws.uriOf('fisheries.facts.yaml');
      client = await LspClient.start({ configuration: () => ({ builtInFactBase: false }), workspaceFolders: ws.folders, watchFiles: true });
      draft = ws.uriOf('draft.md');
      await openWhenLoaded(client, armsUri, draft, text);
    });
    after(async () => {
      await client?.dispose();
      ws?.remove();
    });

    it('registers a watcher for **/*.facts.{yaml,yml,json} (dynamic registration)', () => {
      const registrations = client.serverRequests.filter((r) => r.method === 'client/registerCapability').flatMap((r) => r.params.registrations as Array<{ method: string; registerOptions: any }>);
      const watch = registrations.find((r) => r.method === WATCHED);
      assert.ok(watch, JSON.stringify(registrations));
      assert.deepEqual(watch.registerOptions.watchers.map((w: { globPattern: string }) => w.globPattern), ['**/*.facts.{yaml,yml,json}']);
    });

    it('Changed: a value edited on disk re-publishes the open draft with the new verdict', async () => {
      const before = client.published(draft).at(-1)!;
      assert.deepEqual(contradictedFacts(before), ['norway-ratification']);
      assert.match(messageOf(contradictions(before.diagnostics)[0]!), /17 May \(2023\)/);

      ws.write('arms-control.facts.yaml', edit(ARMS_YAML, 'value: 2023-05-17, yearInferred: true, text: 17 May', 'value: 2023-07-17, yearInferred: true, text: 17 July'));
      const changed = await fileEvent(armsUri, CHANGED);
      assert.deepEqual(contradictedFacts(changed), ['norway-ratification']);
      assert.match(messageOf(contradictions(changed.diagnostics)[0]!), /^The source gives 17 July \(2023\) for Norway’s ratification/);

      ws.write('arms-control.facts.yaml', edit(ARMS_YAML, 'value: 2023-05-17, yearInferred: true, text: 17 May', 'value: 2023-06-17, yearInferred: true, text: 17 June'));
      const agreed = await fileEvent(armsUri, CHANGED);
      assert.deepEqual(contradictedFacts(agreed), [], 'the draft now agrees with the source');
      assert.match(markdownOf(await client.hover(draft, client.rangeOf(draft, '17 June').start)), /\*\*Supported\*\*/);
    });

    it('Created: a new fact base takes effect (its problems published in it)', async () => {
      // The second quote is not in fisheries.txt: an error in the file, but the fact base still loads.
      ws.write('fisheries.facts.yaml', edit(FISH_YAML, 'quote: The pact cuts the shared anchovy quota', 'quote: The pact halves the shared anchovy quota'));
      const since = client.mark();
      const created = await fileEvent(fishUri, CREATED);
      assert.deepEqual(contradictedFacts(created), ['humboldt-pact-signing']);
      const own = await factBaseDiagnostics(client, fishUri, () => true, since);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['quote-not-in-source']);
    });

    it('Deleted: its findings disappear and its diagnostics are cleared', async () => {
      unlinkSync(ws.path('fisheries.facts.yaml'));
      const since = client.mark();
      const deleted = await fileEvent(fishUri, DELETED);
      assert.deepEqual(contradictedFacts(deleted), []);
      assert.equal(deleted.diagnostics.filter((d) => factIdOf(d)?.startsWith('humboldt') || factIdOf(d)?.startsWith('anchovy')).length, 0, JSON.stringify(deleted.diagnostics));
      const cleared = await factBaseDiagnostics(client, fishUri, () => true, since);
      assert.deepEqual(cleared.diagnostics, []);
      assert.ok(!(await listFacts(client, draft)).some((f) => f.sourceKey === 'roe2024'));
    });

    it('ignores watched changes of files that are not fact bases', async () => {
      const since = client.mark();
      await client.notify(WATCHED, { changes: [{ uri: ws.uriOf('notes.txt'), type: CHANGED }, { uri: ws.uriOf('other.md'), type: CREATED }] });
      await sleep(300);
      assert.deepEqual(client.published(draft, since), []);
    });

    it('an open fact base follows the editor’s unsaved text (didOpen, didChange), and the disk again after didClose', async () => {
      // On disk: 17 June (the draft agrees). In the editor: 17 August.
      const disk = readFileSync(ws.path('arms-control.facts.yaml'), 'utf8');
      let since = client.mark();
      await client.open(armsUri, edit(disk, 'value: 2023-06-17, yearInferred: true, text: 17 June', 'value: 2023-08-17, yearInferred: true, text: 17 August'), 1, 'yaml');
      let published = await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.deepEqual(contradictedFacts(published), ['norway-ratification']);
      assert.match(messageOf(contradictions(published.diagnostics)[0]!), /17 August \(2023\)/);
      assert.equal(client.published(armsUri, since).filter((p) => p.version !== undefined).length, 0, 'a fact base is not checked as a draft');

      // An edit in the editor: 17 August -> 17 September.
      since = client.mark();
      await client.change(armsUri, [{ range: client.rangeOf(armsUri, '2023-08-17'), text: '2023-09-17' }, { range: client.rangeOf(armsUri, 'text: 17 August'), text: 'text: 17 September' }]);
      published = await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.match(messageOf(contradictions(published.diagnostics)[0]!), /17 September \(2023\)/);

      // While the file is open, the disk does not count: a watched change is ignored.
      ws.write('arms-control.facts.yaml', edit(ARMS_YAML, 'value: 2023-05-17, yearInferred: true, text: 17 May', 'value: 2023-10-17, yearInferred: true, text: 17 October'));
      await client.notify(WATCHED, { changes: [{ uri: armsUri, type: CHANGED }] });
      await sleep(300);
      assert.deepEqual(await factValues(client, draft, 'norway-ratification'), ['17 September (2023)']);

      // Closed: the file on disk (17 October) is what counts.
      since = client.mark();
      await client.close(armsUri);
      published = await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.match(messageOf(contradictions(published.diagnostics)[0]!), /17 October \(2023\)/);
    });

    it('an unsaved syntax error in the editor is shown at its position, and the last good version stays in use', async () => {
      const disk = readFileSync(ws.path('arms-control.facts.yaml'), 'utf8');
      const since = client.mark();
      const broken = edit(disk, 'year: 2023', 'year: @2023');
      await client.open(armsUri, broken, 1, 'yaml');
      const own = await factBaseDiagnostics(client, armsUri, (d) => d.length > 0, since);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['yaml-syntax']);
      assert.equal(textAt(broken, own.diagnostics[0]!.range), '@');
      assert.match(messageOf(own.diagnostics[0]!), /Checks keep using the last good version of this file/);
      await sleep(200);
      assert.deepEqual(await factValues(client, draft, 'norway-ratification'), ['17 October (2023)']);
      const closed = client.mark();
      await client.close(armsUri);
      const cleared = await factBaseDiagnostics(client, armsUri, () => true, closed);
      assert.deepEqual(cleared.diagnostics, [], 'closing the broken editor text: the good file on disk counts again');
    });
  });

  // ── 3. Diagnostics in fact base files, at their positions ────────────────────

  describe('fact base problems are published in the file, at the YAML position', { concurrency: 1 }, () => {
    let ws: Workspace;
    let client: LspClient;
    const files = new Map<string, string>();

    function add(rel: string, text: string): void {
      ws.write(rel, text);
      files.set(rel, text);
    }

    /** The diagnostics of a fact base file, with the text each range covers. */
    async function problemsOf(rel: string): Promise<Array<{ code: unknown; severity: unknown; text: string; line: number; message: string; source: unknown }>> {
      const published = await factBaseDiagnostics(client, ws.uriOf(rel), (d) => d.length > 0);
      return published.diagnostics.map((d) => ({ code: d.code, severity: d.severity, text: textAt(files.get(rel)!, d.range), line: d.range.start.line, message: messageOf(d), source: d.source }));
    }

    before(async () => {
      ws = workspace();
      ws.copy('arms-control.txt');
      add('syntax.facts.yaml', edit(armsVariant('syntax2023', 'syn'), 'year: 2023', 'year: @2023'));
      add('unknown-field.facts.yaml', edit(armsVariant('unknown2023', 'unk'), '  publisher: Imaginary', '  colour: red\n  publisher: Imaginary'));
      add('wrong-type.facts.yaml', edit(armsVariant('type2023', 'typ'), '{ paragraph: 3 }', '{ paragraph: three }'));
      add('duplicate-id.facts.yaml', edit(armsVariant('dupid2023', 'dup'), 'id: dup-stockpile-cut', 'id: dup-norway-ratification'));
      add('key-a.facts.yaml', armsVariant('samekey2023', 'keya'));
      add('key-b.facts.yaml', armsVariant('samekey2023', 'keyb'));
      add('month-13.facts.yaml', edit(armsVariant('month2023', 'mon'), 'value: 2023-05-17', 'value: 2022-13-40'));
      add('february-30.facts.yaml', edit(armsVariant('feb2023', 'feb'), 'value: 2023-05-17', 'value: 2023-02-30'));
      add('bad-quote.facts.yaml', edit(armsVariant('quote2023', 'quo'), 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May'));
      add('missing-text.facts.yaml', edit(armsVariant('missing2023', 'mis'), 'text: arms-control.txt', 'text: no-such-article.txt'));
      client = await LspClient.start({ configuration: 'null', workspaceFolders: ws.folders });
    });
    after(async () => {
      await client?.dispose();
      ws?.remove();
    });

    it('a YAML syntax error: code yaml-syntax, at the error position', async () => {
      const text = files.get('syntax.facts.yaml')!;
      const problems = await problemsOf('syntax.facts.yaml');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      const [p] = problems;
      assert.equal(p!.code, 'yaml-syntax');
      assert.equal(p!.severity, 1);
      assert.equal(p!.source, 'policy-fact-check');
      assert.equal(p!.text, '@');
      assert.equal(p!.line, lineOf(text, offsetOf(text, 'year: @2023')));
      assert.match(p!.message, /^YAML: .*reserved character @/);
    });

    it('a schema error for an unknown field: code schema, on the field’s line, naming it', async () => {
      const text = files.get('unknown-field.facts.yaml')!;
      const problems = await problemsOf('unknown-field.facts.yaml');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.code, 'schema');
      assert.equal(problems[0]!.line, lineOf(text, offsetOf(text, 'colour: red')));
      // The range is the field's value node (the key itself would do as well).
      assert.ok(['red', 'colour', 'colour: red'].includes(problems[0]!.text), problems[0]!.text);
      assert.match(problems[0]!.message, /Unknown field "colour" in source/);
    });

    it('a schema error for a wrong type: code schema, at the value', async () => {
      const problems = await problemsOf('wrong-type.facts.yaml');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.code, 'schema');
      assert.equal(problems[0]!.text, 'three');
      assert.match(problems[0]!.message, /facts\.1\.locator\.paragraph must be integer/);
    });

    it('a duplicate fact id within a file: code duplicate-id, at the second id', async () => {
      const text = files.get('duplicate-id.facts.yaml')!;
      const published = await factBaseDiagnostics(client, ws.uriOf('duplicate-id.facts.yaml'), (d) => d.length > 0);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['duplicate-id']);
      const d = published.diagnostics[0]!;
      assert.equal(textAt(text, d.range), 'dup-norway-ratification');
      const second = offsetOf(text, 'id: dup-norway-ratification', 1) + 'id: '.length;
      assert.equal(TextDocument.create('file:///x', 'yaml', 0, text).offsetAt(d.range.start), second, 'the second occurrence, not the first');
      assert.match(messageOf(d), /Duplicate fact id "dup-norway-ratification"/);
    });

    it('a citation key used by two files: the later file (by path) gets duplicate-key at its key', async () => {
      const b = await problemsOf('key-b.facts.yaml');
      assert.deepEqual(b.map((p) => p.code), ['duplicate-key']);
      assert.equal(b[0]!.text, 'samekey2023');
      assert.equal(b[0]!.line, lineOf(files.get('key-b.facts.yaml')!, offsetOf(files.get('key-b.facts.yaml')!, 'key: samekey2023')));
      assert.match(b[0]!.message, /"samekey2023" is already used by key-a\.facts\.yaml/);
      const a = await factBaseDiagnostics(client, ws.uriOf('key-a.facts.yaml'));
      assert.deepEqual(a.diagnostics, [], 'the earlier file keeps its key');
      // And the earlier file is the one checks use.
      const keyFacts = (await listFacts(client, ws.uriOf('draft.md'))).filter((f) => f.sourceKey === 'samekey2023').map((f) => f.id);
      assert.ok(keyFacts.length > 0 && keyFacts.every((id) => id.startsWith('keya-')), keyFacts.join(', '));
    });

    it('a date that does not exist (2022-13-40): rejected at the value', async () => {
      const problems = await problemsOf('month-13.facts.yaml');
      assert.ok(problems.length >= 1);
      for (const p of problems) {
        assert.ok(p.code === 'schema' || p.code === 'invalid-value', String(p.code));
        assert.equal(p.text, '2022-13-40');
      }
      assert.ok(problems.some((p) => /must match pattern|must be written/.test(p.message)), JSON.stringify(problems));
    });

    it('a date the schema lets through but that does not parse (2023-02-30): code invalid-value, at the value', async () => {
      const problems = await problemsOf('february-30.facts.yaml');
      assert.deepEqual(problems.map((p) => [p.code, p.text]), [['invalid-value', '2023-02-30']]);
      assert.match(problems[0]!.message, /A date must be written 2022, 2022-07 or 2022-07-14/);
    });

    it('a quote not in the source text: code quote-not-in-source, at the quote; the fact base still loads', async () => {
      const problems = await problemsOf('bad-quote.facts.yaml');
      assert.deepEqual(problems.map((p) => p.code), ['quote-not-in-source']);
      assert.equal(problems[0]!.text, 'Norway ratified the accord on 18 May, the first signatory to do so.');
      assert.match(problems[0]!.message, /does not appear in arms-control\.txt/);
      assert.doesNotMatch(problems[0]!.message, /last good version/);
      assert.ok((await listFacts(client, ws.uriOf('draft.md'))).some((f) => f.id === 'quo-norway-ratification'));
    });

    it('a source text that does not exist: code missing-text, at source.text', async () => {
      const problems = await problemsOf('missing-text.facts.yaml');
      assert.deepEqual(problems.map((p) => [p.code, p.text]), [['missing-text', 'no-such-article.txt']]);
      assert.match(problems[0]!.message, /no-such-article\.txt/);
    });

    it('fact bases that cannot be read (syntax, schema) are not used; a bad fact or value is dropped, the rest used', async () => {
      const facts = await listFacts(client, ws.uriOf('draft.md'));
      const keys = new Set(facts.map((f) => f.sourceKey));
      for (const broken of ['syntax2023', 'unknown2023', 'type2023', 'month2023']) assert.ok(!keys.has(broken), broken);
      for (const good of ['samekey2023', 'quote2023', 'missing2023', 'frassineti2022']) assert.ok(keys.has(good), good);
      const ids = (key: string) => facts.filter((f) => f.sourceKey === key).map((f) => f.id);
      assert.deepEqual(ids('dupid2023'), ['dup-drone-accord-signing', 'dup-norway-ratification', 'dup-brazil-first-committee-vote']);
      assert.equal(ids('feb2023').length, 4);
    });
  });

  // ── 4. Last good version ─────────────────────────────────────────────────────

  describe('a broken fact base keeps its last good version in use', { concurrency: 1 }, () => {
    let ws: Workspace;
    let client: LspClient;
    let draft: string;
    let armsUri: string;

    before(async () => {
      ws = workspace();
      armsUri = ws.copy('arms-control.yaml', 'arms-control.facts.yaml');
      ws.copy('arms-control.txt');
      client = await LspClient.start({ configuration: () => ({ builtInFactBase: false }), workspaceFolders: ws.folders, watchFiles: true });
      draft = ws.uriOf('draft.md');
      await openWhenLoaded(client, armsUri, draft, `${ARMS_WRONG}\n`);
    });
    after(async () => {
      await client?.dispose();
      ws?.remove();
    });

    it('broken on disk: drafts are still checked against the last good facts, and the error says so', async () => {
      const broken = edit(ARMS_YAML, 'year: 2023', 'year: @2023').replace('value: 2023-05-17', 'value: 2023-06-17');
      ws.write('arms-control.facts.yaml', broken);
      const since = client.mark();
      await client.notify(WATCHED, { changes: [{ uri: armsUri, type: CHANGED }] });
      const own = await factBaseDiagnostics(client, armsUri, (d) => d.length > 0, since);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['yaml-syntax']);
      assert.equal(textAt(broken, own.diagnostics[0]!.range), '@');
      assert.match(messageOf(own.diagnostics[0]!), /Checks keep using the last good version of this file until this is fixed\./);
      const rechecked = await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.deepEqual(contradictedFacts(rechecked), ['norway-ratification'], 'still checked against 17 May');
      assert.match(messageOf(contradictions(rechecked.diagnostics)[0]!), /17 May \(2023\)/);
      assert.ok((await listFacts(client, draft)).some((f) => f.sourceKey === 'doe2023'));
    });

    it('broken by a schema error: the same, with the message at the field', async () => {
      const broken = edit(ARMS_YAML, '{ paragraph: 3 }', '{ paragraph: three }');
      ws.write('arms-control.facts.yaml', broken);
      const since = client.mark();
      await client.notify(WATCHED, { changes: [{ uri: armsUri, type: CHANGED }] });
      const own = await factBaseDiagnostics(client, armsUri, (d) => d.length > 0, since);
      assert.deepEqual(own.diagnostics.map((d) => [d.code, textAt(broken, d.range)]), [['schema', 'three']]);
      assert.match(messageOf(own.diagnostics[0]!), /last good version/);
      await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.deepEqual(await factValues(client, draft, 'norway-ratification'), ['17 May (2023)']);
    });

    it('fixed again: the new version takes effect and the error is cleared', async () => {
      ws.write('arms-control.facts.yaml', edit(ARMS_YAML, 'value: 2023-05-17, yearInferred: true, text: 17 May', 'value: 2023-06-17, yearInferred: true, text: 17 June'));
      const since = client.mark();
      await client.notify(WATCHED, { changes: [{ uri: armsUri, type: CHANGED }] });
      const own = await factBaseDiagnostics(client, armsUri, () => true, since);
      assert.deepEqual(own.diagnostics, []);
      const rechecked = await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.deepEqual(contradictedFacts(rechecked), [], 'the draft agrees with the fixed version');
    });

    it('a fact base that was never good is not used at all', async () => {
      const uri = ws.write('never-good.facts.yaml', edit(armsVariant('never2023', 'never'), 'year: 2023', 'year: @2023'));
      const since = client.mark();
      await client.notify(WATCHED, { changes: [{ uri, type: CREATED }] });
      const own = await factBaseDiagnostics(client, uri, (d) => d.length > 0, since);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['yaml-syntax']);
      assert.doesNotMatch(messageOf(own.diagnostics[0]!), /last good version/, 'there is no earlier version to fall back on');
      assert.ok(!(await listFacts(client, draft)).some((f) => f.sourceKey === 'never2023'));
    });
  });

  // ── 5. Restricted workspaces ─────────────────────────────────────────────────

  describe('restricted workspace (initializationOptions { trusted: false })', { concurrency: 1 }, () => {
    let root: string;
    let ws: Workspace;
    let client: LspClient;
    let draft: string;
    let outsideUri: string;
    let outsideText: string;

    before(async () => {
      root = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-restricted-')));
      // The source text sits next to the workspace folder, not in it.
      copyFileSync(join(FIXTURES, 'arms-control.txt'), join(root, 'outside.txt'));
      ws = workspaceAt(join(root, 'ws'));
      outsideText = edit(edit(armsVariant('outside2023', 'out'), 'text: arms-control.txt', 'text: ../outside.txt'), 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      outsideUri = ws.write('outside.facts.yaml', outsideText);
      ws.copy('fisheries.txt');
      ws.write('fisheries.facts.yaml', edit(FISH_YAML, 'quote: The pact cuts the shared anchovy quota', 'quote: The pact halves the shared anchovy quota'));
      client = await LspClient.start({ configuration: 'null', workspaceFolders: ws.folders, initializationOptions: { trusted: false } });
      draft = ws.uriOf('draft.md');
      await openWhenLoaded(client, outsideUri, draft, `${ARMS_WRONG}\n\n${FISH_WRONG}\n`);
    });
    after(async () => {
      await client?.dispose();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('workspace fact bases still load: the draft is checked against both', async () => {
      const published = client.published(draft).at(-1)!;
      assert.deepEqual(contradictedFacts(published), ['humboldt-pact-signing', 'out-norway-ratification']);
      const keys = new Set((await listFacts(client, draft)).map((f) => f.sourceKey));
      for (const key of ['outside2023', 'roe2024', 'frassineti2022']) assert.ok(keys.has(key), key);
    });

    it('a source text outside the folder is not read: a restricted warning at source.text, quotes not checked', async () => {
      const own = await factBaseDiagnostics(client, outsideUri, (d) => d.length > 0);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['restricted'], JSON.stringify(own.diagnostics));
      const d = own.diagnostics[0]!;
      assert.equal(d.severity, 2, 'a warning');
      assert.equal(textAt(outsideText, d.range), '../outside.txt');
      assert.match(messageOf(d), /restricted workspace/);
      assert.match(messageOf(d), /quotes are not checked/);
    });

    it('a source text inside the folder is read (its quotes checked) even in restricted mode', async () => {
      const own = await factBaseDiagnostics(client, ws.uriOf('fisheries.facts.yaml'), (d) => d.length > 0);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['quote-not-in-source']);
    });

    it('after policyFactCheck/trust { trusted: true } the outside text is read and its quotes are checked', async () => {
      const since = client.mark();
      await client.notify('policyFactCheck/trust', { trusted: true });
      const own = await factBaseDiagnostics(client, outsideUri, (d) => d.some((x) => x.code === 'quote-not-in-source'), since);
      assert.deepEqual(own.diagnostics.map((d) => [d.code, textAt(outsideText, d.range)]), [['quote-not-in-source', 'Norway ratified the accord on 18 May, the first signatory to do so.']]);
    });

    it('a fact base created after trust reads its outside text', async () => {
      await client.notify('policyFactCheck/trust', { trusted: true });
      const text = edit(edit(armsVariant('later2023', 'later'), 'text: arms-control.txt', 'text: ../outside.txt'), 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      const uri = ws.write('later.facts.yaml', text);
      const since = client.mark();
      await client.notify(WATCHED, { changes: [{ uri, type: CREATED }] });
      const own = await factBaseDiagnostics(client, uri, (d) => d.length > 0, since);
      assert.deepEqual(own.diagnostics.map((d) => [d.code, textAt(text, d.range)]), [['quote-not-in-source', 'Norway ratified the accord on 18 May, the first signatory to do so.']]);
    });
  });

  describe('hostile fact bases are rejected or neutralised', { concurrency: 1 }, () => {
    let ws: Workspace;
    let client: LspClient;
    const texts = new Map<string, string>();
    let draft: string;

    before(async () => {
      ws = workspace();
      const put = (rel: string, text: string) => { ws.write(rel, text); texts.set(rel, text); };
      // Over the 2 MB limit of a fact base: one long string, 3 MB.
      ws.write('huge.facts.yaml', `source: { key: huge2024, title: "${'x'.repeat(3 * 1024 * 1024)}" }\nfacts: []\n`);
      // Under the limit, but a 1 MB quote.
      put('long-quote.facts.yaml', edit(armsVariant('long2024', 'long'), 'quote: Norway ratified the accord on 17 May, the first signatory to do so.', `quote: ${'Norway '.repeat(150_000)}`));
      put('deep-flow.facts.yaml', `source: ${'['.repeat(5_000)}${']'.repeat(5_000)}\nfacts: []\n`);
      put('alias-bomb.facts.yaml', aliasBomb());
      put('self-alias.facts.yaml', 'a: &a [*a, *a]\nsource: { key: self2024, title: Self }\nfacts: []\n');
      put('hostile.facts.yaml', hostileFactBase());
      client = await LspClient.start({ configuration: () => ({ builtInFactBase: false }), workspaceFolders: ws.folders });
      draft = ws.uriOf('draft.md');
    });
    after(async () => {
      await client?.dispose();
      ws?.remove();
    });

    it('over 2 MB (3 MB): too-large, not parsed', async () => {
      const own = await factBaseDiagnostics(client, ws.uriOf('huge.facts.yaml'), (d) => d.length > 0);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['too-large']);
      assert.match(messageOf(own.diagnostics[0]!), /larger than 2 MB, the limit for a fact base/);
    });

    it('a 1 MB quote: a schema error at the quote', async () => {
      const own = await factBaseDiagnostics(client, ws.uriOf('long-quote.facts.yaml'), (d) => d.length > 0);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['schema']);
      assert.match(messageOf(own.diagnostics[0]!), /quote must NOT have more than 5000 characters/);
      assert.ok(textAt(texts.get('long-quote.facts.yaml')!, own.diagnostics[0]!.range).startsWith('Norway Norway'));
    });

    it('5,000 nested flow sequences: a YAML error, not a crash', async () => {
      const own = await factBaseDiagnostics(client, ws.uriOf('deep-flow.facts.yaml'), (d) => d.length > 0);
      assert.ok(own.diagnostics.length >= 1);
      for (const d of own.diagnostics) assert.ok(d.code === 'yaml-syntax' || d.code === 'schema', String(d.code));
    });

    it('a billion-laughs alias bomb: rejected as a resource exhaustion attack', async () => {
      const own = await factBaseDiagnostics(client, ws.uriOf('alias-bomb.facts.yaml'), (d) => d.length > 0);
      assert.deepEqual(own.diagnostics.map((d) => d.code), ['yaml-syntax']);
      assert.match(messageOf(own.diagnostics[0]!), /alias/i);
    });

    it('a self-referencing alias: rejected', async () => {
      const own = await factBaseDiagnostics(client, ws.uriOf('self-alias.facts.yaml'), (d) => d.length > 0);
      assert.ok(own.diagnostics.length >= 1);
      for (const d of own.diagnostics) assert.equal(d.severity, 1);
    });

    it('a quote with a command link and HTML: loaded, but the hover escapes both', async () => {
      const own = await factBaseDiagnostics(client, ws.uriOf('hostile.facts.yaml'), () => true);
      assert.deepEqual(own.diagnostics, []);
      const since = client.mark();
      await client.open(draft, 'On 6 May, the Zenda Protocol was signed.\n');
      const published = await client.waitForDiagnostics(draft, { since, timeoutMs: WAIT });
      assert.deepEqual(contradictedFacts(published), ['zenda-protocol-signing']);
      const markdown = markdownOf(await client.hover(draft, client.rangeOf(draft, '6 May').start));
      assertInert(markdown);
      assert.doesNotMatch(markdown, /(?<!\\)<\/?script/i);
      // The quote is still readable as printed.
      assert.ok(quotedLines(markdown).includes(`On 5 May, the Zenda Protocol ${HOSTILE_LINK} ${HOSTILE_HTML} was signed.`), markdown);
    });

    it('the server stays responsive after all of them', async () => {
      assert.ok(client.alive, client.stderr);
      const facts = await listFacts(client, draft);
      assert.deepEqual([...new Set(facts.map((f) => f.sourceKey))], ['evil2024']);
    });
  });

  describe('a 3 MB source text: over the fact base limit (2 MB), under its own (10 MB)', { concurrency: 1 }, () => {
    let ws: Workspace;
    let client: LspClient | undefined;
    after(async () => {
      await client?.dispose();
      ws?.remove();
    });

    it('is read, and the quotes are checked against it', async () => {
      ws = workspace();
      const article = `${readFileSync(join(FIXTURES, 'arms-control.txt'), 'utf8')}\n${'filler '.repeat(450_000)}`;
      assert.ok(article.length > 3 * 1024 * 1024);
      ws.write('big.txt', article);
      const text = edit(edit(ARMS_YAML, 'text: arms-control.txt', 'text: big.txt'), 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      const uri = ws.write('big.facts.yaml', text);
      client = await LspClient.start({ configuration: () => ({ builtInFactBase: false }), workspaceFolders: ws.folders });
      const own = await factBaseDiagnostics(client, uri, (d) => d.length > 0);
      assert.deepEqual(own.diagnostics.map((d) => [d.code, textAt(text, d.range)]), [['quote-not-in-source', 'Norway ratified the accord on 18 May, the first signatory to do so.']]);
    });
  });

  describe('a deeply nested block fact base (hostile)', { concurrency: 1 }, () => {
    let ws: Workspace;
    let client: LspClient | undefined;
    after(async () => {
      await client?.dispose();
      ws?.remove();
    });

    it('is rejected with a YAML error and the server keeps running', async () => {
      ws = workspace();
      const uri = ws.write('deep-block.facts.yaml', `source:\n  ${'- '.repeat(20_000)}x\nfacts: []\n`);
      client = await LspClient.start({ configuration: 'null', workspaceFolders: ws.folders });
      const own = await factBaseDiagnostics(client, uri, (d) => d.length > 0);
      assert.ok(own.diagnostics.every((d) => d.code === 'yaml-syntax'));
      assert.ok(client.alive, client.stderr);
    });
  });
});
