/**
 * Stress through the protocol: 2 000 incremental edits to a realistic draft, sent as fast as the
 * client can write them, with 200 hovers and 100 code actions interleaved at positions of the text
 * as it is when each request is sent. Every request is answered, the server stays up, and the
 * diagnostics it publishes for the last version are what a fresh check of the final text finds.
 * Then the size limit: a draft over `maxDocumentSize` gets exactly one notice, and is checked once
 * an edit brings it under.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import type { CodeAction, Diagnostic, Hover, Range } from 'vscode-languageserver-types';
import { DEBT_WRONG, docUri, NO_CLAIM, prng, RECOGNITION_WRONG, VOTE_WRONG } from './drafts';
import { cliDiagnostics, editsFor, essence, LspClient, messageOf, positionAt, sleep, SOURCE_ARTICLE, tempDir } from './lspClient';

const FIX_ALL = 'source.fixAll.policyFactCheck';
const EDITS = 2000;
/** STRESS_SEED=n for another sequence of edits and requests. */
const SEED = Number(process.env.STRESS_SEED ?? 20_261_128);
const HOVER_EVERY = 10; // 200 hovers
const ACTION_EVERY = 20; // 100 code actions

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');

/** Wrong values for the article's right ones: a draft that gets some facts wrong. */
const WRONG: Array<[string, string]> = [
  ['On 14 July', 'On 14 June'],
  ['the four countries', 'the five countries'],
  ['90 per cent', '80 per cent'],
  ['In 2019, Kim met', 'In 2018, Kim met'],
  ['over 25 years', 'over 30 years'],
  ['10 August 2022', '10 August 2021'],
  ['8th Workers', '7th Workers'],
  ['October 2019', 'October 2018'],
  ['seventh nuclear test', 'eighth nuclear test'],
];

/** A draft of ~35 KB from the article's paragraphs: six sections, each with a different set of wrong values and some citations. */
function realisticDraft(): string {
  const lines = readFileSync(SOURCE_ARTICLE, 'utf8').split(/\r?\n/);
  const paragraphs = lines.slice(2, lines.findIndex((l) => l.startsWith('*About')));
  const out = ['# Briefing: North Korea, Russia and China', ''];
  for (let section = 0; section < 6; section++) {
    out.push(`## Section ${section + 1}`, '');
    paragraphs.forEach((p, i) => {
      let text = p;
      for (const [k, [right, wrong]] of WRONG.entries()) if ((k + section + i) % 3 === 0) text = text.replace(right, wrong);
      if ((section + i) % 4 === 1) text = text.replace(/\.$/, ' [@frassineti2022].');
      if ((section + i) % 5 === 2) text = `- ${text}`;
      out.push(text, '');
    });
  }
  return out.join('\n');
}

/** Needles a hover or an edit aims at: values the fact base checks. */
const VALUES = ['14 June', '14 July', 'five', 'four', '80 per cent', '90 per cent', '2018', '2019', '2022', 'October', 'August', 'seventh', 'eighth', '[@frassineti2022]'];
/** What a writer types or pastes. */
const TYPED = ['a', 'e', ' ', '.', ',', '1', '4', 'é', '🎉', '\n', '\n\n', '\r\n', '14 July', 'five', 'not ', '[@frassineti2022]'];
const PASTED = [RECOGNITION_WRONG, DEBT_WRONG, VOTE_WRONG, NO_CLAIM, '> A quoted line.', '```\ncode 14 June\n```', '| a | 14 June |\n|---|---|'];

/** Moves an offset off the middle of a surrogate pair (the CLI's copy of the text is UTF-8). */
function boundary(text: string, offset: number): number {
  return offset > 0 && offset < text.length && /[\uDC00-\uDFFF]/.test(text[offset]!) && /[\uD800-\uDBFF]/.test(text[offset - 1]!) ? offset - 1 : offset;
}

function occurrence(text: string, needle: string, random: () => number): number {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0 && found.length < 200; at = text.indexOf(needle, at + 1)) found.push(at);
  return found.length ? found[Math.floor(random() * found.length)]! : -1;
}

