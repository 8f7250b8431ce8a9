import { dateInterval } from './dates';
import type { DurationUnit, PartialDate, Qualifier, Value } from './types';

/**
 * Whether what a draft writes agrees with what the source states. `incomparable` means the two
 * cannot be set against each other (another currency, a relative bound, an event after the source
 * was published): it is never reported as a contradiction.
 */
export type Agreement = 'agree' | 'disagree' | 'incomparable';

export interface CompareContext {
  /** When the source was published: a draft's date after it is about something the source cannot cover. */
  published?: PartialDate;
  /** The fact is about something expected, so later dates are still comparable. */
  anticipated?: boolean;
}

function compareDates(source: Extract<Value, { kind: 'date' }>, written: Extract<Value, { kind: 'date' }>, context: CompareContext): Agreement {
  if (written.aspect === 'before' || written.aspect === 'after' || written.aspect === 'until') return 'incomparable';
  const s = source.date;
  const w = written.date;
  // A draft that leaves out the year is compared on what it does say.
  const year = w.year ?? s.year;
  const src = dateInterval(s);
  const wr = dateInterval(w, year);
  if (!src || !wr) return 'incomparable';
  if (context.published && !context.anticipated && w.year !== undefined) {
    const pub = dateInterval(context.published);
    if (pub && wr[0] > pub[1]) return 'incomparable';
  }
  // A writer's date coarser than the source's (2022 for 14 July 2022) agrees when it contains it.
  const [sLo, sHi] = src;
  const [wLo, wHi] = wr;
  if (source.aspect === 'since' && written.aspect !== 'since') {
    // Any date inside the period the source opens agrees ("in early November" with "since the start
    // of 2022"); an earlier date is about another time, not about the period.
    return wHi >= sLo ? 'agree' : 'incomparable';
  }
  if (written.aspect === 'since' && source.aspect !== 'since') {
    // "Since January 2020 the border has been closed" agrees with a closure in January 2020; a later
    // start contradicts it; an earlier start says nothing about the event itself.
    if (wLo <= sHi && sLo <= wHi) return 'agree';
    return wLo > sHi ? 'disagree' : 'incomparable';
  }
  return wLo <= sHi && sLo <= wHi ? 'agree' : 'disagree';
}

/** The range a source's hedged quantity plausibly covers: "over 25 years" is not 60 years. */
function sourceRange(amount: number, qualifier: Qualifier): [number, number] {
  switch (qualifier) {
    case 'over': case 'atLeast': return [amount, amount * 1.5];
    case 'under': case 'atMost': return [amount * 0.67, amount];
    case 'nearly': return [amount * 0.85, amount];
    case 'about': return [amount * 0.9, amount * 1.1];
    case 'upTo': return [0, amount];
    default: return [amount, amount];
  }
}

/** The range a draft's hedged quantity logically allows. */
function writtenRange(amount: number, qualifier: Qualifier): [number, number] {
  switch (qualifier) {
    case 'over': case 'atLeast': return [amount, Number.POSITIVE_INFINITY];
    case 'under': case 'atMost': case 'upTo': return [0, amount];
    case 'nearly': return [amount * 0.85, amount];
    case 'about': return [amount * 0.95, amount * 1.05];
    default: return [amount, amount];
  }
}

const LOWER_BOUNDS = new Set<Qualifier>(['over', 'atLeast']);
const UPPER_BOUNDS = new Set<Qualifier>(['under', 'atMost', 'upTo']);

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-6;
}

export function compareQuantities(sAmount: number, sQ: Qualifier, wAmount: number, wQ: Qualifier): Agreement {
  if (sQ === 'exact' && wQ === 'exact') return close(sAmount, wAmount) ? 'agree' : 'disagree';
  // Same direction of bound: "over 20 years" is weaker than "over 25 years" and agrees; "over 30" claims more.
  if (LOWER_BOUNDS.has(sQ) && LOWER_BOUNDS.has(wQ)) return wAmount <= sAmount + 1e-9 ? 'agree' : 'disagree';
  if (UPPER_BOUNDS.has(sQ) && UPPER_BOUNDS.has(wQ)) return wAmount >= sAmount - 1e-9 ? 'agree' : 'disagree';
  const [sLo, sHi] = sourceRange(sAmount, sQ);
  const [wLo, wHi] = writtenRange(wAmount, wQ);
  return wLo <= sHi + 1e-9 && sLo <= wHi + 1e-9 ? 'agree' : 'disagree';
}

const UNIT_YEARS: Record<DurationUnit, number> = { year: 1, month: 1 / 12, week: 7 / 365.25, day: 1 / 365.25 };

export function compareValues(source: Value, written: Value, context: CompareContext = {}): Agreement {
  if (source.kind !== written.kind) return 'incomparable';
  switch (source.kind) {
    case 'date':
      return compareDates(source, written as typeof source, context);
    case 'ordinal':
      return source.amount === (written as typeof source).amount ? 'agree' : 'disagree';
    case 'vote':
      return source.position === (written as typeof source).position ? 'agree' : 'disagree';
    case 'money': {
      const w = written as typeof source;
      if (source.currency && w.currency && source.currency !== w.currency) return 'incomparable';
      return compareQuantities(source.amount, source.qualifier, w.amount, w.qualifier);
    }
    case 'duration': {
      const w = written as typeof source;
      return compareQuantities(source.amount * UNIT_YEARS[source.unit], source.qualifier, w.amount * UNIT_YEARS[w.unit], w.qualifier);
    }
    case 'count':
    case 'percent': {
      const w = written as typeof source;
      return compareQuantities(source.amount, source.qualifier, w.amount, w.qualifier);
    }
  }
}
