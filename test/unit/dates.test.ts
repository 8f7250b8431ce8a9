import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { dateInterval, daysInMonth, parsePartialDate } from '../../server/src/core/values/dates';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;

describe('parsePartialDate', () => {
  it('parses years, year-months and full dates, as numbers or strings', () => {
    assert.deepEqual(parsePartialDate(2022), { year: 2022 });
    assert.deepEqual(parsePartialDate('2022'), { year: 2022 });
    assert.deepEqual(parsePartialDate('2022-07'), { year: 2022, month: 7 });
    assert.deepEqual(parsePartialDate(' 2022-07-14 '), { year: 2022, month: 7, day: 14 });
  });

  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2022-13', '2022-00', '2022-02-30', '2021-02-29', '22-07-14', '2022/07/14', 'July 2022', '', 0, -5, 2022.5, null, undefined, {}]) {
      assert.equal(parsePartialDate(bad), null, JSON.stringify(bad));
    }
    assert.deepEqual(parsePartialDate('2020-02-29'), { year: 2020, month: 2, day: 29 }, 'a leap day');
  });
});

describe('dateInterval', () => {
  it('covers a whole year, month or day', () => {
    assert.deepEqual(dateInterval({ year: 2022 }), [day(2022, 1, 1), day(2022, 12, 31)]);
    assert.deepEqual(dateInterval({ year: 2022, month: 2 }), [day(2022, 2, 1), day(2022, 2, 28)]);
    assert.deepEqual(dateInterval({ year: 2022, month: 7, day: 14 }), [day(2022, 7, 14), day(2022, 7, 14)]);
  });

  it('covers parts of months and years, each inside the whole', () => {
    const month = dateInterval({ year: 2022, month: 11 })!;
    for (const part of ['start', 'early', 'mid', 'late', 'end'] as const) {
      const [lo, hi] = dateInterval({ year: 2022, month: 11, part })!;
      assert.ok(month[0] <= lo && lo <= hi && hi <= month[1], part);
    }
    assert.ok(dateInterval({ year: 2022, month: 11, part: 'early' })![1] < dateInterval({ year: 2022, month: 11, part: 'late' })![0]);
    const year = dateInterval({ year: 2020 })!;
    for (const part of ['start', 'early', 'mid', 'late', 'end'] as const) {
      const [lo, hi] = dateInterval({ year: 2020, part })!;
      assert.ok(year[0] <= lo && lo <= hi && hi <= year[1], part);
    }
  });

  it('takes the year from the fallback when the date has none, and gives null without any', () => {
    assert.deepEqual(dateInterval({ month: 7, day: 14 }, 2022), [day(2022, 7, 14), day(2022, 7, 14)]);
    assert.equal(dateInterval({ month: 7, day: 14 }), null);
  });

  it('knows the length of months', () => {
    assert.deepEqual([1, 2, 4, 12].map((m) => daysInMonth(2023, m)), [31, 28, 30, 31]);
    assert.equal(daysInMonth(2024, 2), 29);
  });
});
