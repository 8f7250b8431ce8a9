import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compareValues } from '../../server/src/core/values/compare';
import { formatNumberLike, numberInWords, ordinalInWords, ordinalSuffix } from '../../server/src/core/values/render';
import type { Value } from '../../server/src/core/values/types';
import { fact } from '../helpers/knowledge';
import { extract, renderAs } from '../helpers/values';

/**
 * Renders a fact's value the way `sentence` wrote `phrase`, checks the result, and checks that the
 * sentence with the replacement reads back as a value that agrees with the source.
 */
function fix(factId: string, role: number, sentence: string, phrase: string, expected: string): void {
  const source: Value = fact(factId).values[role]!.value;
  const rendered = renderAs(sentence, phrase, source);
  assert.equal(rendered, expected, `${phrase} in ${JSON.stringify(sentence)}`);
  const at = sentence.indexOf(phrase);
  const fixed = sentence.slice(0, at) + rendered + sentence.slice(at + phrase.length);
  // The value now written there (it may take in words around the replacement: "over the past decade").
  const { tokens, values } = extract(fixed);
  const reread = values.find((v) => tokens[v.extracted.first]!.start <= at && at + rendered.length <= tokens[v.extracted.last - 1]!.end);
  assert.ok(reread, `${JSON.stringify(fixed)} has a value where the fix went`);
  assert.equal(compareValues(source, reread.value), 'agree', `${JSON.stringify(fixed)} reads back as a value that agrees with the source`);
}

describe('rendering the source value in the writer’s format: dates', () => {
  it('keeps day–month order, month–day order, the year and ISO format', () => {
    fix('recognition-breakaway-republics', 0, 'On 14 June, Pyongyang acted.', '14 June', '14 July');
    fix('recognition-breakaway-republics', 0, 'On June 14, Pyongyang acted.', 'June 14', 'July 14');
    fix('recognition-breakaway-republics', 0, 'On July 14, 2021, Pyongyang acted.', 'July 14, 2021', 'July 14, 2022');
    fix('recognition-breakaway-republics', 0, 'On 14 June 2022, Pyongyang acted.', '14 June 2022', '14 July 2022');
    fix('covid-victory-10-august-2022', 0, 'On 2021-08-10 Kim spoke.', '2021-08-10', '2022-08-10');
  });

  it('keeps an abbreviated, dotted month abbreviated and dotted', () => {
    fix('talks-collapse-october-2019', 0, 'Talks collapsed in Oct. 2018 for good.', 'Oct. 2018', 'Oct. 2019');
    fix('border-closure-january-2020', 0, 'The border shut in Mar. 2020 for good.', 'Mar. 2020', 'Jan. 2020');
  });

  it('writes the source date no finer than the writer did', () => {
    fix('recognition-breakaway-republics', 0, 'In 2021 Pyongyang acted.', '2021', '2022');
    fix('recognition-breakaway-republics', 0, 'In June 2022, Pyongyang acted.', 'June 2022', 'July 2022');
    fix('talks-collapse-october-2019', 0, 'Talks collapsed in 2018 for good.', '2018', '2019');
  });

  it('writes a part of a month for a day when the writer wrote a part: early July → mid-July', () => {
    fix('recognition-breakaway-republics', 0, 'In early July, Pyongyang acted.', 'early July', 'mid-July');
    fix('recognition-breakaway-republics', 0, 'Late June saw Pyongyang act.', 'Late June', 'Mid-July');
  });

  it('keeps the source’s own part words (early August, the start of 2022)', () => {
    fix('taiwan-interference-early-august', 0, 'In late September, it spoke.', 'late September', 'early August');
    fix('missile-testing-since-2022', 0, 'Since the start of 2021, tests rose.', 'the start of 2021', 'the start of 2022');
    fix('officials-criticised-late-2020', 0, 'From early 2019, Kim criticised them.', 'early 2019', 'late 2020');
  });
});