/** One random edit at the current text; the length stays between ~20 and ~50 KB. */
function randomEdit(text: string, random: () => number): TextDocumentContentChangeEvent {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const change = (start: number, end: number, inserted: string): TextDocumentContentChangeEvent => {
    const s = boundary(text, start);
    const e = Math.max(s, boundary(text, end));
    return { range: { start: positionAt(text, s), end: positionAt(text, e) }, text: inserted };
  };
  const at = Math.floor(random() * (text.length + 1));
  const r = random();
  const growing = text.length < 22_000;
  const shrinking = text.length > 48_000;
  if (!shrinking && (growing || r < 0.45)) return change(at, at, pick(TYPED)); // a keystroke
  if (r < 0.65) return change(at, at + 1 + Math.floor(random() * 3), ''); // backspace
  if (r < 0.75) {
    // a value changed where it is written
    const needle = pick(VALUES);
    const found = occurrence(text, needle, random);
    if (found >= 0) return change(found, found + needle.length, pick(VALUES.filter((v) => v !== needle && !v.startsWith('['))));
    return change(at, at, pick(TYPED));
  }
  if (r < 0.82 && !shrinking) {
    // a sentence pasted at a line start
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return change(lineStart, lineStart, `${pick(PASTED)}\n\n`);
  }
  if (r < 0.9) {
    // a line deleted, or two lines joined
    const nl = text.indexOf('\n', at);
    if (nl < 0) return change(at, at, '');
    if (random() < 0.5) return change(nl, nl + 1, ' ');
    const lineStart = text.lastIndexOf('\n', nl - 1) + 1;
    return change(lineStart, nl + 1, '');
  }
  return change(at, Math.min(text.length, at + Math.floor(random() * 200)), random() < 0.3 ? pick(TYPED) : ''); // a selection replaced
}

/** A position for a request: half the time on a value the fact base checks, otherwise anywhere. */
function requestOffset(text: string, random: () => number): number {
  if (random() < 0.5) {
    const needle = VALUES[Math.floor(random() * VALUES.length)]!;
    const found = occurrence(text, needle, random);
    if (found >= 0) return found + Math.floor(random() * needle.length);
  }
  return boundary(text, Math.floor(random() * (text.length + 1)));
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  // The same line-end rules as the server's text document (\n, \r\n and \r).
  let line = 0;
  let i = 0;
  while (line < position.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 13 && text.charCodeAt(i) === 10) i++;
    if (c === 10 || c === 13) line++;
  }
  return i + position.character;
}

function assertRangeInside(text: string, range: Range, what: string): void {
  const start = offsetOf(text, range.start);
  const end = offsetOf(text, range.end);
  assert.ok(start >= 0 && start <= end && end <= text.length, `${what}: ${JSON.stringify(range)} is not inside the text of ${text.length}`);
  assert.deepEqual(positionAt(text, start), range.start, `${what}: ${JSON.stringify(range.start)} is not a position of the text`);
  assert.deepEqual(positionAt(text, end), range.end, `${what}: ${JSON.stringify(range.end)} is not a position of the text`);
}

/** Versions of the versioned publishes for a document never go back. */
function assertVersionsNeverGoBack(published: PublishDiagnosticsParams[]): void {
  const versions = published.map((p) => p.version).filter((v): v is number => typeof v === 'number');
  for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `version ${versions[i]} published after ${versions[i - 1]}`);
}

