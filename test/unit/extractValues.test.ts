/** values/extract.ts: the typed values a sentence states, with the tokens each part was written with. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { extractValues } from '../../server/src/core/values/extract';
import type { Value } from '../../server/src/core/values/types';
import { extract, valueAt, valuesOf } from '../helpers/values';

/** Asserts that `sentence` holds exactly one value, written `phrase`, equal to `value`. */
function only(sentence: string, phrase: string, value: Value): void {
  assert.deepEqual(valuesOf(sentence), [{ text: phrase, value }], sentence);
}

const date = (d: Record<string, unknown>, aspect = 'point'): Value => ({ kind: 'date', date: d, aspect } as Value);
const count = (amount: number, qualifier = 'exact'): Value => ({ kind: 'count', amount, qualifier } as Value);
const percent = (amount: number, qualifier = 'exact'): Value => ({ kind: 'percent', amount, qualifier } as Value);
const money = (amount: number, currency: string | null, qualifier = 'exact'): Value => ({ kind: 'money', amount, currency, qualifier } as Value);
const years = (amount: number, qualifier = 'exact'): Value => ({ kind: 'duration', amount, unit: 'year', qualifier } as Value);

describe('extractValues: dates', () => {
  it('reads day–month and month–day dates, with and without a year', () => {
    only('On 14 July, Pyongyang acted.', '14 July', date({ day: 14, month: 7 }));
    only('On July 14, Pyongyang acted.', 'July 14', date({ month: 7, day: 14 }));
    only('On 14 July 2022, Pyongyang acted.', '14 July 2022', date({ day: 14, month: 7, year: 2022 }));
    only('On July 14, 2022, Pyongyang acted.', 'July 14, 2022', date({ month: 7, day: 14, year: 2022 }));
    only('On the 14th of July, Pyongyang acted.', 'the 14th of July', date({ day: 14, month: 7 }));
  });

  it('reads a month–day date followed by a word (On July 14 Pyongyang …)', () => {
    only('On July 14 Pyongyang recognised the republics.', 'July 14', date({ month: 7, day: 14 }));
  });

  it('reads ISO dates, and rejects impossible months', () => {
    only('On 2022-08-10 Kim spoke.', '2022-08-10', date({ year: 2022, month: 8, day: 10 }));
    only('In 2021-01 the congress met.', '2021-01', date({ year: 2021, month: 1 }));
    assert.ok(!valuesOf('Build 2022-13-01 shipped.').some((v) => v.value.kind === 'date' && 'month' in v.value.date && v.value.date.month !== undefined));
  });

  it('reads month–year dates with full and abbreviated month names', () => {
    only('Talks collapsed in Oct. 2019 for good.', 'Oct. 2019', date({ month: 10, year: 2019 }));
    only('Talks collapsed in Sept. 2019 for good.', 'Sept. 2019', date({ month: 9, year: 2019 }));
    only('It was unveiled in January 2021 by Kim.', 'January 2021', date({ month: 1, year: 2021 }));
  });

  it('reads parts of months: early, mid, late, mid-', () => {
    only('In early August, it denounced the US.', 'early August', date({ month: 8, part: 'early' }));
    only('In mid August, it denounced the US.', 'mid August', date({ month: 8, part: 'mid' }));
    only('In late August, it denounced the US.', 'late August', date({ month: 8, part: 'late' }));
    only('In mid-July, it denounced the US.', 'mid-July', date({ month: 7, part: 'mid' }));
    only('In Late November 2022, it fired.', 'Late November 2022', date({ month: 11, year: 2022, part: 'late' }));
  });

  it('gives a part of a month no day: the number after it begins the next date (early August 14 July)', () => {
    const values = valuesOf('In early August 14 July Kim spoke.');
    assert.deepEqual(values.map((v) => v.text), ['early August', '14 July']);
    assert.deepEqual(values.map((v) => v.value), [date({ month: 8, part: 'early' }), date({ day: 14, month: 7 })]);
  });

  it('reads parts of years: the start of 2022, early 2022, mid-2022, the end of 2021', () => {
    only('Since the start of 2022, tests rose.', 'the start of 2022', date({ year: 2022, part: 'start' }, 'since'));
    only('In early 2022, tests rose.', 'early 2022', date({ year: 2022, part: 'early' }));
    only('By mid-2022, tests rose.', 'mid-2022', date({ year: 2022, part: 'mid' }, 'until'));
    only('At the end of 2021, tests rose.', 'the end of 2021', date({ year: 2021, part: 'end' }));
    only('At the beginning of 2020, borders shut.', 'the beginning of 2020', date({ year: 2020, part: 'start' }));
  });

  it('gives dates the aspect of the word before them', () => {
    only('Since 2013, Kim has sought legitimacy.', '2013', date({ year: 2013 }, 'since'));
    only('From late 2020, Kim criticised officials.', 'late 2020', date({ year: 2020, part: 'late' }, 'since'));
    only('Sanctions stayed until 2020.', '2020', date({ year: 2020 }, 'until'));
    only('It happened before 2019.', '2019', date({ year: 2019 }, 'before'));
    only('It happened prior to 2019.', '2019', date({ year: 2019 }, 'before'));
    only('It happened after 2019.', '2019', date({ year: 2019 }, 'after'));
  });

  it('reads capitalised months only, and ambiguous months only next to a date word', () => {
    assert.deepEqual(valuesOf('Kim may visit in june.'), []);
    assert.deepEqual(valuesOf('They may march on.'), []);
    only('It happened in May, they said.', 'May', date({ month: 5 }));
    assert.deepEqual(valuesOf('May they succeed.'), []);
  });

  it('keeps the full stop of a sentence out of a month written in full (in July.)', () => {
    only('The republics were recognised in July.', 'July', date({ month: 7 }));
  });

  it('reads four-digit years only where they read as years', () => {
    only('The vote took place in 2019.', '2019', date({ year: 2019 }));
    only('The 2019 summit ended early.', '2019', date({ year: 2019 }));
    only('2019 saw a summit.', '2019', date({ year: 2019 }));
    assert.deepEqual(valuesOf('In the 1990s, famine struck.'), [], '1990s is a decade, not a year');
    assert.deepEqual(valuesOf('Resolution 2397 tightened sanctions.'), [], 'a resolution number is a label');
  });
});

