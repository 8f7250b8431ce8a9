import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compareQuantities, compareValues, type Agreement, type CompareContext } from '../../server/src/core/values/compare';
import type { Value } from '../../server/src/core/values/types';
import { builtinKnowledge, fact } from '../helpers/knowledge';
import { valueAt } from '../helpers/values';

/** The source's value of a fact (by role index) and the comparison context the checker uses for it. */
function sourceValue(factId: string, role = 0): { value: Value; context: CompareContext } {
  const f = fact(factId);
  const source = builtinKnowledge().sources.get(f.sourceKey)!;
  return { value: f.values[role]!.value, context: { published: source.published, anticipated: f.anticipated } };
}

/** Compares what `sentence` writes as `phrase` with a fact's value. */
function versus(factId: string, sentence: string, phrase: string, role = 0): Agreement {
  const { value, context } = sourceValue(factId, role);
  return compareValues(value, valueAt(sentence, phrase).value, context);
}

describe('compareValues: dates', () => {
  it('agrees on the same day, with or without the year written', () => {
    assert.equal(versus('recognition-breakaway-republics', 'On 14 July, it acted.', '14 July'), 'agree');
    assert.equal(versus('recognition-breakaway-republics', 'On 14 July 2022, it acted.', '14 July 2022'), 'agree');
    assert.equal(versus('recognition-breakaway-republics', 'On 2022-07-14 it acted.', '2022-07-14'), 'agree');
  });

  it('disagrees on another day, month or year', () => {
    assert.equal(versus('recognition-breakaway-republics', 'On 14 June, it acted.', '14 June'), 'disagree');
    assert.equal(versus('recognition-breakaway-republics', 'On 15 July, it acted.', '15 July'), 'disagree');
    assert.equal(versus('recognition-breakaway-republics', 'On 14 July 2021, it acted.', '14 July 2021'), 'disagree');
  });

  it('agrees with a coarser date that contains the source date', () => {
    assert.equal(versus('recognition-breakaway-republics', 'In July, it acted.', 'July'), 'agree');
    assert.equal(versus('recognition-breakaway-republics', 'In 2022 it acted.', '2022'), 'agree');
    assert.equal(versus('recognition-breakaway-republics', 'In mid-July, it acted.', 'mid-July'), 'agree');
    assert.equal(versus('recognition-breakaway-republics', 'In early July, it acted.', 'early July'), 'disagree');
    assert.equal(versus('talks-collapse-october-2019', 'In 2019 talks collapsed.', '2019'), 'agree');
  });

  it('fits a day into a part of a month: 3 November is early November', () => {
    assert.equal(versus('missile-launches-early-november', 'On 3 November, it fired.', '3 November'), 'agree');
    assert.equal(versus('missile-launches-early-november', 'On 25 October, it fired.', '25 October'), 'disagree');
    assert.equal(versus('taiwan-interference-early-august', 'On 2 August, it spoke.', '2 August'), 'agree');
    assert.equal(versus('taiwan-interference-early-august', 'On 28 August, it spoke.', '28 August'), 'disagree');
  });

  it('compares month–year dates', () => {
    assert.equal(versus('talks-collapse-october-2019', 'In Oct. 2019 talks collapsed.', 'Oct. 2019'), 'agree');
    assert.equal(versus('talks-collapse-october-2019', 'In Oct. 2018 talks collapsed.', 'Oct. 2018'), 'disagree');
  });

  it('compares period starts: since 2022 fits the start of 2022, since 2021 does not', () => {
    assert.equal(versus('missile-testing-since-2022', 'Since 2022, tests rose.', '2022'), 'agree');
    assert.equal(versus('missile-testing-since-2022', 'Since early 2022, tests rose.', 'early 2022'), 'agree');
    assert.equal(versus('missile-testing-since-2022', 'Since 2021, tests rose.', '2021'), 'disagree');
    assert.equal(versus('legitimacy-since-2013', 'Since 2013, Kim sought it.', '2013'), 'agree');
    assert.equal(versus('legitimacy-since-2013', 'Since 2012, Kim sought it.', '2012'), 'disagree');
  });

  it('lets a point inside a period that the source starts agree with it', () => {
    assert.equal(versus('missile-testing-since-2022', 'In October 2022, tests rose.', 'October 2022'), 'agree');
    assert.equal(versus('officials-criticised-late-2020', 'In 2021 Kim criticised them.', '2021'), 'agree');
  });

  it('finds a point before the period that the source starts incomparable: it is about another time', () => {
    assert.equal(versus('officials-criticised-late-2020', 'In 2019 Kim criticised them.', '2019'), 'incomparable');
    assert.equal(versus('missile-testing-since-2022', 'In 2017 tests rose.', '2017'), 'incomparable');
  });

  it('compares a period start the draft writes with a point the source gives', () => {
    assert.equal(versus('border-closure-january-2020', 'Since January 2020 the border has been closed.', 'January 2020'), 'agree');
    assert.equal(versus('border-closure-january-2020', 'Since March 2020 the border has been closed.', 'March 2020'), 'disagree');
    assert.equal(versus('border-closure-january-2020', 'Since 2019 the border has been closed.', '2019'), 'incomparable');
  });

  it('finds a date after the source was published (2022-11) incomparable', () => {
    assert.equal(versus('recognition-breakaway-republics', 'In December 2022, it acted.', 'December 2022'), 'incomparable');
    assert.equal(versus('kim-putin-meeting-2019', 'Kim met Putin in September 2023.', 'September 2023'), 'incomparable');
    assert.equal(versus('kim-putin-meeting-2019', 'Kim met Putin in 2023.', '2023'), 'incomparable');
  });

  it('still compares later dates for anticipated facts', () => {
    const { value } = sourceValue('recognition-breakaway-republics');
    const written = valueAt('In December 2022, it acted.', 'December 2022').value;
    assert.equal(compareValues(value, written, { published: { year: 2022, month: 11 }, anticipated: true }), 'disagree');
  });

  it('finds bounds (before, after, until) incomparable', () => {
    assert.equal(versus('kim-putin-meeting-2019', 'It happened before 2019.', '2019'), 'incomparable');
    assert.equal(versus('kim-putin-meeting-2019', 'It happened after 2020.', '2020'), 'incomparable');
    assert.equal(versus('kim-putin-meeting-2019', 'It lasted until 2015.', '2015'), 'incomparable');
  });
});