describe('protocol: 2 000 edits as fast as they can be sent, with hovers and code actions', () => {
  let client: LspClient;
  const temp = tempDir();
  before(async () => { client = await LspClient.start({ configuration: 'null' }); });
  after(async () => { await client?.dispose(); temp.remove(); });

  it('answers every request for the text it was sent for, stays up, and ends with the diagnostics of a fresh check', async (t) => {
    const uri = docUri('stress');
    const draft = realisticDraft();
    assert.ok(draft.length > 20_000 && draft.length < 50_000, `draft of ${draft.length}`);
    const opened = await client.openAndWait(uri, draft);
    assert.ok(contradictions(opened.diagnostics).length >= 10, `the draft gets facts wrong: ${contradictions(opened.diagnostics).length} contradictions`);

    const random = prng(SEED);
    const since = client.mark();
    const sends: Array<Promise<number>> = [];
    interface Sent { kind: 'hover' | 'quickfix' | 'fixAll'; text: string; offset: number; answer: Promise<Hover | CodeAction[] | null> }
    const requests: Sent[] = [];
    for (let i = 1; i <= EDITS; i++) {
      // No await: the edit is written to the server's stdin at once; the client's copy follows it.
      sends.push(client.change(uri, [randomEdit(client.text(uri), random)]));
      if (i % HOVER_EVERY === 0) {
        const text = client.text(uri);
        const offset = requestOffset(text, random);
        requests.push({ kind: 'hover', text, offset, answer: client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offset) }, 30_000) });
      }
      if (i % ACTION_EVERY === 0) {
        const text = client.text(uri);
        const offset = requestOffset(text, random);
        const fixAll = (i / ACTION_EVERY) % 2 === 0;
        const position = positionAt(text, offset);
        const range = { start: position, end: positionAt(text, boundary(text, Math.min(text.length, offset + 20))) };
        // Quick fixes for the diagnostics last published (possibly for an older version), half of them without `data`, as some clients send them.
        const lastPublished = client.published(uri).at(-1)?.diagnostics ?? [];
        const diagnostics = lastPublished.slice(0, 5).map((d, k) => (k % 2 ? { ...d, data: undefined } : d));
        const context = fixAll ? { diagnostics: [], only: [FIX_ALL] } : { diagnostics, only: ['quickfix'] };
        requests.push({ kind: fixAll ? 'fixAll' : 'quickfix', text, offset, answer: client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range, context }, 30_000) });
      }
    }
    const versions = await Promise.all(sends);
    const finalVersion = versions[versions.length - 1]!;
    assert.equal(versions.length, EDITS);
    assert.equal(requests.filter((r) => r.kind === 'hover').length, EDITS / HOVER_EVERY);
    assert.equal(requests.filter((r) => r.kind !== 'hover').length, EDITS / ACTION_EVERY);

    // Every request answered, none with an error.
    const settled = await Promise.allSettled(requests.map((r) => r.answer));
    const failed = settled.map((s, i) => (s.status === 'rejected' ? `${requests[i]!.kind}: ${(s.reason as Error).message.split('\n')[0]}` : null)).filter((x) => x !== null);
    assert.deepEqual(failed, [], 'requests that failed');

    // Each answer is about the text as it was when the request was sent.
    let hovers = 0;
    let fixAllEdits = 0;
    let quickFixEdits = 0;
    for (const [i, r] of requests.entries()) {
      const answer = (settled[i] as PromiseFulfilledResult<Hover | CodeAction[] | null>).value;
      if (r.kind === 'hover') {
        if (!answer) continue;
        hovers++;
        const hover = answer as Hover;
        assert.ok(hover.range, 'a hover has a range');
        assertRangeInside(r.text, hover.range, 'hover range');
        const [start, end] = [offsetOf(r.text, hover.range.start), offsetOf(r.text, hover.range.end)];
        assert.ok(start <= r.offset && r.offset <= end, `hover at ${r.offset} answered for [${start}, ${end}): ${JSON.stringify(r.text.slice(start, end))}`);
      } else {
        assert.ok(Array.isArray(answer), `${r.kind} answers with a list: ${JSON.stringify(answer)}`);
        // Fixes are for the text the request was sent for, even when the diagnostics sent with it are older.
        for (const action of answer as CodeAction[]) {
          for (const e of editsFor(action.edit, uri)) {
            assertRangeInside(r.text, e.range, `${r.kind} edit`);
            assert.notEqual(r.text.slice(offsetOf(r.text, e.range.start), offsetOf(r.text, e.range.end)), e.newText, `a ${r.kind} edit changes something`);
            if (r.kind === 'fixAll') fixAllEdits++;
            else quickFixEdits++;
          }
        }
      }
    }
    assert.ok(hovers >= 10, `only ${hovers} of ${EDITS / HOVER_EVERY} hovers landed on a claim`);
    assert.ok(fixAllEdits > 0, 'fix-all found something to fix');

    // The diagnostics for the last version, and nothing after them.
    const final = await client.waitForDiagnostics(uri, { version: finalVersion, since, timeoutMs: 20_000 });
    await sleep(500); // longer than the typing debounce: a stale publish would arrive now
    const published = client.published(uri, since);
    assert.equal(published[published.length - 1]!.version, finalVersion, `the last publish is for version ${published[published.length - 1]!.version}, not ${finalVersion}`);
    assertVersionsNeverGoBack(published);
    assert.ok(client.alive, `the server exited: ${client.stderr}`);
    const text = client.text(uri);
    assert.ok(text.length > 15_000, `the edited draft is ${text.length} long`);

    // A fresh check of the final text, as a second document of the same server...
    const fresh = await client.openAndWait(docUri('stress-fresh'), text);
    assert.deepEqual(final.diagnostics.map(essence), fresh.diagnostics.map(essence));
    // ...and by the CLI, from a file.
    const file = temp.file('stress-final.md', text);
    const cli = cliDiagnostics(file.path, ['--no-workspace-facts']);
    const brief = (d: Diagnostic) => ({ code: d.code, range: d.range, message: messageOf(d) });
    assert.deepEqual(final.diagnostics.map(brief), cli.map(brief));
    assert.ok(final.diagnostics.length > 0, 'the final text still has findings to compare');

    t.diagnostic(`${EDITS} edits, ${requests.length} requests (${hovers} hovers with content, ${quickFixEdits} quick-fix and ${fixAllEdits} fix-all edits), ${published.length} publishes; final text ${text.length} long with ${final.diagnostics.length} diagnostics (${contradictions(final.diagnostics).length} contradictions)`);
    const internal = final.diagnostics.filter((d) => d.code === 'internal-error');
    assert.deepEqual(internal, []);
    const errors = client.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message);
    assert.deepEqual(errors, [], 'errors logged by the server');
  });
});

