import type { DatePart, PartialDate } from './types';

/** Parses 2022, "2022", "2022-07" and "2022-07-14". */
export function parsePartialDate(input: unknown): PartialDate | null {
  if (typeof input === 'number' && Number.isInteger(input) && input > 0 && input < 10000) return { year: input };
  if (typeof input !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(input.trim());
  if (!m) return null;
  const date: PartialDate = { year: Number(m[1]) };
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    date.month = month;
  }
  if (m[3]) {
    const day = Number(m[3]);
    if (day < 1 || day > daysInMonth(date.year!, date.month!)) return null;
    date.day = day;
  }
  return date;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day ranges of month parts: early, mid and late thirds of the month. */
const MONTH_PARTS: Record<DatePart, [number, number]> = {
  start: [1, 10], early: [1, 10], mid: [11, 20], late: [21, 31], end: [21, 31],
};
/** Month ranges of year parts. */
const YEAR_PARTS: Record<DatePart, [number, number]> = {
  start: [1, 3], early: [1, 4], mid: [5, 8], late: [9, 12], end: [10, 12],
};

/** The days a partial date covers, as [first, last] day numbers; null when it has no year. */
export function dateInterval(date: PartialDate, fallbackYear?: number): [number, number] | null {
  const year = date.year ?? fallbackYear;
  if (year === undefined) return null;
  const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
  if (date.month === undefined) {
    const [m0, m1] = date.part ? YEAR_PARTS[date.part] : [1, 12];
    return [day(year, m0, 1), day(year, m1, daysInMonth(year, m1))];
  }
  const dim = daysInMonth(year, date.month);
  if (date.day !== undefined) return [day(year, date.month, date.day), day(year, date.month, date.day)];
  const [d0, d1] = date.part ? MONTH_PARTS[date.part] : [1, dim];
  return [day(year, date.month, d0), day(year, date.month, Math.min(d1, dim))];
}