describe('compareValues: quantities', () => {
  it('compares exact counts, percentages and ordinals', () => {
    assert.equal(versus('unga-vote-annexation', 'the four countries that voted', 'four', 1), 'agree');
    assert.equal(versus('unga-vote-annexation', 'the five countries that voted', 'five', 1), 'disagree');
    assert.equal(versus('debt-write-off-2014', 'it wrote off 90% of it', '90%', 1), 'agree');
    assert.equal(versus('debt-write-off-2014', 'it wrote off eighty percent of it', 'eighty percent', 1), 'disagree');
    assert.equal(versus('five-year-plan-eighth-congress', 'the Eighth congress', 'Eighth', 1), 'agree');
    assert.equal(versus('five-year-plan-eighth-congress', 'the 7th congress', '7th', 1), 'disagree');
  });

  it('lets a hedged draft agree with a hedged source: more than $10 billion fits over US$10 billion', () => {
    assert.equal(versus('debt-write-off-2014', 'worth more than $10 billion', 'more than $10 billion', 2), 'agree');
    assert.equal(versus('debt-write-off-2014', 'worth over $10bn', 'over $10bn', 2), 'agree');
    assert.equal(versus('debt-write-off-2014', 'worth $11 billion', '$11 billion', 2), 'agree');
    assert.equal(versus('debt-write-off-2014', 'worth roughly US$1 billion', 'roughly US$1 billion', 2), 'disagree');
    assert.equal(versus('debt-write-off-2014', 'worth $9 billion', '$9 billion', 2), 'disagree');
  });

  it('finds money in another currency incomparable', () => {
    assert.equal(versus('debt-write-off-2014', 'worth over €10 billion', 'over €10 billion', 2), 'incomparable');
    assert.equal(versus('debt-write-off-2014', 'worth 1 billion euros', '1 billion euros', 2), 'incomparable');
  });

  it('compares durations in years: over 20 years agrees with over 25 years, over 30 years and two decades do not', () => {
    assert.equal(versus('worst-downturn-25-years', 'its worst in over 25 years', 'over 25 years'), 'agree');
    assert.equal(versus('worst-downturn-25-years', 'its worst in over 20 years', 'over 20 years'), 'agree');
    assert.equal(versus('worst-downturn-25-years', 'its worst in more than two decades', 'more than two decades'), 'agree');
    assert.equal(versus('worst-downturn-25-years', 'its worst in 26 years', '26 years'), 'agree');
    assert.equal(versus('worst-downturn-25-years', 'its worst in over 30 years', 'over 30 years'), 'disagree');
    assert.equal(versus('worst-downturn-25-years', 'its worst in two decades', 'two decades'), 'disagree');
    assert.equal(versus('worst-downturn-25-years', 'its worst in a century', 'a century'), 'disagree');
  });

  it('compares durations across units', () => {
    assert.equal(versus('five-year-plan-eighth-congress', 'a 60-month plan', '60-month'), 'agree');
    assert.equal(versus('five-year-plan-eighth-congress', 'a four-year plan', 'four-year'), 'disagree');
    assert.equal(versus('russia-relations-past-decade', 'for ten years', 'ten years'), 'agree');
  });

  it('compares votes by position', () => {
    assert.equal(versus('unga-vote-annexation', 'it opposed the resolution', 'opposed', 2), 'agree');
    assert.equal(versus('unga-vote-annexation', 'it abstained on the resolution', 'abstained on', 2), 'disagree');
    assert.equal(versus('unga-vote-annexation', 'it voted in favour of the resolution', 'voted in favour of', 2), 'disagree');
    assert.equal(versus('unga-vote-annexation', 'it did not vote on the resolution', 'did not vote', 2), 'disagree');
  });

  it('finds values of different kinds incomparable', () => {
    const { value } = sourceValue('unga-vote-annexation', 1);
    assert.equal(compareValues(value, { kind: 'ordinal', amount: 4 }), 'incomparable');
  });
});

