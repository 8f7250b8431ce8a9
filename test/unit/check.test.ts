import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkDocument, createChunkCache, DEFAULT_MAX_DOCUMENT_SIZE } from '../../server/src/core/check';
import { applyFix, builtinKnowledge, check, contradictions } from '../helpers/knowledge';

const WRONG = 'On 14 June, Pyongyang recognised the breakaway republics in Eastern Ukraine.';
const RIGHT = 'In 2019, Kim met Russian President Vladimir Putin.';

describe('checkDocument', () => {
  it('reports in document offsets across chunks, headings, lists and quotes', () => {
    const text = `# Notes\n\nIntro text.\n\n- ${RIGHT}\n- ${WRONG}\n\n> In 2018, Kim met Russian President Vladimir Putin.\n`;
    const found = contradictions(text);
    assert.deepEqual(found.map((f) => [f.covered, f.fixes[0]]), [['14 June', '14 July'], ['2018', '2019']]);
    assert.equal(found[0]!.finding.start, text.indexOf('14 June'));
    assert.equal(found[1]!.finding.start, text.indexOf('2018'));
  });

  it('counts sentences, claims and contradictions', () => {
    const result = check(`${RIGHT} ${WRONG}\n\nNothing to check here. Or here.\n`);
    assert.deepEqual(result.stats, { sentences: 4, claims: 2, contradictions: 1 });
    assert.deepEqual(result.claims.map((c) => c.verdict), ['supported', 'contradicted']);
    assert.match(result.claims[1]!.explanation!, /^The source gives 14 July \(2022\)/);
  });

  it('checks a paragraph that is only a full stop and a marker (". [^1]") without throwing', () => {
    for (const text of ['. [^1]\n', '\n. [^1]\r\n', '. [@frassineti2022]\n', '?! [^1]\n\n[^1]: @frassineti2022\n']) {
      const result = checkDocument(builtinKnowledge(), text);
      for (const f of result.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, JSON.stringify(text));
    }
  });

  it('maps offsets in CRLF documents', () => {
    const text = `Intro.\r\n\r\n${RIGHT}\r\nStill the same paragraph.\r\n\r\n${WRONG}\r\n`;
    const [f] = contradictions(text);
    assert.equal(f!.covered, '14 June');
    assert.equal(applyFix(text, f!.finding.fixes[0]!), text.replace('14 June', '14 July'));
  });

  it('maps offsets after emoji and accented names (UTF-16 code units)', () => {
    const text = `# Briefing 🇰🇵 für Zoë\n\nÉmile Ducroquet 🎉 wrote: ${WRONG}\n`;
    const [f] = contradictions(text);
    assert.equal(f!.covered, '14 June');
    assert.equal(f!.finding.start, text.indexOf('14 June'));
  });

  it('maps a value split over two lines to its whole source range', () => {
    const text = 'On 14\nJune, Pyongyang recognised the breakaway republics.';
    const [f] = contradictions(text);
    assert.equal(f!.covered, '14\nJune');
    assert.equal(applyFix(text, f!.finding.fixes[0]!), 'On 14 July, Pyongyang recognised the breakaway republics.');
  });

  it('reads a sentence with **bold** across a line break as one claim', () => {
    const text = 'In 2014, the Russian parliament **wrote off\n80 per cent** of North Korea’s Soviet-era debt.';
    const result = check(text);
    assert.equal(result.claims.length, 1);
    assert.equal(text.slice(result.claims[0]!.start, result.claims[0]!.end), text);
    assert.deepEqual(contradictions(text).map((f) => [f.factId, f.fixes[0]]), [['debt-write-off-2014', '90 per cent']]);
  });

  it('checks footnote definitions and keeps footnote references out of values', () => {
    const text = `Kim met Putin.[^1]\n\n[^1]: ${WRONG}\n`;
    assert.deepEqual(contradictions(text).map((f) => f.covered), ['14 June']);
  });

  it('never reads citations as values', () => {
    const text = 'In 2019, Kim met Russian President Vladimir Putin [@frassineti2022, para. 4; @other2018, p. 12].';
    assert.deepEqual(contradictions(text).map((f) => f.message), []);
    assert.deepEqual(check(text).claims.map((c) => [c.factId, c.verdict]), [['kim-putin-meeting-2019', 'supported']]);
  });

  it('returns one notice instead of a check for documents over the size limit', () => {
    const text = `${WRONG}\n\n${'x'.repeat(200)}`;
    const result = checkDocument(builtinKnowledge(), text, undefined, { maxDocumentSize: 100 });
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]!.code, 'document-too-large');
    assert.equal(result.findings[0]!.severity, 'information');
    assert.deepEqual(result.claims, []);
    assert.ok(DEFAULT_MAX_DOCUMENT_SIZE >= 1024 * 1024);
    assert.ok(checkDocument(builtinKnowledge(), text, undefined, { maxDocumentSize: text.length }).findings.some((f) => f.code === 'contradiction'));
  });

  it('returns nothing for empty and blank documents', () => {
    for (const text of ['', '\n', '   \n\n\t\n', '---\n---\n']) {
      const result = check(text);
      assert.deepEqual(result.findings, []);
      assert.equal(result.stats.sentences, 0);
    }
  });
});

