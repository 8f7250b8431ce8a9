import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { docUri, THREE_WRONG } from './drafts';
import { applyEdits, editsFor, LspClient, messageOf } from './lspClient';

const FIX_ALL = 'source.fixAll.policyFactCheck';

describe('protocol: code actions', () => {
  let client: LspClient;
  const uri = docUri('actions');
  let diagnostics: Diagnostic[];
  let june: Diagnostic;
  before(async () => {
    client = await LspClient.start({ configuration: 'null' });
    diagnostics = (await client.openAndWait(uri, THREE_WRONG)).diagnostics;
    june = diagnostics.find((d) => messageOf(d).includes('14 June'))!;
    assert.ok(june, JSON.stringify(diagnostics));
    assert.equal(diagnostics.filter((d) => d.code === 'contradiction').length, 3);
  });
  after(async () => { await client?.dispose(); });

  it('quickfix for the diagnostic: a preferred action, first, whose edit yields "14 July"', async () => {
    const actions = await client.codeActions(uri, june.range, [june], ['quickfix']);
    assert.ok(actions && actions.length >= 1, JSON.stringify(actions));
    for (const action of actions) assert.equal(action.kind, 'quickfix');
    assert.equal(actions[0]!.isPreferred, true, 'the preferred fix comes first');
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    const preferred = actions[0]!;
    assert.deepEqual(preferred.diagnostics?.map((d) => d.range), [june.range]);
    const edits = editsFor(preferred.edit, uri);
    assert.ok(edits.length >= 1);
    const fixed = applyEdits(THREE_WRONG, edits);
    assert.ok(fixed.includes('On 14 July, Pyongyang recognised'), fixed);
    assert.ok(!fixed.includes('14 June'));
    // Nothing else changed.
    assert.equal(fixed, THREE_WRONG.replace('14 June', '14 July'));
  });

  it('fixAll (only: source.fixAll.policyFactCheck): one action fixing every contradiction', async () => {
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.codeActions(uri, whole, [], [FIX_ALL]);
    assert.ok(actions);
    assert.equal(actions.length, 1, JSON.stringify(actions));
    const action = actions[0]!;
    assert.equal(action.kind, FIX_ALL);
    const edits = editsFor(action.edit, uri);
    assert.equal(edits.length, 3);
    const fixed = applyEdits(THREE_WRONG, edits);
    for (const wrong of ['14 June', '80 per cent', 'one of five']) assert.ok(!fixed.includes(wrong), `still "${wrong}":\n${fixed}`);
    for (const right of ['14 July', '90 per cent', 'one of four']) assert.ok(fixed.includes(right), `no "${right}":\n${fixed}`);
    // A fresh check of the fixed text finds no contradiction.
    const recheck = await client.openAndWait(docUri('fixed-all'), fixed);
    assert.deepEqual(recheck.diagnostics.filter((d) => d.code === 'contradiction'), []);
  });

  it('fixAll is also offered for the parent kinds an editor asks on save (source.fixAll, source)', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const only of [['source.fixAll'], ['source']]) {
      const actions = (await client.codeActions(uri, range, [], only)) ?? [];
      assert.deepEqual(actions.map((a: CodeAction) => a.kind), [FIX_ALL], `only ${only}`);
    }
  });

  it('quickfix only: no fixAll action slips in', async () => {
    const actions = (await client.codeActions(uri, june.range, [june], ['quickfix'])) ?? [];
    assert.ok(!actions.some((a) => a.kind === FIX_ALL));
  });

  it('still returns the fix when the client stripped `data` from the diagnostic', async () => {
    const { data: _data, ...stripped } = june;
    assert.equal('data' in stripped, false);
    const actions = (await client.codeActions(uri, june.range, [stripped], ['quickfix'])) ?? [];
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions));
    assert.equal(applyEdits(THREE_WRONG, editsFor(preferred.edit, uri)), THREE_WRONG.replace('14 June', '14 July'));
  });

  it('offers nothing for another tool\'s diagnostic', async () => {
    const foreign: Diagnostic = { ...june, source: 'markdownlint', code: 'MD013', message: 'Line length' };
    const actions = (await client.codeActions(uri, june.range, [foreign], ['quickfix'])) ?? [];
    assert.deepEqual(actions, []);
  });

  it('a diagnostic from before an edit gets no fix with old positions; the one published after it does', async () => {
    const moving = docUri('moving');
    const before = (await client.openAndWait(moving, THREE_WRONG)).diagnostics.find((d) => messageOf(d).includes('14 June'))!;
    // A line inserted above: the old diagnostic's range (and the fix in its data) now point a line too high.
    const version = await client.change(moving, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'A new first line.\n' }]);
    const after = (await client.waitForDiagnostics(moving, { version })).diagnostics.find((d) => messageOf(d).includes('14 June'))!;
    assert.equal(after.range.start.line, before.range.start.line + 1);
    assert.deepEqual((await client.codeActions(moving, before.range, [before], ['quickfix'])) ?? [], [], 'a stale diagnostic is not fixed');
    const actions = (await client.codeActions(moving, after.range, [after], ['quickfix'])) ?? [];
    const fixed = applyEdits(client.text(moving), editsFor(actions[0]?.edit, moving));
    assert.equal(fixed, client.text(moving).replace('14 June', '14 July'));
  });
});
