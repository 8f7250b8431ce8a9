import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { draftFactBase, splitArticle } from '../../server/src/core/extract/draft';
import { draftToYaml } from '../../server/src/core/extract/yaml';
import type { FactValue } from '../../server/src/core/facts/model';
import { normalizeFactBase } from '../../server/src/core/facts/normalize';
import { validateFactBaseSchema } from '../../server/src/core/facts/schema';
import type { Value } from '../../server/src/core/values/types';
import { loadBuiltinFactBase, loadGazetteer } from '../../server/src/node/factFiles';

const article = join(__dirname, '..', '..', '..', 'shared', 'source', 'north-korea-pokes-the-polarization-bear.txt');
const shipped = join(__dirname, '..', '..', 'facts', 'frassineti2022.txt');
const text = readFileSync(existsSync(article) ? article : shipped, 'utf8');

/** Two values are the same when kind and normalized value agree (the printed text may differ). */
function sameValue(a: Value, b: Value): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'date' && b.kind === 'date') {
    return a.date.year === b.date.year && a.date.month === b.date.month && a.date.day === b.date.day && (a.date.part ?? null) === (b.date.part ?? null);
  }
  if (a.kind === 'vote' && b.kind === 'vote') return a.position === b.position;
  return 'amount' in a && 'amount' in b && a.amount === b.amount && ('qualifier' in a ? a.qualifier : 'exact') === ('qualifier' in b ? b.qualifier : 'exact');
}

function recall(strict: boolean): { recovered: number; total: number; missed: string[] } {
  const curated = loadBuiltinFactBase().facts;
  const draft = draftFactBase(text, loadGazetteer(), 2022).facts;
  const missed: string[] = [];
  for (const fact of curated) {
    const found = draft.some((d) => d.quote === fact.quote && fact.values.every((v: FactValue) => d.values.some((w) => sameValue(v.value, w.value)))
      && (!strict || d.values.length === fact.values.length));
    if (!found) missed.push(fact.id);
  }
  return { recovered: curated.length - missed.length, total: curated.length, missed };
}

describe('extract: drafting a fact base from an article', () => {
  it('recovers at least 90% of the curated facts: same quote sentence, every curated value', () => {
    const r = recall(false);
    assert.ok(r.recovered / r.total >= 0.9, `recovered ${r.recovered}/${r.total}; missed ${r.missed.join(', ')}`);
  });

  it('recovers at least 85% with exactly the curated values (no extra values in the drafted fact)', () => {
    const r = recall(true);
    assert.ok(r.recovered / r.total >= 0.85, `recovered ${r.recovered}/${r.total}; missed ${r.missed.join(', ')}`);
  });

  it('reads the title and the byline, and numbers paragraphs from the body', () => {
    const { meta, body } = splitArticle(text);
    assert.equal(meta.title, 'North Korea Pokes The Polarization Bear – Analysis');
    assert.deepEqual(meta.authors, ['Francesca Frassineti', 'Edward Howell', 'Ria Roy']);
    assert.ok(body[0]!.text.startsWith('After Russia’s invasion of Ukraine'));
    assert.ok(!body.some((p) => p.text.includes('Chatham House')), 'author notes are not body paragraphs');
  });

  it('writes YAML that the schema accepts and that loads as a fact base', () => {
    const draft = draftFactBase(text, loadGazetteer(), 2022);
    const yaml = draftToYaml(draft, { key: 'draft2022', title: 'Draft', authors: ['A. Author'], year: 2022, defaultYear: 2022 });
    const data = parse(yaml);
    assert.deepEqual(validateFactBaseSchema(data), []);
    const { base, problems } = normalizeFactBase(data, 'draft');
    assert.deepEqual(problems, []);
    assert.equal(base!.facts.length, draft.facts.length);
    assert.match(yaml, /# review:/);
  });

  it('marks what a person should review: inferred years, years taken from the paragraph', () => {
    const draft = draftFactBase(text, loadGazetteer(), 2022);
    const recognition = draft.facts.find((f) => f.quote.startsWith('On 14 July'))!;
    assert.ok(recognition.review.some((r) => /2022 is assumed/.test(r)));
    const minister = draft.facts.find((f) => f.quote.includes('Minister for Far Eastern Development'))!;
    assert.ok(minister.review.some((r) => /paragraph's first sentence/.test(r)));
  });
});
