/**
 * Recovery from an internal error: with POLICY_FACT_CHECK_FAULT set, the server's check fails on any
 * document whose text contains that value, as an unexpected bug would (see injectFault in
 * server/src/lsp/documentChecks.ts). That document gets one internal-error notice and one log entry,
 * however often it is edited; the other documents are checked and answered as usual; once the
 * marker is gone the document is checked normally; and the server never exits.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { docUri, NO_CLAIM, RECOGNITION_QUOTE, RECOGNITION_WRONG, THREE_WRONG } from './drafts';
import { essence, LspClient, messageOf, positionAt, sleep } from './lspClient';

const MARKER = '__FAULT__';
const FIX_ALL = 'source.fixAll.policyFactCheck';
const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');

function assertOnlyInternalError(published: PublishDiagnosticsParams): void {
  assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics.map((d) => d.code)));
  const d = published.diagnostics[0]!;
  assert.equal(d.code, 'internal-error');
  assert.equal(d.severity, 3, 'Information');
  assert.equal(d.source, 'policy-fact-check');
  assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(messageOf(d), /could not check this document/);
}

describe('protocol: recovery from an internal error in one document', () => {
  let client: LspClient;
  const faulty = docUri('faulty');
  const healthy = docUri('healthy');
  const FAULTY_TEXT = `${THREE_WRONG}\nSee ${MARKER} here.\n`;

  before(async () => { client = await LspClient.start({ configuration: 'null', env: { POLICY_FACT_CHECK_FAULT: MARKER } }); });
  after(async () => { await client?.dispose(); });

  /** How often the failure was logged: window/logMessage entries and stderr lines that name it. */
  function timesLogged(): number {
    const logged = client.notifications.filter((n) => n.method === 'window/logMessage' && /injected fault/.test(String(n.params.message))).length;
    const stderr = client.stderr.split('\n').filter((l) => /injected fault/.test(l) && !/^\s+at /.test(l)).length;
    return logged + stderr;
  }

  it('the faulty document gets exactly one internal-error notice (Information); the failure is logged once', async () => {
    const published = await client.openAndWait(faulty, FAULTY_TEXT);
    assertOnlyInternalError(published);
    const status = await client.waitFor('policyFactCheck/status', (p) => p.uri === faulty && p.version === 1);
    assert.deepEqual({ claims: status.claims, contradictions: status.contradictions }, { claims: 0, contradictions: 0 });
    await sleep(100);
    assert.equal(timesLogged(), 1, `logged:\n${client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message).join('\n')}\nstderr:\n${client.stderr}`);
    const entry = client.notifications.find((n) => n.method === 'window/logMessage' && /injected fault/.test(String(n.params.message)));
    assert.ok(entry, 'logged through window/logMessage');
    assert.equal(entry.params.type, 1, 'as an error');
    assert.ok(String(entry.params.message).includes(faulty), 'the log names the document');
  });

  it('the other document is checked and answered as usual, before and after edits to the faulty one', async () => {
    const published = await client.openAndWait(healthy, THREE_WRONG);
    assert.equal(contradictions(published.diagnostics).length, 3);
    assert.ok(!published.diagnostics.some((d) => d.code === 'internal-error'));
    const hover = await client.hover(healthy, client.rangeOf(healthy, '14 June').start);
    assert.ok(hover, 'hover on the healthy document');
    assert.match(JSON.stringify(hover.contents), /14 July/);
    const fixAll = await client.codeActions(healthy, client.rangeOf(healthy, '14 June'), [], [FIX_ALL]);
    assert.ok(Array.isArray(fixAll) && fixAll.length === 1, JSON.stringify(fixAll));
  });

  it('stays at one notice and one log entry over more edits that keep the marker, while the healthy document follows its own edits', async () => {
    const end = () => positionAt(client.text(faulty), client.text(faulty).length);
    // Each edit computed on the text as it is by then.
    const edits: Array<() => { range: Range; text: string }> = [
      () => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft: ' }),
      () => ({ range: client.rangeOf(faulty, '14 June'), text: '14 July' }),
      () => ({ range: { start: end(), end: end() }, text: `\n${RECOGNITION_WRONG}\n` }),
      () => ({ range: client.rangeOf(faulty, MARKER), text: `${MARKER}${MARKER}` }),
      () => ({ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }),
    ];
    for (const [i, edit] of edits.entries()) {
      const since = client.mark();
      const change = edit();
      const version = await client.change(faulty, [change]);
      assertOnlyInternalError(await client.waitForDiagnostics(faulty, { version, since }));
      assert.equal(await client.hover(faulty, { line: 0, character: 3 }), null, 'hover on the faulty document answers null');
      const actions = await client.codeActions(faulty, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, [], ['quickfix', FIX_ALL]);
      assert.ok(actions === null || (Array.isArray(actions) && actions.length === 0), JSON.stringify(actions));
      if (i === 2) {
        // Meanwhile, the healthy document: one value fixed, two contradictions left.
        const healthySince = client.mark();
        const v = await client.change(healthy, [{ range: client.rangeOf(healthy, '14 June'), text: '14 July' }]);
        const published = await client.waitForDiagnostics(healthy, { version: v, since: healthySince });
        assert.equal(contradictions(published.diagnostics).length, 2);
      }
    }
    assert.ok(client.text(faulty).includes(MARKER));
    await sleep(200);
    assert.equal(timesLogged(), 1, 'still logged once');
    assert.ok(client.alive, `the server exited: ${client.stderr}`);
  });

  it('checks the document normally once an edit removes the marker', async () => {
    const since = client.mark();
    const marker = client.text(faulty).match(new RegExp(`(${MARKER})+`))![0];
    const version = await client.change(faulty, [{ range: client.rangeOf(faulty, marker), text: 'nothing' }]);
    assert.ok(!client.text(faulty).includes(MARKER));
    const published = await client.waitForDiagnostics(faulty, { version, since });
    assert.ok(!published.diagnostics.some((d) => d.code === 'internal-error'), JSON.stringify(published.diagnostics.map((d) => d.code)));
    const fresh = await client.openAndWait(docUri('faulty-fresh'), client.text(faulty));
    assert.deepEqual(published.diagnostics.map(essence), fresh.diagnostics.map(essence));
    assert.ok(contradictions(published.diagnostics).length >= 2, JSON.stringify(published.diagnostics.map((d) => messageOf(d))));
    const hover = await client.hover(faulty, client.rangeOf(faulty, '80 per cent').start);
    assert.ok(hover, 'hover answers once the document is checked');
    const status = await client.waitFor('policyFactCheck/status', (p) => p.uri === faulty && p.version === version, { since });
    assert.ok(status.claims > 0);
    assert.equal(timesLogged(), 1, 'recovering logs nothing');
  });

  it('a fault in a document being opened, then closed: its notice is cleared, the server carries on', async () => {
    const other = docUri('faulty-2');
    assertOnlyInternalError(await client.openAndWait(other, `${MARKER}\n\n${RECOGNITION_QUOTE}\n\n${NO_CLAIM}\n`));
    const since = client.mark();
    await client.close(other);
    const cleared = await client.waitForDiagnostics(other, { since });
    assert.deepEqual(cleared.diagnostics, []);
    // Still serving: a new document is checked.
    const probe = await client.openAndWait(docUri('probe'), THREE_WRONG);
    assert.equal(contradictions(probe.diagnostics).length, 3);
  });

  it('never exits: alive after all this, and shuts down cleanly when asked', async () => {
    assert.ok(client.alive, `the server exited: ${client.stderr}`);
    assert.equal(client.exitCode, undefined);
    const { code } = await client.shutdown();
    assert.equal(code, 0);
  });
});