describe('checkDocument with a chunk cache', () => {
  it('gives the same result as a fresh check, and keeps only the chunks of the last text', () => {
    const cache = createChunkCache();
    const a = `${RIGHT}\n\n${WRONG}\n`;
    const b = `${RIGHT}\n\nA new paragraph.\n\n${WRONG}\n`;
    assert.deepEqual(check(a, cache), check(a));
    assert.equal(cache.chunks.size, 2);
    assert.deepEqual(check(b, cache), check(b));
    assert.equal(cache.chunks.size, 3);
    assert.deepEqual(check(a, cache), check(a));
    assert.equal(cache.chunks.size, 2);
  });

  it('reuses the results of unchanged chunks', () => {
    const cache = createChunkCache();
    check(`${RIGHT}\n\n${WRONG}\n`, cache);
    const before = cache.chunks.get(`${WRONG}\n`);
    assert.ok(before);
    check(`Changed.\n\n${WRONG}\n`, cache);
    assert.equal(cache.chunks.get(`${WRONG}\n`), before, 'the unchanged chunk was not re-analysed');
  });

  it('reuses a chunk seen one check ago (a character typed and deleted, an undo), and no older one', () => {
    const cache = createChunkCache();
    // A chunk runs to the next block: it keeps the blank line after it.
    const original = `${RIGHT}\n\n`;
    const typed = `${RIGHT}x\n\n`;
    check(`${original}${WRONG}\n`, cache);
    const before = cache.chunks.get(original);
    assert.ok(before);
    assert.deepEqual(check(`${typed}${WRONG}\n`, cache), check(`${typed}${WRONG}\n`));
    assert.equal(cache.chunks.has(original), false);
    assert.deepEqual(check(`${original}${WRONG}\n`, cache), check(`${original}${WRONG}\n`));
    assert.equal(cache.chunks.get(original), before, 'the chunk of the check before the last was not re-analysed');
    // Two checks later it is gone: the cache holds two generations, not the whole history.
    check(`Other.\n\n${WRONG}\n`, cache);
    check(`Another.\n\n${WRONG}\n`, cache);
    check(`${original}${WRONG}\n`, cache);
    assert.notEqual(cache.chunks.get(original), before);
  });

  it('re-checks every chunk when the document’s footnote labels change', () => {
    const cache = createChunkCache();
    const first = 'In 2018, Kim met Russian President Vladimir Putin.[^a]\n';
    const without = first;
    const withDefinition = `${first}\n[^a]: A note.\n`;
    assert.deepEqual(check(without, cache), check(without));
    const before = cache.chunks.get(first);
    assert.ok(before);
    assert.deepEqual(check(withDefinition, cache), check(withDefinition));
    assert.notEqual(cache.chunks.get(first), before, 'the unchanged chunk was analysed again with the new labels');
    assert.deepEqual(check(without, cache), check(without));
  });

  it('re-checks, when labels change, only the chunks that refer to a label added or removed', () => {
    const cache = createChunkCache();
    const refersToA = 'In 2018, Kim met Putin.[^a]\n';
    const refersToB = 'Kim visited Vladivostok in 2019.[^b]\n';
    const linksToRef = 'See the [summit report][Summit\nReport] of April 2019.\n';
    const refersToNone = 'The talks ended without an agreement.\n';
    // Footnote definitions stay in the chunk of the paragraph before them: the closing one.
    const body = [refersToNone, refersToA, refersToB, linksToRef, 'More talks are planned.\n'].join('\n');
    const withA = `${body}\n[^a]: A note.\n`;
    assert.deepEqual(check(withA, cache), check(withA));
    // A chunk's text is its paragraph and the blank line after it.
    const resultOf = (paragraph: string) => cache.chunks.get(`${paragraph}\n`);
    const before = new Map([refersToA, refersToB, linksToRef, refersToNone].map((chunk) => [chunk, resultOf(chunk)]));
    assert.ok([...before.values()].every(Boolean));
    // A footnote definition for [^b] is added: only the chunk that refers to it parses differently.
    const withB = `${withA}\n[^b]: Another note.\n`;
    assert.deepEqual(check(withB, cache), check(withB));
    assert.notEqual(resultOf(refersToB), before.get(refersToB));
    for (const chunk of [refersToA, linksToRef, refersToNone]) assert.equal(resultOf(chunk), before.get(chunk), chunk);
    // A reference definition whose label matches the link's after case folding and white space.
    const withRef = `${withB}\n[summit   REPORT]: https://example.org/summit\n`;
    const kept = new Map([refersToA, refersToB, linksToRef, refersToNone].map((chunk) => [chunk, resultOf(chunk)]));
    assert.deepEqual(check(withRef, cache), check(withRef));
    assert.notEqual(resultOf(linksToRef), kept.get(linksToRef), 'the link now resolves');
    for (const chunk of [refersToA, refersToB, refersToNone]) assert.equal(resultOf(chunk), kept.get(chunk), chunk);
    // Back to the first text: the definitions are gone again.
    assert.deepEqual(check(withA, cache), check(withA));
  });

  it('keeps the parser environment of the labels while they stay the same, and builds it anew when they change', () => {
    const cache = createChunkCache();
    const text = 'In 2018, Kim met Putin.[^a]\n\n[^a]: A note.\n\nKim visited Vladivostok.\n';
    check(text, cache);
    const env = cache.env;
    assert.ok(env);
    const edited = text.replace('Vladivostok', 'Vladivostok again');
    assert.deepEqual(check(edited, cache), check(edited));
    assert.equal(cache.env, env, 'an edit that leaves the labels alone reuses it');
    const relabelled = edited.replace('[^a]: A note.', '[^b]: A note.');
    assert.deepEqual(check(relabelled, cache), check(relabelled));
    assert.notEqual(cache.env, env, 'new labels, new environment');
    assert.ok(':b' in (cache.env as { footnotes: { refs: object } }).footnotes.refs);
  });

  it('starts over when the knowledge changes', () => {
    const cache = createChunkCache();
    check(WRONG, cache);
    const other = { ...builtinKnowledge() };
    checkDocument(other, WRONG, cache);
    assert.equal(cache.knowledge, other);
  });
});
