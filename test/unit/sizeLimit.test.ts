/**
 * The size limit of checkDocument (`maxDocumentSize`, in UTF-16 code units): over it, one notice and
 * nothing else; at it exactly, a normal check.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkDocument, createChunkCache, DEFAULT_MAX_DOCUMENT_SIZE } from '../../server/src/core/check';
import { builtinKnowledge } from '../helpers/knowledge';

const knowledge = builtinKnowledge();

/** Claims the built-in fact base contradicts, so that a normal check finds something. */
const WRONG = 'On 14 June, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.\n\n'
  + "In 2014, the Russian parliament wrote off 80 per cent of North Korea's Soviet-era debt, worth over US$10 billion [@frassineti2022].\n\n";

/** A draft of exactly `length` code units: the claims, then filler prose. */
function draftOf(length: number): string {
  const filler = 'Filler prose without a claim. ';
  let text = WRONG;
  while (text.length < length) text += filler;
  text = text.slice(0, length);
  assert.equal(text.length, length);
  return text;
}

function assertTooLarge(result: ReturnType<typeof checkDocument>): void {
  assert.equal(result.findings.length, 1, JSON.stringify(result.findings.map((f) => f.code)));
  const notice = result.findings[0]!;
  assert.equal(notice.code, 'document-too-large');
  assert.equal(notice.severity, 'information');
  assert.equal(notice.start, 0);
  assert.equal(notice.end, 0);
  assert.deepEqual(notice.fixes, []);
  assert.match(notice.message, /maxDocumentSize/);
  assert.deepEqual(result.claims, []);
  assert.deepEqual(result.citations, []);
  assert.deepEqual(result.stats, { sentences: 0, claims: 0, contradictions: 0 });
}

describe('checkDocument: maxDocumentSize', () => {
  const limit = 10_000;

  it('over the limit: exactly one document-too-large notice (information, at offset 0), no claims', () => {
    for (const length of [limit + 1, limit + 2, 3 * limit]) assertTooLarge(checkDocument(knowledge, draftOf(length), undefined, { maxDocumentSize: limit }));
  });

  it('at the limit exactly: checks normally, as without a limit', () => {
    const text = draftOf(limit);
    const limited = checkDocument(knowledge, text, undefined, { maxDocumentSize: limit });
    assert.deepEqual(limited, checkDocument(knowledge, text));
    assert.ok(!limited.findings.some((f) => f.code === 'document-too-large'));
    assert.equal(limited.findings.filter((f) => f.code === 'contradiction').length, 2, 'the two wrong claims');
    assert.ok(limited.claims.length >= 2);
    assert.ok(limited.citations.length >= 1);
  });

  it('one code unit over: the notice; one under: a normal check', () => {
    assertTooLarge(checkDocument(knowledge, draftOf(limit) + 'x', undefined, { maxDocumentSize: limit }));
    const under = draftOf(limit - 1);
    assert.deepEqual(checkDocument(knowledge, under, undefined, { maxDocumentSize: limit }), checkDocument(knowledge, under));
  });

  it('a too-large check leaves a reused chunk cache fit for the next check', () => {
    const cache = createChunkCache();
    const small = draftOf(limit);
    const first = checkDocument(knowledge, small, cache, { maxDocumentSize: limit });
    assertTooLarge(checkDocument(knowledge, draftOf(limit + 500), cache, { maxDocumentSize: limit }));
    assert.deepEqual(checkDocument(knowledge, small, cache, { maxDocumentSize: limit }), first);
  });

  it('without the option, the default limit (5 MiB) applies', () => {
    assert.equal(DEFAULT_MAX_DOCUMENT_SIZE, 5 * 1024 * 1024);
    assertTooLarge(checkDocument(knowledge, `${WRONG}${'x'.repeat(DEFAULT_MAX_DOCUMENT_SIZE)}`));
  });
});
