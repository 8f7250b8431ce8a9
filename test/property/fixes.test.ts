/**
 * Fixes, on claims written every way the extractor reads: whatever wrong value a draft gives, the
 * preferred fix puts in one that the checker then finds supported, in the writer's format.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RUNS } from '../helpers/property';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../../server/src/core/values/lexicon';
import { numberInWords, ordinalInWords, ordinalSuffix } from '../../server/src/core/values/render';
import { applyFix, check } from '../helpers/knowledge';

/** PROPERTY_RUNS=2000 for a deeper search. */

const month = fc.integer({ min: 1, max: 12 });
const day = fc.integer({ min: 1, max: 28 });
const year = fc.integer({ min: 2010, max: 2022 });

/** A date as drafts write it. */
const writtenDate = fc.oneof(
  fc.tuple(day, month).map(([d, m]) => `${d} ${MONTH_NAMES[m - 1]}`),
  fc.tuple(day, month).map(([d, m]) => `${MONTH_NAMES[m - 1]} ${d},`),
  fc.tuple(day, month, year).map(([d, m, y]) => `${d} ${MONTH_NAMES[m - 1]} ${y}`),
  fc.tuple(day, month, year).map(([d, m, y]) => `${MONTH_NAMES[m - 1]} ${d}, ${y},`),
  fc.tuple(day, month, year).map(([d, m, y]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(day, month).map(([d, m]) => `${d}${ordinalSuffix(d)} ${MONTH_NAMES[m - 1]}`),
  fc.tuple(fc.constantFrom('early', 'mid-', 'late', 'Early', 'Mid-', 'Late'), month).map(([p, m]) => `${p}${p.endsWith('-') ? '' : ' '}${MONTH_NAMES[m - 1]}`),
  fc.tuple(month, year).map(([m, y]) => `${MONTH_NAMES[m - 1]} ${y}`),
  fc.tuple(month, year).filter(([m]) => m !== 5).map(([m, y]) => `${MONTH_ABBREVIATIONS[m - 1]}. ${y}`),
  year.map((y) => `${y}`),
);

const spelledOr = (n: number, spelled: boolean) => (spelled ? numberInWords(n) ?? String(n) : String(n));
const count = fc.tuple(fc.integer({ min: 2, max: 30 }), fc.boolean()).map(([n, s]) => spelledOr(n, s));
const percent = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.boolean(), fc.constantFrom(' per cent', '%', ' percent')).map(([n, s, u]) => `${spelledOr(n, s && u !== '%')}${u}`);
const qualifier = fc.constantFrom('', 'over ', 'more than ', 'nearly ', 'about ', 'roughly ', 'less than ', 'at least ');
const money = fc.tuple(qualifier, fc.constantFrom('US$', '$'), fc.integer({ min: 1, max: 40 }), fc.constantFrom(' billion', 'bn', ' million')).map(([q, c, n, s]) => `${q}${c}${n}${s}`);
const ordinal = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.boolean()).map(([n, s]) => (s ? ordinalInWords(n) ?? `${n}${ordinalSuffix(n)}` : `${n}${ordinalSuffix(n)}`));
const duration = fc.tuple(qualifier, fc.integer({ min: 2, max: 60 }), fc.boolean(), fc.constantFrom(' years', ' decades')).map(([q, n, s, u]) => `${q}${spelledOr(u === ' decades' ? Math.max(2, Math.round(n / 10)) : n, s)}${u}`);
const vote = fc.constantFrom('voted against', 'voted for', 'voted in favour of', 'abstained on', 'backed', 'opposed', 'did not vote on', 'supported');

/** Claims of the built-in facts with one slot for a written value. */
const claim = fc.oneof(
  writtenDate.map((d) => ({ factId: 'recognition-breakaway-republics', text: `On ${d} Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.` })),
  writtenDate.map((d) => ({ factId: 'talks-collapse-october-2019', text: `Talks between North Korea and the United States collapsed in ${d} after a long stalemate.` })),
  writtenDate.map((d) => ({ factId: 'covid-victory-10-august-2022', text: `On ${d} Kim announced victory over COVID-19.` })),
  writtenDate.map((d) => ({ factId: 'taiwan-interference-early-august', text: `In ${d} North Korea denounced US interference in Taiwan.` })),
  percent.map((p) => ({ factId: 'debt-write-off-2014', text: `In 2014, the Russian parliament wrote off ${p} of North Korea's Soviet-era debt.` })),
  money.map((m) => ({ factId: 'debt-write-off-2014', text: `In 2014, the Russian parliament wrote off North Korea's Soviet-era debt, worth ${m}.` })),
  count.map((c) => ({ factId: 'unga-vote-annexation', text: `On 12 October, North Korea was one of ${c} countries that voted against the UN General Assembly resolution condemning Russia's annexation of four Ukrainian regions.` })),
  vote.map((v) => ({ factId: 'unga-vote-annexation', text: `On 12 October, North Korea ${v} the UN General Assembly resolution condemning Russia's annexation of four Ukrainian regions.` })),
  ordinal.map((o) => ({ factId: 'seventh-nuclear-test', text: `North Korea may soon conduct a long-speculated ${o} nuclear test.` })),
  ordinal.map((o) => ({ factId: 'treaty-anniversary-july-2021', text: `The ${o} anniversary of the Sino-DPRK Treaty on Friendship fell in July 2021.` })),
  duration.map((d) => ({ factId: 'worst-downturn-25-years', text: `North Korea suffered its worst economic downturn in ${d}.` })),
  fc.tuple(fc.integer({ min: 2, max: 12 }), fc.boolean()).map(([n, s]) => ({ factId: 'five-year-plan-eighth-congress', text: `Kim Jong-un's ${spelledOr(n, s)}-year military plan was unveiled at the 8th Workers' Party Congress in January 2021.` })),
);

describe('fixes of contradictions', () => {
  it('turn every contradicted claim into a supported one', () => {
    let runs = 0;
    let contradicted = 0;
    fc.assert(fc.property(claim, ({ factId, text }) => {
      const result = check(text);
      const found = result.findings.filter((f) => f.code === 'contradiction');
      runs++;
      if (found.length) contradicted++;
      for (const f of found) {
        assert.equal(f.factId, factId, `${text}: the finding is about ${factId}`);
        assert.ok(f.fixes.length, `${text}: a contradiction has a fix`);
        const fixed = applyFix(text, f.fixes[0]!);
        const after = check(fixed);
        assert.deepEqual(after.findings.filter((g) => g.code === 'contradiction').map((g) => g.message), [], `${JSON.stringify(text)} → ${JSON.stringify(fixed)}`);
        const claimAfter = after.claims.find((c) => c.factId === factId);
        assert.equal(claimAfter?.verdict, 'supported', `${JSON.stringify(fixed)} is supported`);
      }
    }), { numRuns: RUNS });
    assert.ok(contradicted > runs / 3, `the generated claims are mostly wrong: ${contradicted} of ${runs} contradicted`);
  });

  it('keep the rest of the sentence as it was', () => {
    fc.assert(fc.property(claim, ({ text }) => {
      for (const f of check(text).findings) {
        if (f.code !== 'contradiction' || !f.fixes.length) continue;
        for (const e of f.fixes[0]!.edits) {
          assert.ok(e.start >= f.start && e.end <= f.end, 'the fix edits inside the finding');
          assert.ok(!/^\s|\s$/.test(e.newText), `no stray spaces in ${JSON.stringify(e.newText)}`);
        }
      }
    }), { numRuns: RUNS });
  });
});
