/**
 * How a draft relates to each fact (server/src/core/factStates.ts): contradicted, stated, cited
 * (a citation names its paragraph) or none; with the ranges the Facts view jumps to.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import { factStates, type FactStatus } from '../../server/src/core/factStates';
import { loadKnowledge } from '../../server/src/node/factFiles';

const knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;

function states(text: string): Map<string, { state: FactStatus['state']; ranges: string[] }> {
  const result = checkDocument(knowledge, text);
  return new Map(factStates(knowledge, result).map((s) => [s.factId, { state: s.state, ranges: s.ranges.map((r) => text.slice(r.start, r.end)) }]));
}

const WRONG = 'On 14 June, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.';
const DEBT = 'In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt [@frassineti2022, para. 9].';
const DRAFT = `${WRONG}\n\n${DEBT}\n\nSee also [@frassineti2022, para. 10].\n`;

describe('factStates', () => {
  it('lists every fact once, in the fact base’s order', () => {
    assert.deepEqual(factStates(knowledge, checkDocument(knowledge, DRAFT)).map((s) => s.factId), knowledge.facts.map((f) => f.id));
  });

  it('contradicted: a sentence contradicts the fact; the range is the sentence', () => {
    const recognition = states(DRAFT).get('recognition-breakaway-republics')!;
    assert.equal(recognition.state, 'contradicted');
    assert.deepEqual(recognition.ranges, [WRONG]);
  });

  it('stated: a sentence states the fact; ranges are the sentence, then the citations of its paragraph', () => {
    const debt = states(DRAFT).get('debt-write-off-2014')!;
    assert.equal(debt.state, 'stated');
    assert.deepEqual(debt.ranges, [DEBT, '[@frassineti2022, para. 9]']);
  });

  it('cited: a citation names the fact’s paragraph, though no sentence states the fact', () => {
    const s = states(DRAFT);
    for (const id of ['xi-state-visit-2019', 'treaty-anniversary-july-2021']) assert.deepEqual(s.get(id), { state: 'cited', ranges: ['[@frassineti2022, para. 10]'] }, id);
    // The other facts of para. 9 are cited by the debt sentence's citation.
    for (const id of ['far-east-minister-visit-2014', 'kim-putin-meeting-2019']) assert.deepEqual(s.get(id), { state: 'cited', ranges: ['[@frassineti2022, para. 9]'] }, id);
  });

  it('none: neither stated nor cited', () => {
    const s = states(DRAFT);
    for (const id of ['missile-testing-since-2022', 'border-closure-january-2020', 'seventh-nuclear-test']) assert.deepEqual(s.get(id), { state: 'none', ranges: [] }, id);
  });

  it('a contradiction outweighs a sentence that states the fact right', () => {
    const right = 'On 14 July, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.';
    const recognition = states(`${right}\n\n${WRONG}\n`).get('recognition-breakaway-republics')!;
    assert.equal(recognition.state, 'contradicted');
    assert.deepEqual(recognition.ranges, [right, WRONG]);
  });

  it('a paragraph range cites every fact of the paragraphs it covers', () => {
    const s = states('Background [@frassineti2022, paras. 8–9].\n');
    for (const fact of knowledge.facts) assert.equal(s.get(fact.id)!.state, fact.paragraph === 8 || fact.paragraph === 9 ? 'cited' : 'none', fact.id);
  });

  it('in-text and footnote citations with a paragraph count as citing it', () => {
    assert.equal(states('As @frassineti2022 [para. 12] argue, little will change.\n').get('seventh-nuclear-test')!.state, 'cited');
    const footnote = states('Little will change.[^1]\n\n[^1]: @frassineti2022, para. 12.\n').get('seventh-nuclear-test')!;
    assert.equal(footnote.state, 'cited');
    assert.ok(footnote.ranges.includes('[^1]'), JSON.stringify(footnote.ranges));
  });

  it('a citation without a paragraph, or with a page, cites no particular fact', () => {
    for (const text of ['Background [@frassineti2022].\n', 'Background [@frassineti2022, p. 3].\n', 'Background [@smith2020, para. 4].\n']) {
      const s = states(text);
      assert.deepEqual([...new Set([...s.values()].map((v) => v.state))], ['none'], text);
    }
  });

  it('an empty draft: every fact none, no ranges', () => {
    for (const status of factStates(knowledge, checkDocument(knowledge, ''))) assert.deepEqual([status.state, status.ranges], ['none', []]);
  });
});
