import type { Diagnostic } from 'vscode-languageserver-types';
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { docUri, ONE_WRONG } from './drafts';
import { LspClient, requireBuild } from './lspClient';

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');

/** Server -> client requests this client answers; anything else would get MethodNotFound. */
const EXPECTED_SERVER_REQUESTS = new Set(['workspace/configuration', 'client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create']);

async function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('protocol: the bundle', () => {
  it('tells to run `npm run build` when dist/cli.js is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pfc-nobuild-'));
    try {
      assert.throws(() => requireBuild(empty), (e: Error) => /dist[/\\]cli\.js is missing/.test(e.message) && e.message.includes('npm run build'));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('protocol: initialize, server requests, close, shutdown (client answering null settings, like Neovim)', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ configuration: 'null' }); });
  after(async () => { await client?.dispose(); });

  it('announces incremental sync, hover and the quickfix and fixAll code action kinds', () => {
    const caps = client.initializeResult.capabilities;
    const sync = caps.textDocumentSync;
    assert.equal(typeof sync, 'object', 'textDocumentSync should be TextDocumentSyncOptions');
    assert.ok(sync && typeof sync === 'object');
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, 2, 'incremental sync (TextDocumentSyncKind.Incremental = 2)');
    assert.ok(caps.hoverProvider, 'hoverProvider');
    assert.ok(caps.codeActionProvider && typeof caps.codeActionProvider === 'object', 'codeActionProvider with options');
    const kinds = (caps.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds ?? [];
    assert.ok(kinds.includes('quickfix'), `codeActionKinds ${kinds}`);
    assert.ok(kinds.includes('source.fixAll.policyFactCheck'), `codeActionKinds ${kinds}`);
    assert.equal(client.initializeResult.serverInfo?.name, 'policy-fact-check');
  });

  it('registers for workspace/didChangeConfiguration after `initialized`', async () => {
    await until(() => client.serverRequests.some((r) => r.method === 'client/registerCapability'), 'client/registerCapability');
    const registration = client.serverRequests.find((r) => r.method === 'client/registerCapability')!.params.registrations[0];
    assert.equal(registration.method, 'workspace/didChangeConfiguration');
    assert.equal(typeof registration.id, 'string');
  });

  it('asks workspace/configuration for the document (section policyFactCheck) and uses the defaults when the client answers null', async () => {
    const uri = docUri('null-settings');
    const published = await client.openAndWait(uri, ONE_WRONG);
    const asked = client.serverRequests.filter((r) => r.method === 'workspace/configuration').flatMap((r) => r.params.items);
    assert.ok(asked.some((item: { scopeUri?: string; section?: string }) => item.scopeUri === uri && item.section === 'policyFactCheck'), JSON.stringify(asked));
    assert.equal(contradictions(published.diagnostics).length, 1);
    assert.equal(contradictions(published.diagnostics)[0]!.severity, 2, 'default severity of a contradiction: warning');
  });

  it('sends only requests a client is expected to answer', () => {
    const unexpected = client.serverRequests.filter((r) => !EXPECTED_SERVER_REQUESTS.has(r.method));
    assert.deepEqual(unexpected, []);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = docUri('close');
    const opened = await client.openAndWait(uri, ONE_WRONG);
    assert.equal(contradictions(opened.diagnostics).length, 1);
    const since = client.mark();
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, { since });
    assert.deepEqual(cleared.diagnostics, [], 'a closed document has no diagnostics at all');
    // Asking about a closed document is no error.
    assert.equal(await client.hover(uri, { line: 0, character: 25 }), null);
  });

  it('answers shutdown with null and exits with code 0 on exit', async () => {
    const { result, code, ms } = await client.shutdown();
    assert.equal(result, null);
    assert.equal(code, 0, `exit code (stderr: ${client.stderr})`);
    assert.ok(ms < 2000, `exited ${ms} ms after exit`);
  });
});

describe('protocol: a client without workspace/configuration support', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ configuration: 'unsupported' }); });
  after(async () => { await client?.dispose(); });

  it('is never asked for settings and gets the default diagnostics', async () => {
    const uri = docUri('no-configuration');
    const published = await client.openAndWait(uri, ONE_WRONG);
    assert.equal(contradictions(published.diagnostics).length, 1);
    assert.equal(contradictions(published.diagnostics)[0]!.severity, 2);
    assert.deepEqual(client.serverRequests.map((r) => r.method), [], 'no configuration request, no registration for configuration changes');
  });
});

describe('protocol: exit without shutdown', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client?.dispose(); });

  it('exits with code 1, as the LSP specification asks', async () => {
    await client.notify('exit', null);
    const code = await client.waitForExit(3000);
    assert.equal(code, 1);
  });
});