describe('rendering the source value in the writer’s format: numbers', () => {
  it('writes counts in words or digits, keeping the capital', () => {
    fix('unga-vote-annexation', 1, 'It was one of five countries.', 'five', 'four');
    fix('unga-vote-annexation', 1, 'Five countries objected.', 'Five', 'Four');
    fix('unga-vote-annexation', 1, 'It was one of 5 countries.', '5', '4');
  });

  it('writes percentages with the writer’s unit', () => {
    fix('debt-write-off-2014', 1, 'It wrote off 80 per cent of the debt.', '80 per cent', '90 per cent');
    fix('debt-write-off-2014', 1, 'It wrote off 80% of the debt.', '80%', '90%');
    fix('debt-write-off-2014', 1, 'It wrote off eighty percent of the debt.', 'eighty percent', 'ninety percent');
  });

  it('writes ordinals in words or with a suffix', () => {
    fix('seventh-nuclear-test', 0, 'A sixth nuclear test may come.', 'sixth', 'seventh');
    fix('seventh-nuclear-test', 0, 'A 6th nuclear test may come.', '6th', '7th');
    fix('five-year-plan-eighth-congress', 1, 'Seventh congresses are rare.', 'Seventh', 'Eighth');
    fix('treaty-anniversary-july-2021', 0, 'The 61st anniversary passed.', '61st', '60th');
  });

  it('writes durations in the writer’s form', () => {
    fix('five-year-plan-eighth-congress', 0, 'It is a four-year military plan.', 'four-year', 'five-year');
    fix('five-year-plan-eighth-congress', 0, 'It is a 4-year military plan.', '4-year', '5-year');
    fix('worst-downturn-25-years', 0, 'Its worst downturn in over 30 years.', 'over 30 years', 'over 25 years');
    fix('russia-relations-past-decade', 0, 'Ties improved over the past two decades.', 'two decades', 'decade');
  });

  it('writes money with the source’s qualifier, the writer’s currency sign and scale word', () => {
    fix('debt-write-off-2014', 2, 'It was worth roughly US$1 billion.', 'roughly US$1 billion', 'over US$10 billion');
    fix('debt-write-off-2014', 2, 'It was worth $5bn.', '$5bn', 'over $10bn');
    fix('debt-write-off-2014', 2, 'It was worth 5 billion dollars.', '5 billion dollars', 'over 10 billion dollars');
    fix('debt-write-off-2014', 2, 'It was worth less than US$10 billion.', 'less than US$10 billion', 'over US$10 billion');
  });
});

describe('rendering the source value in the writer’s format: votes', () => {
  it('replaces the vote verb in the writer’s tense', () => {
    fix('unga-vote-annexation', 2, 'North Korea abstained on the resolution.', 'abstained on', 'voted against');
    fix('unga-vote-annexation', 2, 'North Korea voted in favour of the resolution.', 'voted in favour of', 'voted against');
    fix('unga-vote-annexation', 2, 'North Korea backed the resolution.', 'backed', 'opposed');
    fix('unga-vote-annexation', 2, 'North Korea is voting for the resolution.', 'voting for', 'voting against');
    fix('unga-vote-annexation', 2, 'North Korea did not vote on the resolution.', 'did not vote', 'voted against');
  });
});

describe('number words', () => {
  it('spells numbers and ordinals below one hundred', () => {
    assert.deepEqual([0, 4, 19, 20, 25, 99].map(numberInWords), ['zero', 'four', 'nineteen', 'twenty', 'twenty-five', 'ninety-nine']);
    assert.equal(numberInWords(100), null);
    assert.equal(numberInWords(2.5), null);
    assert.deepEqual([1, 8, 20, 61, 100].map(ordinalInWords), ['first', 'eighth', 'twentieth', 'sixty-first', 'hundredth']);
    assert.equal(ordinalInWords(0), null);
  });

  it('picks the right ordinal suffix', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => `${n}${ordinalSuffix(n)}`),
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  });

  it('formats numbers like the writer’s model', () => {
    assert.equal(formatNumberLike(4, 'Five', true), 'Four');
    assert.equal(formatNumberLike(4, 'FIVE', true), 'FOUR');
    assert.equal(formatNumberLike(1500, '1,200', false), '1,500');
    assert.equal(formatNumberLike(25000, '300', false), '25,000');
    assert.equal(formatNumberLike(150, 'ninety', true), '150', 'a number without words falls back to digits');
  });
});
