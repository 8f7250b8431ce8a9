import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { docUri, ONE_WRONG, RECOGNITION_FACT, RECOGNITION_QUOTE, THREE_WRONG } from './drafts';
import { CLI, cliDiagnostics, essence, LspClient, ROOT, SOURCE_ARTICLE, tempDir } from './lspClient';

interface FactSummary { id: string; sourceKey: string; claim: string; quote: string; paragraph: number; reference: string }
interface CheckFilesResult { files: number; claims: number; contradictions: number; skipped: Array<{ uri: string; reason: string }> }

/** The built-in facts as the CLI lists them: an independent view of the same fact base. */
function cliFacts(): Array<{ id: string; quote: string; paragraph: number }> {
  const run = spawnSync(process.execPath, [CLI, 'facts', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const listed = JSON.parse(run.stdout) as { sources: Array<{ facts: Array<{ id: string; quote: string; paragraph: number }> }> };
  return listed.sources.flatMap((s) => s.facts);
}

describe('protocol: policyFactCheck/listFacts', () => {
  let client: LspClient;
  let facts: FactSummary[];
  before(async () => {
    client = await LspClient.start({ configuration: 'null' });
    facts = await client.request<FactSummary[]>('policyFactCheck/listFacts', { uri: docUri('list') });
  });
  after(async () => { await client?.dispose(); });

  it('returns the built-in facts: ids, quotes, paragraphs and the reference', () => {
    assert.ok(Array.isArray(facts) && facts.length > 10, `${facts?.length} facts`);
    assert.equal(new Set(facts.map((f) => f.id)).size, facts.length, 'unique ids');
    const recognition = facts.find((f) => f.id === RECOGNITION_FACT);
    assert.ok(recognition);
    assert.equal(recognition.quote, RECOGNITION_QUOTE);
    assert.equal(recognition.paragraph, 4);
    assert.equal(recognition.sourceKey, 'frassineti2022');
    assert.match(recognition.reference, /Frassineti, Howell and Roy/);
    assert.match(recognition.reference, /North Korea Pokes The Polarization Bear/);
    for (const fact of facts) {
      assert.ok(fact.quote.length > 0 && fact.claim.length > 0, fact.id);
      assert.ok(Number.isInteger(fact.paragraph) && fact.paragraph > 0, `${fact.id}: paragraph ${fact.paragraph}`);
    }
  });

  it('lists the same facts as `policy-fact-check facts`', () => {
    assert.deepEqual(
      facts.map((f) => ({ id: f.id, quote: f.quote, paragraph: f.paragraph })),
      cliFacts().map((f) => ({ id: f.id, quote: f.quote, paragraph: f.paragraph })),
    );
  });

  it('quotes the source article verbatim', { skip: !existsSync(SOURCE_ARTICLE) && 'the source article is not present here' }, () => {
    const article = readFileSync(SOURCE_ARTICLE, 'utf8');
    for (const fact of facts) assert.ok(article.includes(fact.quote), `${fact.id}: quote not verbatim`);
  });
});

describe('protocol: policyFactCheck/checkFiles', () => {
  let client: LspClient;
  const temp = tempDir();
  before(async () => { client = await LspClient.start({ configuration: 'null' }); });
  after(async () => { await client?.dispose(); temp.remove(); });

  it('checks a draft on disk, publishes its diagnostics and returns the counts', async () => {
    const draft = temp.file('on-disk.md', THREE_WRONG);
    const since = client.mark();
    const result = await client.request<CheckFilesResult>('policyFactCheck/checkFiles', { uris: [draft.uri] });
    assert.equal(result.files, 1);
    assert.equal(result.contradictions, 3);
    assert.ok(result.claims >= 3, JSON.stringify(result));
    assert.deepEqual(result.skipped, []);
    const published = await client.waitForDiagnostics(draft.uri, { since });
    assert.equal(published.diagnostics.filter((d) => d.code === 'contradiction').length, 3);
    assert.deepEqual(published.diagnostics.map(essence), cliDiagnostics(draft.path).map(essence));
  });

  it('skips what it cannot read, with the reason, and checks the rest', async () => {
    const draft = temp.file('one.md', ONE_WRONG);
    const missing = pathToFileURL(join(temp.dir, 'missing.md')).href;
    const result = await client.request<CheckFilesResult>('policyFactCheck/checkFiles', {
      uris: [draft.uri, missing, 'untitled:Untitled-1'],
    });
    assert.equal(result.files, 1);
    assert.equal(result.contradictions, 1);
    assert.deepEqual(result.skipped.map((s) => s.uri), [missing, 'untitled:Untitled-1']);
    for (const s of result.skipped) assert.ok(s.reason.length > 0);
  });

  it('uses the editor\'s text for a file that is open, not the file on disk', async () => {
    const draft = temp.file('open.md', THREE_WRONG);
    await client.openAndWait(draft.uri, ONE_WRONG);
    const result = await client.request<CheckFilesResult>('policyFactCheck/checkFiles', { uris: [draft.uri] });
    assert.equal(result.files, 1);
    assert.equal(result.contradictions, 1);
  });
});