describe('extractValues: counts', () => {
  it('reads counts in digits and words', () => {
    only('It was one of 4 countries.', '4', count(4));
    only('Four countries objected.', 'Four', count(4));
    assert.equal(valueAt('Four countries objected.', 'Four').extracted.spelled, true);
    only('There were twenty-five delegates.', 'twenty-five', count(25));
    only('There were twenty five delegates.', 'twenty five', count(25));
    only('There were 1,500 delegates.', '1,500', count(1500));
  });

  it('keeps what a count counts in `following`', () => {
    assert.deepEqual(valueAt('the four countries that voted', 'four').extracted.following, ['countries', 'that', 'voted']);
  });

  it('reads a partitive one as no count: one of five countries', () => {
    only('It was one of five countries that objected.', 'five', count(5));
  });

  it('reads qualified counts', () => {
    only('At least four countries objected.', 'At least four', count(4, 'atLeast'));
    only('Fewer than ten states objected.', 'Fewer than ten', count(10, 'under'));
  });

  it('tells counts from years and labels', () => {
    only("South Korea's National Assembly has 300 seats.", '300', count(300));
    assert.deepEqual(valuesOf('Resolution 2397 and Article 51 apply.'), []);
    assert.deepEqual(valuesOf('The Hwasong-17 flew.'), [], 'a missile name is not a count');
  });
});

describe('extractValues: ordinals', () => {
  it('reads ordinals in digits and words, capitalised or not', () => {
    only('It was the 8th congress.', '8th', { kind: 'ordinal', amount: 8 });
    only('Eighth congresses are rare.', 'Eighth', { kind: 'ordinal', amount: 8 });
    only('A seventh nuclear test looms.', 'seventh', { kind: 'ordinal', amount: 7 });
    only('The 60th anniversary passed.', '60th', { kind: 'ordinal', amount: 60 });
    only('The sixty-first anniversary passed.', 'sixty-first', { kind: 'ordinal', amount: 61 });
    only('The sixtieth anniversary passed.', 'sixtieth', { kind: 'ordinal', amount: 60 });
  });

  it('marks spelled-out ordinals', () => {
    assert.equal(valueAt('A seventh nuclear test looms.', 'seventh').extracted.spelled, true);
    assert.notEqual(valueAt('The 7th nuclear test looms.', '7th').extracted.spelled, true);
  });
});

describe('extractValues: percentages', () => {
  it('reads per cent, % and percent, in digits and words', () => {
    only('It wrote off 90 per cent of the debt.', '90 per cent', percent(90));
    only('It wrote off 90% of the debt.', '90%', percent(90));
    only('It wrote off ninety percent of the debt.', 'ninety percent', percent(90));
    only('It wrote off 12.5 per cent of the debt.', '12.5 per cent', percent(12.5));
  });

  it('reads qualifiers before a percentage', () => {
    only('It wrote off nearly 90 per cent of the debt.', 'nearly 90 per cent', percent(90, 'nearly'));
    only('It wrote off more than 80% of the debt.', 'more than 80%', percent(80, 'over'));
  });
});

