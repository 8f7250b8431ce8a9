/** Typed values, as the source states them and as a draft writes them. */

export type DatePart = 'start' | 'early' | 'mid' | 'late' | 'end';

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
  /** A part of the month (early November) or, without a month, of the year (late 2020). */
  part?: DatePart;
  /** The year is not printed; it comes from context (the source's default year). */
  yearInferred?: boolean;
}

/** `since 2013` starts a period; `before 2019` and `after 2019` only bound one. */
export type DateAspect = 'point' | 'since' | 'until' | 'before' | 'after';

/** How a quantity is hedged: `over 25 years`, `nearly 90 per cent`. */
export type Qualifier = 'exact' | 'over' | 'under' | 'about' | 'atLeast' | 'atMost' | 'nearly' | 'upTo';

export type VotePosition = 'for' | 'against' | 'abstain' | 'absent';

export type DurationUnit = 'year' | 'month' | 'week' | 'day';

export type Value =
  | { kind: 'date'; date: PartialDate; aspect: DateAspect }
  | { kind: 'count'; amount: number; qualifier: Qualifier }
  | { kind: 'ordinal'; amount: number }
  | { kind: 'percent'; amount: number; qualifier: Qualifier }
  | { kind: 'money'; amount: number; currency: string | null; qualifier: Qualifier }
  | { kind: 'duration'; amount: number; unit: DurationUnit; qualifier: Qualifier }
  | { kind: 'vote'; position: VotePosition };

export type ValueKind = Value['kind'];
