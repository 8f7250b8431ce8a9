import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { docUri, NO_CLAIM, ONE_WRONG, prng, RECOGNITION_WRONG, THREE_WRONG } from './drafts';
import { essence, LspClient, messageOf } from './lspClient';

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');

/** Random UTF-16 code units: any BMP unit, lone surrogates, control characters, NULs, astral pairs. */
function junkUnicode(length: number, seed: number): string {
  const random = prng(seed);
  let out = '';
  while (out.length < length) {
    const r = random();
    if (r < 0.1) out += String.fromCharCode(0xd800 + Math.floor(random() * 0x800)); // lone surrogate, high or low
    else if (r < 0.2) out += String.fromCodePoint(0x10000 + Math.floor(random() * 0xfffff)); // astral pair
    else if (r < 0.3) out += String.fromCharCode(Math.floor(random() * 0x20)); // controls, NUL, \r, \n
    else out += String.fromCharCode(Math.floor(random() * 0x10000));
  }
  return `${out}\uD800${RECOGNITION_WRONG}\uDC00\n\u0000`;
}

/** Random bytes as a client decoding a binary file as Latin-1 would send them. */
function junkBinary(length: number, seed: number): string {
  const random = prng(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes.toString('latin1');
}

describe('protocol: robustness', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ configuration: 'null' }); });
  after(async () => { await client?.dispose(); });

  /** The server is alive, logged no error, and still checks: a known draft gets its contradiction. */
  async function assertStillWorking(): Promise<void> {
    assert.ok(client.alive, `the server exited: ${client.stderr}`);
    const errors = client.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message);
    assert.deepEqual(errors, [], 'errors logged by the server');
    const internal = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics')
      .flatMap((n) => (n.params.diagnostics as Diagnostic[]).filter((d) => d.code === 'internal-error').map((d) => `${n.params.uri}: ${messageOf(d)}`));
    assert.deepEqual(internal, [], 'documents the server failed to check');
    const probe = await client.openAndWait(docUri('probe'), ONE_WRONG);
    assert.equal(contradictions(probe.diagnostics).length, 1);
  }

  it('handles binary junk: diagnostics arrive, hover and code actions answer', async () => {
    const uri = docUri('binary');
    const published = await client.openAndWait(uri, junkBinary(20_000, 1));
    assert.ok(Array.isArray(published.diagnostics));
    await client.hover(uri, { line: 0, character: 3 });
    assert.ok(Array.isArray(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.policyFactCheck'])));
    await assertStillWorking();
  });

  it('handles random unicode with lone surrogates: diagnostics arrive, hover answers', async () => {
    for (const seed of [2, 3, 4]) {
      const uri = docUri(`unicode-${seed}`);
      const text = junkUnicode(20_000, seed);
      const published = await client.openAndWait(uri, text);
      assert.ok(Array.isArray(published.diagnostics), `seed ${seed}`);
      for (const d of published.diagnostics) assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0, JSON.stringify(d.range));
      for (const line of [0, 5, 50]) await client.hover(uri, { line, character: 1 });
    }
    await assertStillWorking();
  });

  it('checks a 200 KB draft: every repeated contradiction found, hover answers in the middle', async () => {
    const uri = docUri('large');
    const block = `${THREE_WRONG}\n${'Filler sentence without a claim, about nothing in particular. '.repeat(20)}\n\n`;
    const repeats = Math.ceil(200_000 / block.length);
    const text = block.repeat(repeats);
    assert.ok(text.length >= 200_000);
    const since = client.mark();
    const started = Date.now();
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, { since, timeoutMs: 10_000 });
    const elapsed = Date.now() - started;
    assert.equal(contradictions(published.diagnostics).length, 3 * repeats);
    const status = await client.waitFor('policyFactCheck/status', (p) => p.uri === uri, { since });
    assert.equal(status.contradictions, 3 * repeats);
    const middle = client.rangeOf(uri, '14 June', Math.floor(repeats / 2));
    const hover = await client.hover(uri, middle.start);
    assert.ok(hover, 'hover in the middle of the large draft');
    assert.deepEqual(hover.range, middle);
    assert.ok(elapsed < 5000, `first diagnostics after ${elapsed} ms`);
  });

  it('answers null or nothing for a document it does not know, instead of an error', async () => {
    const unknown = docUri('never-opened');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
    assert.equal(await client.hover(unknown, { line: 0, character: 1 }), null);
    const foreign: Diagnostic = { range, message: 'The source gives 14 July', source: 'policy-fact-check', code: 'contradiction', severity: 2 };
    const quick = await client.codeActions(unknown, range, [foreign], ['quickfix']);
    assert.ok(quick === null || (Array.isArray(quick) && quick.length === 0), JSON.stringify(quick));
    const all = await client.codeActions(unknown, range, [], ['source.fixAll.policyFactCheck']);
    assert.ok(all === null || (Array.isArray(all) && all.length === 0), JSON.stringify(all));
    // Notifications about it are ignored.
    await client.notify('textDocument/didChange', { textDocument: { uri: unknown, version: 2 }, contentChanges: [{ range, text: 'x' }] });
    await client.notify('textDocument/didClose', { textDocument: { uri: unknown } });
    await assertStillWorking();
  });

  it('keeps answering after malformed edit ranges (past the end, negative, reversed)', async () => {
    const uri = docUri('malformed');
    await client.openAndWait(uri, `${NO_CLAIM}\n`);
    const malformed = [
      { start: { line: 99, character: 5 }, end: { line: 120, character: 0 } }, // past the end: appends
      { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, // negative
      { start: { line: 0, character: 10 }, end: { line: 0, character: 3 } }, // reversed
      { start: { line: 0, character: 999 }, end: { line: 0, character: 1000 } }, // character past the line end
    ];
    const texts = [` ${RECOGNITION_WRONG}`, '', 'X', '!'];
    let version = 0;
    const since = client.mark();
    for (const [i, range] of malformed.entries()) version = await client.change(uri, [{ range, text: texts[i]! }]);
    const published = await client.waitForDiagnostics(uri, { version, since });
    // The server applied the edits as the LSP text document library does (the client's copy): same findings as a fresh check.
    const fresh = await client.openAndWait(docUri('malformed-fresh'), client.text(uri));
    assert.deepEqual(published.diagnostics.map(essence), fresh.diagnostics.map(essence));
    assert.equal(contradictions(published.diagnostics).length, 1, `the appended claim in ${JSON.stringify(client.text(uri))}`);
    assert.ok(await client.hover(uri, client.rangeOf(uri, '14 June').start), 'hover on the appended claim');
    await assertStillWorking();
  });

  it('answers a request with missing parameters with an error, and keeps going', async () => {
    const uri = docUri('bad-params');
    await client.openAndWait(uri, ONE_WRONG);
    await client.request('textDocument/hover', { textDocument: { uri } }).then(
      (result) => assert.equal(result, null),
      (e: Error) => assert.ok(e.message.length > 0),
    );
    await client.request('policyFactCheck/checkFiles', {}).then(() => undefined, (e: Error) => assert.ok(e.message.length > 0));
    await assertStillWorking();
  });
});