describe('extractValues: money', () => {
  it('reads currency prefixes, scale words and currency suffixes', () => {
    only('The debt was US$10 billion.', 'US$10 billion', money(1e10, 'USD'));
    only('The debt was $10bn.', '$10bn', money(1e10, 'USD'));
    only('The debt was 10 billion dollars.', '10 billion dollars', money(1e10, 'USD'));
    only('The debt was €5 million.', '€5 million', money(5e6, 'EUR'));
    only('The debt was 5 million euros.', '5 million euros', money(5e6, 'EUR'));
    only('The debt was £3bn.', '£3bn', money(3e9, 'GBP'));
  });

  it('reads a short word glued to $ as a currency (A$, HK$), and short words without one as nothing', () => {
    only('The grant was A$5 million.', 'A$5 million', money(5e6, 'A$'));
    only('The grant was HK$5 million.', 'HK$5 million', money(5e6, 'HK$'));
    assert.deepEqual(valuesOf('He and she got it, but not all of it.'), []);
  });

  it('reads a lower-case month name as no date, whatever follows it', () => {
    assert.deepEqual(valuesOf('They may 5 times march on, come june or july.').filter((v) => v.value.kind === 'date'), []);
  });

  it('reads qualifiers before money', () => {
    only('It was worth more than $10 billion.', 'more than $10 billion', money(1e10, 'USD', 'over'));
    only('It was worth roughly US$1 billion.', 'roughly US$1 billion', money(1e9, 'USD', 'about'));
    only('It was worth over US$10 billion.', 'over US$10 billion', money(1e10, 'USD', 'over'));
  });

  it('records the currency and scale parts for rendering', () => {
    const { extracted } = valueAt('It was worth $10bn.', '$10bn');
    assert.ok(extracted.parts.currency && extracted.parts.number && extracted.parts.scale);
  });
});

describe('extractValues: durations', () => {
  it('reads hyphenated, plain, qualified and spelled durations', () => {
    only('It is a five-year plan.', 'five-year', years(5));
    only('It is a 25-year low.', '25-year', years(25));
    only('The worst downturn in over 25 years.', 'over 25 years', years(25, 'over'));
    only('The worst downturn in two decades.', 'two decades', years(20));
    only('It took a decade.', 'a decade', years(10));
    only('Ties improved during the past decade.', 'the past decade', years(10));
    only('Ties improved over the past decade.', 'the past decade', years(10));
    only('It lasted half a decade.', 'half a decade', years(5));
    only('It lasted a quarter century.', 'a quarter century', years(25));
    only('It lasted twenty-five years.', 'twenty-five years', years(25));
  });

  it('reads months, weeks and days as their own units', () => {
    only('It lasted 12 months.', '12 months', { kind: 'duration', amount: 12, unit: 'month', qualifier: 'exact' });
    only('It lasted three weeks.', 'three weeks', { kind: 'duration', amount: 3, unit: 'week', qualifier: 'exact' });
  });

  it('does not read a year as a duration (2022 years)', () => {
    assert.ok(!valuesOf('In 2022 years passed.').some((v) => v.value.kind === 'duration'));
  });
});

describe('extractValues: votes', () => {
  it('reads vote verbs and their positions', () => {
    const cases: Array<[string, string, string]> = [
      ['North Korea voted against the resolution.', 'voted against', 'against'],
      ['North Korea opposed the resolution.', 'opposed', 'against'],
      ['North Korea rejected the draft resolution.', 'rejected', 'against'],
      ['North Korea abstained on the resolution.', 'abstained on', 'abstain'],
      ['North Korea voted in favour of the resolution.', 'voted in favour of', 'for'],
      ['North Korea voted in favor of the resolution.', 'voted in favor of', 'for'],
      ['North Korea backed the resolution.', 'backed', 'for'],
      ['North Korea voted for the resolution.', 'voted for', 'for'],
      ['North Korea did not vote on the resolution.', 'did not vote', 'absent'],
      ['North Korea did not take part in the vote.', 'did not take part', 'absent'],
    ];
    for (const [sentence, phrase, position] of cases) only(sentence, phrase, { kind: 'vote', position } as Value);
  });

  it('needs a vote object for support and opposition verbs', () => {
    assert.deepEqual(valuesOf('North Korea opposed the sanctions regime.'), []);
    assert.deepEqual(valuesOf('Russia backed Pyongyang diplomatically.'), []);
  });
});

describe('extractValues: several values in one sentence', () => {
  it('reads each value once, in order, without overlaps', () => {
    const sentence = 'In 2014, the Russian parliament wrote off 90 per cent of the debt, worth over US$10 billion, after 14 July or so.';
    const found = extract(sentence).values;
    assert.deepEqual(found.map((v) => v.text), ['2014', '90 per cent', 'over US$10 billion', '14 July']);
    for (let i = 1; i < found.length; i++) assert.ok(found[i]!.extracted.first >= found[i - 1]!.extracted.last);
  });

  it('reads a date before the count in it (14 July 2022 is not 14 things)', () => {
    assert.deepEqual(valuesOf('On 14 July 2022 it happened.').map((v) => v.value.kind), ['date']);
  });

  it('stays inside the token range it is given', () => {
    const { tokens } = extract('In 2019 Kim met Putin. In 2020 borders shut.');
    const second = tokens.findIndex((t) => t.text === 'In' && t.start > 0);
    assert.deepEqual(extractValues(tokens, 0, second).map((v) => v.value), [date({ year: 2019 })]);
  });
});
