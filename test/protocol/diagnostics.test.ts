import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import {
  DEBT_WRONG, docUri, NO_CLAIM, ONE_WRONG, RECOGNITION_FACT, THREE_WRONG, UTF16_LINE, UTF16_PREFIX, VALUE_COLUMN_CODE_POINTS, VALUE_COLUMN_UTF16,
} from './drafts';
import { cliDiagnostics, essence, LspClient, messageOf, positionAt, sleep, tempDir } from './lspClient';

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');

/** Versions of the versioned publishes for a document never go back. */
function assertVersionsNeverGoBack(published: PublishDiagnosticsParams[]): void {
  const versions = published.map((p) => p.version).filter((v): v is number => typeof v === 'number');
  for (let i = 1; i < versions.length; i++) {
    assert.ok(versions[i]! >= versions[i - 1]!, `publishDiagnostics for version ${versions[i]} arrived after version ${versions[i - 1]}: ${versions.join(', ')}`);
  }
}

describe('protocol: diagnostics on open and on edits', () => {
  let client: LspClient;
  const temp = tempDir();
  before(async () => { client = await LspClient.start({ configuration: 'null' }); });
  after(async () => { await client?.dispose(); temp.remove(); });

  it('publishes a contradiction exactly on "14 June", in UTF-16 columns, with the version of the open', async () => {
    const uri = docUri('open');
    const published = await client.openAndWait(uri, THREE_WRONG, 7);
    assert.equal(published.version, 7);
    const line = THREE_WRONG.split('\n').indexOf(UTF16_LINE);
    assert.equal(line, 2);
    // The test means something only if UTF-16 and code point columns differ here.
    assert.equal(UTF16_LINE.indexOf('14 June'), VALUE_COLUMN_UTF16);
    assert.equal([...UTF16_LINE.slice(0, VALUE_COLUMN_UTF16)].length, VALUE_COLUMN_CODE_POINTS);
    assert.notEqual(VALUE_COLUMN_UTF16, VALUE_COLUMN_CODE_POINTS);
    assert.ok(UTF16_PREFIX.includes('é'));

    const diagnostic = contradictions(published.diagnostics).find((d) => d.range.start.line === line);
    assert.ok(diagnostic, `no diagnostic on line ${line}: ${JSON.stringify(published.diagnostics)}`);
    assert.deepEqual(diagnostic.range, { start: { line, character: VALUE_COLUMN_UTF16 }, end: { line, character: VALUE_COLUMN_UTF16 + '14 June'.length } });
    assert.equal(diagnostic.code, 'contradiction');
    assert.equal(diagnostic.source, 'policy-fact-check');
    assert.equal(diagnostic.severity, 2);
    assert.equal(typeof diagnostic.message, 'string');
    assert.match(messageOf(diagnostic), /14 July/);
    assert.match(messageOf(diagnostic), /14 June/);
    const data = diagnostic.data as { factId?: string; fixes?: Array<TextEdit | TextEdit[]> };
    assert.equal(data.factId, RECOGNITION_FACT);
    assert.ok(Array.isArray(data.fixes) && data.fixes.length >= 1);
    const fix = data.fixes[0] as TextEdit;
    assert.ok(!Array.isArray(fix), 'the preferred fix is a single TextEdit');
    assert.equal(fix.newText, '14 July');
    assert.deepEqual(fix.range, diagnostic.range);

    assert.equal(contradictions(published.diagnostics).length, 3, JSON.stringify(published.diagnostics.map((d) => d.message)));
  });

  it('gives the same positions, in CRLF documents too', async () => {
    const lf = await client.openAndWait(docUri('lf'), THREE_WRONG);
    const crlf = await client.openAndWait(docUri('crlf'), THREE_WRONG.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.diagnostics.map((d) => d.range), lf.diagnostics.map((d) => d.range));
  });

  it('sends policyFactCheck/status after a check: claims > 0, contradictions = contradiction diagnostics', async () => {
    const uri = docUri('status');
    const since = client.mark();
    await client.open(uri, THREE_WRONG, 3);
    const published = await client.waitForDiagnostics(uri, { since, version: 3 });
    const status = await client.waitFor('policyFactCheck/status', (p) => p.uri === uri && p.version === 3, { since });
    assert.ok(status.claims > 0, JSON.stringify(status));
    assert.ok(status.sentences >= status.claims, JSON.stringify(status));
    assert.equal(status.contradictions, contradictions(published.diagnostics).length);
    assert.equal(status.contradictions, 3);
  });

  it('clears the diagnostics when a single incremental edit fixes the value', async () => {
    const uri = docUri('fix-one');
    const opened = await client.openAndWait(uri, ONE_WRONG);
    assert.equal(contradictions(opened.diagnostics).length, 1);
    const since = client.mark();
    const june = client.rangeOf(uri, 'June');
    const version = await client.change(uri, [{ range: june, text: 'July' }]);
    const published = await client.waitForDiagnostics(uri, { version, since });
    assert.deepEqual(contradictions(published.diagnostics), []);
    const status = await client.waitFor('policyFactCheck/status', (p) => p.uri === uri && p.version === version, { since });
    assert.equal(status.contradictions, 0);
  });

  it('reports what a check cost in the status: edits applied, check, and the debounce waited', async () => {
    const uri = docUri('timing');
    const since = client.mark();
    await client.open(uri, ONE_WRONG, 1);
    const opened = await client.waitFor('policyFactCheck/status', (p) => p.uri === uri && p.version === 1, { since });
    assert.equal(opened.timing.syncMs, 0, JSON.stringify(opened));
    assert.ok(opened.timing.checkMs > 0, JSON.stringify(opened));
    const edited = client.mark();
    const version = await client.change(uri, [{ range: client.rangeOf(uri, 'June'), text: 'July' }]);
    const status = await client.waitFor('policyFactCheck/status', (p) => p.uri === uri && p.version === version, { since: edited });
    const { syncMs, checkMs, waitMs } = status.timing;
    for (const ms of [syncMs, checkMs, waitMs]) assert.ok(typeof ms === 'number' && Number.isFinite(ms) && ms >= 0, JSON.stringify(status));
    assert.ok(checkMs > 0, JSON.stringify(status));
    // The debounce (150 ms) is waited, not worked: it shows in waitMs, not in checkMs.
    assert.ok(waitMs >= 140, JSON.stringify(status));
  });

  it('after edits that keep later paragraphs in place (same length, lines added or removed before them), publishes what a fresh check finds', async () => {
    const uri = docUri('reuse');
    await client.openAndWait(uri, THREE_WRONG);
    const briefing = () => client.rangeOf(uri, 'Briefing');
    const edits: Array<() => TextDocumentContentChangeEvent[]> = [
      // Same length, one more line: every later finding keeps its offsets but moves down a line.
      () => [{ range: { start: briefing().start, end: { line: briefing().start.line, character: briefing().start.character + 1 } }, text: '\n' }],
      // At the end: findings before it stay where they were.
      () => { const end = positionAt(client.text(uri), client.text(uri).length); return [{ range: { start: end, end }, text: '\nAnother line.\n' }]; },
      // Same length again, the line taken away; then two changes in one notification.
      () => { const nl = client.text(uri).indexOf('\n'); const at = positionAt(client.text(uri), nl); return [{ range: { start: at, end: { line: at.line + 1, character: 0 } }, text: 'B' }]; },
      () => [{ range: client.rangeOf(uri, 'Another line.'), text: 'A' }, { range: briefing(), text: 'Brief\n\nx' }],
    ];
    for (const [i, edit] of edits.entries()) {
      const since = client.mark();
      const version = await client.change(uri, edit());
      const published = await client.waitForDiagnostics(uri, { version, since });
      const fresh = await client.openAndWait(docUri(`reuse-fresh-${i}`), client.text(uri));
      assert.deepEqual(published.diagnostics.map(essence), fresh.diagnostics.map(essence), `after edit ${i}: ${JSON.stringify(client.text(uri))}`);
      assert.ok(published.diagnostics.length > 0);
    }
  });

  it('after over 100 rapid incremental edits, ends with the final version and exactly what a fresh check of the final text finds', async () => {
    const uri = docUri('rapid');
    await client.openAndWait(uri, ONE_WRONG);
    const since = client.mark();
    // Retype "June" as "July", one keystroke each, then type a new contradicted sentence at the end.
    const text = () => client.text(uri);
    const sends: Promise<number>[] = [];
    const send = (change: TextDocumentContentChangeEvent) => sends.push(client.change(uri, [change]));
    const june = text().indexOf('June');
    for (let i = 4; i > 0; i--) send({ range: { start: positionAt(text(), june + i - 1), end: positionAt(text(), june + i) }, text: '' });
    for (const [i, ch] of [...'July'].entries()) send({ range: { start: positionAt(text(), june + i), end: positionAt(text(), june + i) }, text: ch });
    const typed = `\n${DEBT_WRONG}`;
    for (const ch of typed) {
      const end = positionAt(text(), text().length);
      send({ range: { start: end, end }, text: ch });
    }
    const versions = await Promise.all(sends);
    const finalVersion = versions[versions.length - 1]!;
    assert.ok(versions.length >= 100, `${versions.length} edits`);
    assert.equal(text(), `${ONE_WRONG.replace('14 June', '14 July')}\n${DEBT_WRONG}`);

    const last = await client.waitForDiagnostics(uri, { version: finalVersion, since, timeoutMs: 5000 });
    await sleep(400); // longer than the typing debounce: anything stale would arrive now
    const published = client.published(uri, since);
    assert.equal(published[published.length - 1]!.version, finalVersion, `last publish is for version ${published[published.length - 1]!.version}, not ${finalVersion}`);
    assertVersionsNeverGoBack(published);
    assert.ok(published.length < versions.length / 2, `the debounce should skip most keystrokes: ${published.length} publishes for ${versions.length} edits`);

    const file = temp.file('rapid-final.md', text());
    const fresh = cliDiagnostics(file.path);
    assert.deepEqual(last.diagnostics.map(essence), fresh.map(essence));
    assert.equal(contradictions(last.diagnostics).length, 1, 'the debt figure; the date was fixed');
    assert.match(messageOf(contradictions(last.diagnostics)[0]!), /90 per cent/);
  });

  it('agrees with a fresh check after edits that insert and delete across lines', async () => {
    const uri = docUri('multiline');
    await client.openAndWait(uri, THREE_WRONG);
    const since = client.mark();
    // One didChange with several changes, applied in order: join two paragraphs, then delete a line.
    const t = client.text(uri);
    const joinAt = t.indexOf(`\n\n${NO_CLAIM}`);
    const version = await client.change(uri, [
      { range: { start: positionAt(t, joinAt), end: positionAt(t, joinAt + 2) }, text: ' ' },
      { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
    ]);
    const published = await client.waitForDiagnostics(uri, { version, since });
    assert.equal(client.text(uri), `${THREE_WRONG.slice(THREE_WRONG.indexOf('\n') + 1).replace(`\n\n${NO_CLAIM}`, ` ${NO_CLAIM}`)}`);
    // A fresh check of the same text, opened as a second document.
    const fresh = await client.openAndWait(docUri('multiline-fresh'), client.text(uri));
    assert.deepEqual(published.diagnostics.map(essence), fresh.diagnostics.map(essence));
    assert.equal(contradictions(published.diagnostics).length, 3);
  });

  it('never publishes an older version after a newer one, over every document of this server', () => {
    const uris = new Set(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => n.params.uri as string));
    for (const uri of uris) assertVersionsNeverGoBack(client.published(uri));
  });
});

describe('protocol: edits during the first configuration request', () => {
  let client: LspClient;
  // A client that takes 60 ms to answer workspace/configuration, as a busy editor may.
  before(async () => { client = await LspClient.start({ configuration: 'null', configurationDelayMs: 60 }); });
  after(async () => { await client?.dispose(); });

  it('still publishes diagnostics for the latest version', async () => {
    const uri = docUri('edit-during-configuration');
    const since = client.mark();
    await client.open(uri, ONE_WRONG);
    await sleep(20); // the open's check is now waiting for the settings
    const version = await client.change(uri, [{ range: client.rangeOf(uri, NO_CLAIM), text: 'Nothing happened.' }]);
    const published = await client.waitForDiagnostics(uri, { version, since, timeoutMs: 700 });
    assert.equal(contradictions(published.diagnostics).length, 1);
  });
});