describe('protocol: the size limit (maxDocumentSize)', () => {
  const LIMIT = 10_000;
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ configuration: (item) => (item.section === 'policyFactCheck' ? { maxDocumentSize: LIMIT } : null) });
  });
  after(async () => { await client?.dispose(); });

  /** A draft of exactly `length` code units that starts with a contradicted claim. */
  function draftOf(length: number): string {
    let text = `${RECOGNITION_WRONG}\n\n${DEBT_WRONG}\n\n`;
    while (text.length < length) text += `${NO_CLAIM} `;
    return text.slice(0, length);
  }

  it('over the limit: exactly one Information notice, document-too-large; under it after an edit: checked normally', async () => {
    const uri = docUri('too-large');
    const big = draftOf(LIMIT + 2_000);
    const since = client.mark();
    const published = await client.openAndWait(uri, big);
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    const notice = published.diagnostics[0]!;
    assert.equal(notice.code, 'document-too-large');
    assert.equal(notice.severity, 3, 'Information');
    assert.equal(notice.source, 'policy-fact-check');
    assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(messageOf(notice), /maxDocumentSize/);
    const status = await client.waitFor('policyFactCheck/status', (p) => p.uri === uri && p.version === 1, { since });
    assert.equal(status.claims, 0);
    assert.equal(status.contradictions, 0);
    assert.equal(await client.hover(uri, client.rangeOf(uri, '14 June').start), null, 'no hover on an unchecked document');

    // Delete the tail: now exactly at the limit, which is still checked.
    const text = client.text(uri);
    const atLimit = await client.change(uri, [{ range: { start: positionAt(text, LIMIT), end: positionAt(text, text.length) }, text: '' }]);
    assert.equal(client.text(uri).length, LIMIT);
    const checked = await client.waitForDiagnostics(uri, { version: atLimit, since });
    assert.ok(!checked.diagnostics.some((d) => d.code === 'document-too-large'), JSON.stringify(checked.diagnostics.map((d) => d.code)));
    assert.equal(contradictions(checked.diagnostics).length, 2, 'the two wrong claims');
    assert.ok(await client.hover(uri, client.rangeOf(uri, '14 June').start), 'hover once checked');

    // One character more: the notice again, alone.
    const over = await client.change(uri, [{ range: { start: positionAt(client.text(uri), LIMIT), end: positionAt(client.text(uri), LIMIT) }, text: 'x' }]);
    const again = await client.waitForDiagnostics(uri, { version: over, since });
    assert.deepEqual(again.diagnostics.map((d) => [d.code, d.severity]), [['document-too-large', 3]]);
    assert.ok(client.alive);
  });
});
