import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { docUri, ONE_WRONG, THREE_WRONG } from './drafts';
import { LspClient, messageOf } from './lspClient';

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');

describe('protocol: settings from workspace/configuration', () => {
  let client: LspClient;
  let settings: unknown = { severity: { contradiction: 'error' } };
  const uri = docUri('settings');
  const strict = docUri('strict');
  const configurationRequests = () => client.serverRequests.filter((r) => r.method === 'workspace/configuration').length;

  /** Changes what the client answers, tells the server, and returns the republished diagnostics. */
  async function reconfigure(next: unknown, target = uri) {
    settings = next;
    const since = client.mark();
    const asked = configurationRequests();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const published = await client.waitForDiagnostics(target, { since });
    assert.ok(configurationRequests() > asked, 'the server asks for the settings again');
    return published;
  }

  before(async () => {
    // One document always gets errors: the server must ask per document (scopeUri), not once.
    client = await LspClient.start({ configuration: (item) => (item.scopeUri === strict ? { severity: { contradiction: 'error' } } : settings) });
  });
  after(async () => { await client?.dispose(); });

  it('severity { contradiction: "error" } gives severity 1', async () => {
    const published = await client.openAndWait(uri, THREE_WRONG);
    assert.equal(contradictions(published.diagnostics).length, 3);
    for (const d of contradictions(published.diagnostics)) assert.equal(d.severity, 1, messageOf(d));
    // Other codes keep their own severity: the uncited claims stay hints.
    for (const d of published.diagnostics.filter((x) => x.code === 'uncited-claim')) assert.equal(d.severity, 4, messageOf(d));
  });

  it('{ enable: false } + didChangeConfiguration republishes empty diagnostics for the same version', async () => {
    const published = await reconfigure({ enable: false });
    assert.deepEqual(published.diagnostics, []);
    assert.equal(published.version, 1);
    assert.equal(await client.hover(uri, client.rangeOf(uri, '14 June').start), null, 'no hover while disabled');
  });

  it('severity { contradiction: "off" } shows none', async () => {
    const published = await reconfigure({ severity: { contradiction: 'off' } });
    assert.deepEqual(contradictions(published.diagnostics), []);
  });

  it('back to {}: the default warnings return', async () => {
    const published = await reconfigure({});
    assert.equal(contradictions(published.diagnostics).length, 3);
    for (const d of contradictions(published.diagnostics)) assert.equal(d.severity, 2);
  });

  it('tolerates settings of the wrong types, using the defaults', async () => {
    const published = await reconfigure({ enable: 'no', severity: { contradiction: 'loud', nonsense: 'error' }, factBases: 42, maxDocumentSize: -1, builtInFactBase: 'yes' });
    assert.equal(contradictions(published.diagnostics).length, 3);
    for (const d of contradictions(published.diagnostics)) assert.equal(d.severity, 2);
  });

  it('reads the settings per document (scopeUri)', async () => {
    settings = {};
    const published = await client.openAndWait(strict, ONE_WRONG);
    const other = await client.openAndWait(docUri('default'), ONE_WRONG);
    assert.deepEqual(contradictions(published.diagnostics).map((d) => d.severity), [1]);
    assert.deepEqual(contradictions(other.diagnostics).map((d) => d.severity), [2]);
  });

  it('maxDocumentSize: a larger document gets a document-too-large diagnostic instead of a check', async () => {
    const big = docUri('too-large');
    settings = { maxDocumentSize: 1000 };
    const published = await client.openAndWait(big, THREE_WRONG.repeat(5));
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['document-too-large']);
  });
});