describe('compareQuantities', () => {
  it('compares exact amounts with a relative tolerance only for rounding', () => {
    assert.equal(compareQuantities(4, 'exact', 4, 'exact'), 'agree');
    assert.equal(compareQuantities(1e10, 'exact', 1e10 + 1, 'exact'), 'agree');
    assert.equal(compareQuantities(4, 'exact', 5, 'exact'), 'disagree');
  });

  it('reads a draft bound as an interval', () => {
    assert.equal(compareQuantities(90, 'exact', 80, 'over'), 'agree');
    assert.equal(compareQuantities(90, 'exact', 95, 'over'), 'disagree');
    assert.equal(compareQuantities(90, 'exact', 95, 'under'), 'agree');
    assert.equal(compareQuantities(90, 'exact', 80, 'under'), 'disagree');
    assert.equal(compareQuantities(90, 'exact', 92, 'nearly'), 'agree');
    assert.equal(compareQuantities(90, 'exact', 91, 'about'), 'agree');
    assert.equal(compareQuantities(90, 'exact', 50, 'about'), 'disagree');
  });

  it('bounds a hedged source plausibly: over 25 is not 60', () => {
    assert.equal(compareQuantities(25, 'over', 30, 'exact'), 'agree');
    assert.equal(compareQuantities(25, 'over', 60, 'exact'), 'disagree');
    assert.equal(compareQuantities(25, 'over', 25, 'under'), 'agree');
    assert.equal(compareQuantities(25, 'over', 20, 'under'), 'disagree');
  });

  it('is symmetric for exact amounts', () => {
    for (const [a, b] of [[1, 2], [3, 3], [0, 0], [10, 1e10]] as const) {
      assert.equal(compareQuantities(a, 'exact', b, 'exact'), compareQuantities(b, 'exact', a, 'exact'));
    }
  });
});
