import { TokenKind, type Token } from '../text/tokens';
import {
  AMBIGUOUS_MONTHS, CURRENCY_PREFIXES, CURRENCY_SUFFIXES, DATE_ASPECTS, DURATION_UNITS, MONTHS, ORDINAL_TENS, ORDINAL_UNITS,
  QUALIFIERS, SCALES, TENS, UNITS, YEAR_CUES, YEAR_FOLLOWERS,
} from './lexicon';
import type { DateAspect, DatePart, PartialDate, Qualifier, Value, VotePosition } from './types';

/** A token range [first, last). */
export type TokenRange = readonly [number, number];

/** A value found in a sentence, with the tokens each of its parts was written with. */
export interface Extracted {
  value: Value;
  /** Tokens of the whole value, qualifier and part words included, aspect words ("since") not. */
  first: number;
  last: number;
  parts: {
    day?: TokenRange;
    month?: TokenRange;
    year?: TokenRange;
    /** early / mid- / the start of */
    part?: TokenRange;
    number?: TokenRange;
    qualifier?: TokenRange;
    scale?: TokenRange;
    currency?: TokenRange;
    unit?: TokenRange;
    verb?: TokenRange;
  };
  /** Number written in words (four) rather than digits (4). */
  spelled?: boolean;
  /** Up to four words after the value, normalized: what a count counts. */
  following: string[];
}

interface NumberMatch {
  value: number;
  last: number;
  spelled: boolean;
}

const PART_WORDS: ReadonlyMap<string, DatePart> = new Map([
  ['early', 'early'], ['mid', 'mid'], ['late', 'late'],
]);

/** "the start of", "the beginning of", "the middle of", "the end of" */
const PART_PHRASES: ReadonlyMap<string, DatePart> = new Map([
  ['start', 'start'], ['beginning', 'start'], ['outset', 'start'], ['middle', 'mid'], ['end', 'end'], ['close', 'end'],
]);

/** Words before a number that make it a label, not a quantity (Resolution 2397, para. 4). */
const LABEL_WORDS = new Set([
  'resolution', 'resolutions', 'article', 'articles', 'section', 'sections', 'no', 'nos', 'number', 'chapter', 'annex', 'paragraph', 'paragraphs',
  'para', 'paras', 'page', 'pages', 'p', 'pp', 'clause', 'item', 'table', 'figure', 'fig', 'vol', 'volume', 'route', 'flight', 'line', 'unit', 'room',
  'hwasong', 'kn', 'su', 'mig', 'f', 'type', 'model', 'version', 'phase', 'stage', 'level', 'tier', 'grade', 'class', 'division', 'brigade', 'corps',
]);

const PARTITIVE_FOLLOWERS = new Set(['of']);

const MONTH_ABBREVIATED = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const START_VERBS = new Set(['began', 'begun', 'begin', 'begins', 'beginning', 'started', 'start', 'starts', 'starting', 'commenced', 'onset']);

const VOTE_OBJECTS = new Set(['resolution', 'resolutions', 'motion', 'measure', 'text', 'draft', 'proposal', 'bill', 'condemnation']);

function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === TokenKind.Word;
}

function isNumber(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === TokenKind.Number;
}

function isHyphen(token: Token | undefined): boolean {
  return token !== undefined && token.kind === TokenKind.Punct && token.norm === '-';
}

/** Reads a number in words (four, twenty-five, a hundred) or digits, starting at `i`. */
function readNumber(tokens: readonly Token[], i: number, last: number): NumberMatch | null {
  const t = tokens[i];
  if (!t || i >= last) return null;
  if (t.kind === TokenKind.Number) {
    if (t.ordinalSuffix || t.value === undefined || !Number.isFinite(t.value)) return null;
    return { value: t.value, last: i + 1, spelled: false };
  }
  if (t.kind !== TokenKind.Word) return null;
  let value: number | undefined = UNITS.get(t.norm);
  let end = i + 1;
  const tens = TENS.get(t.norm);
  if (tens !== undefined) {
    value = tens;
    // twenty-five, twenty five
    const j = isHyphen(tokens[end]) && !tokens[end]!.spaced ? end + 1 : end;
    const unit = j < last ? UNITS.get(tokens[j]?.norm ?? '') : undefined;
    if (unit !== undefined && unit > 0 && unit < 10 && isWord(tokens[j])) {
      value = tens + unit;
      end = j + 1;
    }
  }
  if (value === undefined) {
    if (t.norm === 'a' && tokens[i + 1]?.norm === 'dozen' && i + 1 < last) return { value: 12, last: i + 2, spelled: true };
    if (t.norm === 'dozen') return { value: 12, last: i + 1, spelled: true };
    return null;
  }
  // two hundred, three thousand
  const scale = tokens[end];
  if (isWord(scale) && end < last && (scale.norm === 'hundred' || scale.norm === 'thousand')) {
    value *= SCALES.get(scale.norm)!;
    end++;
  }
  return { value, last: end, spelled: true };
}

function readOrdinal(tokens: readonly Token[], i: number, last: number): NumberMatch | null {
  const t = tokens[i];
  if (!t || i >= last) return null;
  if (t.kind === TokenKind.Number && t.ordinalSuffix) {
    return { value: Number(t.text.slice(0, -2).replace(/,/g, '')), last: i + 1, spelled: false };
  }
  if (t.kind !== TokenKind.Word) return null;
  const unit = ORDINAL_UNITS.get(t.norm);
  if (unit !== undefined) return { value: unit, last: i + 1, spelled: true };
  const tensOrdinal = ORDINAL_TENS.get(t.norm);
  if (tensOrdinal !== undefined) return { value: tensOrdinal, last: i + 1, spelled: true };
  const tens = TENS.get(t.norm);
  if (tens !== undefined) {
    const j = isHyphen(tokens[i + 1]) ? i + 2 : i + 1;
    const u = j < last ? ORDINAL_UNITS.get(tokens[j]?.norm ?? '') : undefined;
    if (u !== undefined && u < 10) return { value: tens + u, last: j + 1, spelled: true };
  }
  return null;
}

function monthAt(tokens: readonly Token[], i: number, last: number): { month: number; last: number } | null {
  const t = tokens[i];
  // Only a capitalized word names a month: the cheap test first, the map lookup after.
  if (!isWord(t) || i >= last || !t.capitalized) return null;
  const month = MONTHS.get(t.norm);
  if (month === undefined) return null;
  let end = i + 1;
  // "Oct. 2019": the dot of an abbreviation, never the full stop after "June".
  if (MONTH_ABBREVIATED.has(t.norm) && tokens[end]?.text === '.' && !tokens[end]!.spaced && end < last) end++;
  return { month, last: end };
}

/**
 * Whether tokens[first, last) may state a date with a day: a month's name, or digits joined by "-"
 * or "/" (2022-08-10, 14/06/2022). A cheap test for callers to whom only such a date would matter.
 */
export function mayStateDayDate(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    if (monthAt(tokens, i, last)) return true;
    const separator = tokens[i + 1];
    if (isNumber(tokens[i]) && i + 2 < last && !separator!.spaced && (separator!.text === '/' || isHyphen(separator))) return true;
  }
  return false;
}

function yearValue(token: Token | undefined): number | null {
  if (!isNumber(token) || token.ordinalSuffix) return null;
  if (token.text.length !== 4 || token.value === undefined) return null;
  return token.value >= 1000 && token.value <= 2199 ? token.value : null;
}

function dayValue(token: Token | undefined): number | null {
  if (!token || token.kind !== TokenKind.Number) return null;
  const n = token.ordinalSuffix ? Number(token.text.slice(0, -2)) : token.value;
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 31) return null;
  if (!token.ordinalSuffix && token.text.length > 2) return null;
  return n;
}

/** Words that can begin a value other than a date; anything else is skipped at once. */
const VALUE_START_WORDS = new Set<string>([
  ...UNITS.keys(), ...TENS.keys(), ...ORDINAL_UNITS.keys(), ...ORDINAL_TENS.keys(), ...CURRENCY_PREFIXES.keys(),
  'a', 'the', 'half', 'dozen', 'us', 'voted', 'vote', 'votes', 'voting', 'cast', 'abstained', 'abstain', 'abstains', 'abstaining',
  'opposed', 'opposing', 'oppose', 'opposes', 'rejected', 'rejecting', 'reject', 'rejects', 'backed', 'backing', 'supported',
  'supporting', 'endorsed', 'endorsing', 'support', 'supports', 'backs', 'did', 'does', "didn't",
]);

function mayStartValue(t: Token, next: Token | undefined): boolean {
  if (t.kind === TokenKind.Number || t.kind === TokenKind.Symbol) return true;
  // "A$", "HK$" and other currencies written as a word glued to $
  return t.kind === TokenKind.Word && (VALUE_START_WORDS.has(t.norm) || (t.text.length <= 3 && next !== undefined && next.text === '$'));
}

/** A month's name can begin a date only when capitalized (see monthAt); numbers can always. */
function mayStartDate(t: Token): boolean {
  return t.kind === TokenKind.Number || (t.kind === TokenKind.Word && t.capitalized && MONTHS.has(t.norm));
}

export class ValueExtractor {
  private readonly out: Extracted[] = [];
  private readonly taken: Uint8Array;

  constructor(private readonly tokens: readonly Token[], private readonly first: number, private readonly last: number) {
    this.taken = new Uint8Array(Math.max(0, last - first));
  }

  extract(): Extracted[] {
    const { first, last } = this;
    // Dates first: "14 July 2022" must not become a count and a year.
    for (let i = first; i < last; i++) {
      if (mayStartDate(this.tokens[i]!) && !this.isTaken(i)) this.tryDate(i);
    }
    for (let i = first; i < last; i++) {
      if (this.isTaken(i) || !mayStartValue(this.tokens[i]!, this.tokens[i + 1])) continue;
      this.tryMoney(i) || this.tryPercent(i) || this.tryDuration(i) || this.tryOrdinal(i) || this.tryVote(i) || this.tryCount(i);
    }
    return this.out.sort((a, b) => a.first - b.first);
  }

  private isTaken(i: number): boolean {
    return this.taken[i - this.first] === 1;
  }

  private take(first: number, last: number): void {
    for (let i = first; i < last; i++) this.taken[i - this.first] = 1;
  }

  private following(from: number): string[] {
    const words: string[] = [];
    for (let i = from; i < this.last && words.length < 4; i++) {
      const t = this.tokens[i]!;
      if (t.kind === TokenKind.Word || t.kind === TokenKind.Number) words.push(t.norm);
      else if (t.kind === TokenKind.Punct && (t.norm === '-' || t.norm === "'")) continue;
      else break;
    }
    return words;
  }

  private emit(value: Value, first: number, last: number, parts: Extracted['parts'], spelled?: boolean): void {
    const item: Extracted = { value, first, last, parts, following: this.following(last) };
    if (spelled) item.spelled = true;
    this.out.push(item);
    this.take(first, last);
  }

  /** A qualifier that ends just before `i` (over, more than, nearly). */
  private qualifierBefore(i: number): { qualifier: Qualifier; first: number } | null {
    const tokens = this.tokens;
    for (const q of QUALIFIERS) {
      const start = i - q.words.length;
      if (start < this.first) continue;
      let ok = true;
      for (let k = 0; k < q.words.length; k++) {
        const t = tokens[start + k]!;
        if (t.norm !== q.words[k] || this.isTaken(start + k)) { ok = false; break; }
      }
      if (ok) return { qualifier: q.qualifier, first: start };
    }
    return null;
  }

  private aspectBefore(i: number): DateAspect {
    const prev = this.tokens[i - 1];
    if (i - 1 < this.first || !prev) return 'point';
    if ((prev.norm === 'in' || prev.norm === 'on') && this.startVerbBefore(i - 1)) return 'since';
    const aspect = DATE_ASPECTS.get(prev.norm);
    if (aspect) {
      // "prior to", "starting in"
      return aspect;
    }
    const prev2 = this.tokens[i - 2];
    if ((prev.norm === 'to' || prev.norm === 'in') && prev2 && i - 2 >= this.first) {
      const a = DATE_ASPECTS.get(prev2.norm);
      if (a) return a;
    }
    return 'point';
  }

  /** "began in", "started ... in": a point date that opens a period. */
  private startVerbBefore(i: number): boolean {
    for (let k = i - 1; k >= this.first && k >= i - 6; k--) {
      const t = this.tokens[k]!;
      if (t.kind === TokenKind.Punct && (t.text === ',' || t.text === ';')) return false;
      if (START_VERBS.has(t.norm)) return true;
    }
    return false;
  }

  /** Part words before `i`: early, mid-, late, the start of, the end of. */
  private partBefore(i: number): { part: DatePart; first: number } | null {
    const tokens = this.tokens;
    const p = tokens[i - 1];
    if (!p || i - 1 < this.first) return null;
    // mid-July, mid-2022
    if (isHyphen(p) && !p.spaced) {
      const w = tokens[i - 2];
      const part = w ? PART_WORDS.get(w.norm) : undefined;
      if (part && i - 2 >= this.first) return { part, first: i - 2 };
    }
    const direct = PART_WORDS.get(p.norm);
    if (direct) return { part: direct, first: i - 1 };
    // the start of 2022, the end of July
    if (p.norm === 'of' && i - 2 >= this.first) {
      const w = tokens[i - 2]!;
      const part = PART_PHRASES.get(w.norm);
      if (part) {
        const article = tokens[i - 3];
        return { part, first: article && i - 3 >= this.first && (article.norm === 'the') ? i - 3 : i - 2 };
      }
    }
    return null;
  }

  private tryDate(i: number): boolean {
    const tokens = this.tokens;
    const t = tokens[i]!;
    // ISO 2022-08-10
    const isoYear = yearValue(t);
    if (isoYear !== null && isHyphen(tokens[i + 1]) && !tokens[i + 1]!.spaced && isNumber(tokens[i + 2]) && !tokens[i + 2]!.spaced
      && tokens[i + 2]!.text.length === 2 && i + 2 < this.last) {
      const month = tokens[i + 2]!.value!;
      let day: number | undefined;
      let end = i + 3;
      if (isHyphen(tokens[i + 3]) && !tokens[i + 3]!.spaced && isNumber(tokens[i + 4]) && tokens[i + 4]!.text.length === 2 && i + 4 < this.last) {
        day = tokens[i + 4]!.value!;
        end = i + 5;
      }
      if (month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= 31))) {
        const date: PartialDate = { year: isoYear, month };
        if (day !== undefined) date.day = day;
        const parts: Extracted['parts'] = { year: [i, i + 1], month: [i + 2, i + 3] };
        if (day !== undefined) parts.day = [i + 4, i + 5];
        this.emit({ kind: 'date', date, aspect: this.aspectBefore(i) }, i, end, parts);
        return true;
      }
    }
    // 14/06/2022 (day first when the first number is over 12, month first when the second is; else only the year is sure)
    if (isNumber(t) && !t.ordinalSuffix && tokens[i + 1]?.text === '/' && isNumber(tokens[i + 2]) && tokens[i + 3]?.text === '/' && i + 4 < this.last) {
      const year = yearValue(tokens[i + 4]);
      const a = t.value!;
      const b = tokens[i + 2]!.value!;
      const joined = [1, 2, 3, 4].every((k) => !tokens[i + k]!.spaced);
      if (year !== null && joined && Number.isInteger(a) && Number.isInteger(b) && a >= 1 && b >= 1 && a <= 31 && b <= 31) {
        const date: PartialDate = { year };
        const parts: Extracted['parts'] = { year: [i + 4, i + 5] };
        if (a > 12 && b <= 12) { date.day = a; date.month = b; parts.day = [i, i + 1]; parts.month = [i + 2, i + 3]; }
        else if (b > 12 && a <= 12) { date.day = b; date.month = a; parts.day = [i + 2, i + 3]; parts.month = [i, i + 1]; }
        this.emit({ kind: 'date', date, aspect: this.aspectBefore(i) }, i, i + 5, parts);
        return true;
      }
    }
    // 14 July [2022], 14th of July
    const day = dayValue(t);
    if (day !== null) {
      let m = i + 1;
      if (tokens[m]?.norm === 'of') m++;
      const month = monthAt(tokens, m, this.last);
      if (month) {
        const date: PartialDate = { day, month: month.month };
        const parts: Extracted['parts'] = { day: [i, i + 1], month: [m, month.last] };
        let end = month.last;
        let j = end;
        if (tokens[j]?.text === ',') j++;
        const year = yearValue(tokens[j]);
        if (year !== null && j < this.last) {
          date.year = year;
          parts.year = [j, j + 1];
          end = j + 1;
        }
        let start = i;
        if (tokens[i - 1]?.norm === 'the' && tokens[i]!.ordinalSuffix && i - 1 >= this.first) start = i - 1;
        this.emit({ kind: 'date', date, aspect: this.aspectBefore(start) }, start, end, parts);
        return true;
      }
    }
    // July [14[,]] [2022], with part words before: early November
    const month = monthAt(tokens, i, this.last);
    if (month) {
      const date: PartialDate = { month: month.month };
      const parts: Extracted['parts'] = { month: [i, month.last] };
      let end = month.last;
      const d = dayValue(tokens[end]);
      // "July 14" and "July 15 Pyongyang …", but not "July 2021" nor "May 5 countries"
      const after = tokens[end + 1];
      // "early August 14 July": a part of a month has no day; the number begins the next date.
      const part = this.partBefore(i);
      if (d !== null && !part && end < this.last && (!isWord(after) || after.capitalized === true || after === undefined)) {
        date.day = d!;
        parts.day = [end, end + 1];
        end++;
        if (tokens[end]?.text === ',' && yearValue(tokens[end + 1]) !== null && end + 1 < this.last) {
          date.year = yearValue(tokens[end + 1])!;
          parts.year = [end + 1, end + 2];
          end += 2;
        }
      } else {
        const y = yearValue(tokens[end]);
        if (y !== null && end < this.last) {
          date.year = y;
          parts.year = [end, end + 1];
          end++;
        }
      }
      let start = i;
      if (part) {
        date.part = part.part;
        parts.part = [part.first, i];
        start = part.first;
      }
      const ambiguous = AMBIGUOUS_MONTHS.has(tokens[i]!.norm);
      if (ambiguous && date.day === undefined && date.year === undefined && !part) {
        const prev = tokens[i - 1];
        if (!prev || !['in', 'since', 'from', 'until', 'by', 'of', 'last', 'next', 'this', 'early', 'late', 'mid', 'during', 'before', 'after'].includes(prev.norm)) return false;
      }
      this.emit({ kind: 'date', date, aspect: this.aspectBefore(start) }, start, end, parts);
      return true;
    }
    // 2022, early 2022, mid-2022, the start of 2022
    const year = yearValue(t);
    if (year !== null && this.looksLikeYear(i)) {
      const date: PartialDate = { year };
      const parts: Extracted['parts'] = { year: [i, i + 1] };
      let start = i;
      const part = this.partBefore(i);
      if (part) {
        date.part = part.part;
        parts.part = [part.first, i];
        start = part.first;
      }
      // "2022's"
      this.emit({ kind: 'date', date, aspect: this.aspectBefore(start) }, start, i + 1, parts);
      return true;
    }
    return false;
  }

  private looksLikeYear(i: number): boolean {
    const tokens = this.tokens;
    const next = tokens[i + 1];
    // 1990s
    if (next && !next.spaced && next.kind === TokenKind.Word && next.norm === 's') return false;
    if (next && !next.spaced && next.kind === TokenKind.Word && !tokens[i]!.possessive) {
      // 2022bn and the like
      return false;
    }
    const prev = tokens[i - 1];
    if (prev && i - 1 >= this.first) {
      if (YEAR_CUES.has(prev.norm)) return true;
      if (isHyphen(prev) && yearValue(tokens[i - 2]) !== null) return true;
      if (prev.kind === TokenKind.Punct && (prev.text === '(' || prev.text === ',')) return true;
      if (prev.kind === TokenKind.Word && LABEL_WORDS.has(prev.norm)) return false;
      if (prev.kind === TokenKind.Symbol) return false;
    }
    if (!next || i + 1 >= this.last) return true;
    if (next.kind === TokenKind.Punct && next.norm !== '-') return true;
    if (next.kind === TokenKind.Word && (YEAR_FOLLOWERS.has(next.norm) || next.possessive)) return true;
    if (tokens[i]!.possessive) return true;
    return i === this.first;
  }

  /** A number (digits or words) at `i`, with a scale word after it (10bn, 3 million). */
  private amountAt(i: number): { value: number; last: number; spelled: boolean; scale?: TokenRange } | null {
    const num = readNumber(this.tokens, i, this.last);
    if (!num) return null;
    const s = this.tokens[num.last];
    if (s && s.kind === TokenKind.Word && num.last < this.last) {
      const factor = SCALES.get(s.norm);
      // "10 m" is ten metres as often as ten million: only scale words written after a currency or spelled out
      if (factor !== undefined && factor >= 1e3 && (s.norm.length > 1 || !s.spaced)) {
        return { value: num.value * factor, last: num.last + 1, spelled: num.spelled, scale: [num.last, num.last + 1] };
      }
    }
    return num;
  }

  private tryMoney(i: number): boolean {
    const tokens = this.tokens;
    const t = tokens[i]!;
    let currency: string | undefined;
    let curFirst = i;
    let numStart = i;
    // US$, A$, HK$ written as a word glued to $
    if (t.kind === TokenKind.Word && tokens[i + 1]?.text === '$' && !tokens[i + 1]!.spaced && i + 1 < this.last) {
      currency = t.norm === 'us' ? 'USD' : `${t.text.toUpperCase()}$`;
      numStart = i + 2;
    } else if (t.kind === TokenKind.Symbol || t.kind === TokenKind.Word) {
      const c = CURRENCY_PREFIXES.get(t.norm);
      if (c && (t.kind === TokenKind.Symbol || t.text === t.text.toUpperCase())) {
        currency = c;
        numStart = i + 1;
      }
    }
    if (currency !== undefined) {
      const amount = this.amountAt(numStart);
      if (!amount || numStart >= this.last) return false;
      let end = amount.last;
      const q = this.qualifierBefore(curFirst);
      const first = q ? q.first : curFirst;
      const parts: Extracted['parts'] = { currency: [curFirst, numStart], number: [numStart, amount.scale ? amount.scale[0] : amount.last] };
      if (amount.scale) parts.scale = amount.scale;
      if (q) parts.qualifier = [q.first, curFirst];
      // "$10 billion dollars" is rare; "US$10 billion" is the norm
      this.emit({ kind: 'money', amount: amount.value, currency, qualifier: q?.qualifier ?? 'exact' }, first, end, parts, amount.spelled);
      return true;
    }
    // 10 billion dollars, 5 million US dollars
    const amount = this.amountAt(i);
    if (!amount) return false;
    let j = amount.last;
    if (tokens[j]?.text === 'US' || tokens[j]?.norm === 'u.s.') j++;
    const suffix = tokens[j];
    const c = suffix && j < this.last ? CURRENCY_SUFFIXES.get(suffix.norm) : undefined;
    if (!c) return false;
    const q = this.qualifierBefore(i);
    const parts: Extracted['parts'] = { number: [i, amount.scale ? amount.scale[0] : amount.last], currency: [amount.last, j + 1] };
    if (amount.scale) parts.scale = amount.scale;
    if (q) parts.qualifier = [q.first, i];
    this.emit({ kind: 'money', amount: amount.value, currency: c, qualifier: q?.qualifier ?? 'exact' }, q ? q.first : i, j + 1, parts, amount.spelled);
    return true;
  }

  private tryPercent(i: number): boolean {
    const tokens = this.tokens;
    const num = readNumber(tokens, i, this.last);
    if (!num) return false;
    let end = num.last;
    const u = tokens[end];
    if (!u || end >= this.last) return false;
    if (u.text === '%') end++;
    else if (u.norm === 'percent' || u.norm === 'pc') end++;
    else if (u.norm === 'per' && tokens[end + 1]?.norm === 'cent' && end + 1 < this.last) end += 2;
    else if (u.norm === 'percentage' && tokens[end + 1]?.norm === 'points' && end + 1 < this.last) end += 2;
    else return false;
    const q = this.qualifierBefore(i);
    const parts: Extracted['parts'] = { number: [i, num.last], unit: [num.last, end] };
    if (q) parts.qualifier = [q.first, i];
    this.emit({ kind: 'percent', amount: num.value, qualifier: q?.qualifier ?? 'exact' }, q ? q.first : i, end, parts, num.spelled);
    return true;
  }

  private tryDuration(i: number): boolean {
    const tokens = this.tokens;
    const t = tokens[i]!;
    // a decade, the past decade, a quarter century, half a century
    if (t.norm === 'a' || t.norm === 'the' || t.norm === 'half' || t.norm === 'one') {
      let j = i + 1;
      let amount = 1;
      if (t.norm === 'the' && (tokens[j]?.norm === 'past' || tokens[j]?.norm === 'last' || tokens[j]?.norm === 'previous')) j++;
      else if (t.norm === 'the') return false;
      if (t.norm === 'half') { if (tokens[j]?.norm !== 'a') return false; amount = 0.5; j++; }
      if (tokens[j]?.norm === 'quarter') {
        amount = 0.25;
        j++;
        if (tokens[j]?.norm === 'of' && tokens[j + 1]?.norm === 'a') j += 2;
      }
      const unit = tokens[j] && j < this.last ? DURATION_UNITS.get(tokens[j]!.norm) : undefined;
      if (!unit || unit.factor === 1 || tokens[j]!.norm.endsWith('s')) return false;
      // "over the past decade" is "during", not "more than"
      const q = t.norm === 'the' ? null : this.qualifierBefore(i);
      const parts: Extracted['parts'] = { number: [i, j], unit: [j, j + 1] };
      if (q) parts.qualifier = [q.first, i];
      this.emit({ kind: 'duration', amount: amount * unit.factor, unit: unit.unit, qualifier: q?.qualifier ?? 'exact' }, q ? q.first : i, j + 1, parts, true);
      return true;
    }
    const num = readNumber(tokens, i, this.last);
    if (!num) return false;
    let j = num.last;
    // five-year, 25-year
    const hyphenated = isHyphen(tokens[j]) && !tokens[j]!.spaced;
    if (hyphenated) j++;
    const u = tokens[j];
    if (!u || j >= this.last || u.kind !== TokenKind.Word) return false;
    const unit = DURATION_UNITS.get(u.norm);
    if (!unit) return false;
    // "2022 years" is not a duration; a year number never is
    if (yearValue(t) !== null && !hyphenated) return false;
    const q = this.qualifierBefore(i);
    const parts: Extracted["parts"] = { number: [i, num.last], unit: [j, j + 1] };
    if (q) parts.qualifier = [q.first, i];
    this.emit({ kind: 'duration', amount: num.value * unit.factor, unit: unit.unit, qualifier: q?.qualifier ?? 'exact' }, q ? q.first : i, j + 1, parts, num.spelled);
    return true;
  }

  private tryOrdinal(i: number): boolean {
    const ord = readOrdinal(this.tokens, i, this.last);
    if (!ord) return false;
    // "the second" as in time is rare; "first" as an adverb still counts, roles decide
    this.emit({ kind: 'ordinal', amount: ord.value }, i, ord.last, { number: [i, ord.last] }, ord.spelled);
    return true;
  }

  private tryCount(i: number): boolean {
    const tokens = this.tokens;
    const num = readNumber(tokens, i, this.last);
    if (!num) return false;
    const prev = tokens[i - 1];
    if (prev && i - 1 >= this.first && prev.kind === TokenKind.Word && LABEL_WORDS.has(prev.norm)) return false;
    if (prev && !tokens[i]!.spaced && (prev.kind === TokenKind.Word || prev.kind === TokenKind.Number)) return false;
    const next = tokens[num.last];
    if (next && !next.spaced && next.kind === TokenKind.Word) return false;
    const q = this.qualifierBefore(i);
    const parts: Extracted['parts'] = { number: [i, num.last] };
    if (q) parts.qualifier = [q.first, i];
    const value: Value = { kind: 'count', amount: num.value, qualifier: q?.qualifier ?? 'exact' };
    const item: Extracted = { value, first: q ? q.first : i, last: num.last, parts, following: this.following(num.last) };
    if (num.spelled) item.spelled = true;
    // "one of five countries": the one is a partitive, not a count of anything
    if (PARTITIVE_FOLLOWERS.has(item.following[0] ?? '')) {
      this.take(i, num.last);
      return true;
    }
    this.out.push(item);
    this.take(item.first, item.last);
    return true;
  }

  private tryVote(i: number): boolean {
    const tokens = this.tokens;
    const t = tokens[i]!;
    if (t.kind !== TokenKind.Word) return false;
    const w = t.norm;
    const at = (k: number) => (i + k < this.last ? tokens[i + k]?.norm ?? '' : '');
    let position: VotePosition | null = null;
    let end = i + 1;
    let needsObject = false;
    if (w === 'voted' || w === 'vote' || w === 'votes' || w === 'voting' || w === 'cast') {
      let k = 1;
      if (at(k) === 'overwhelmingly' || at(k) === 'unanimously' || at(k) === 'also' || at(k) === 'instead') k++;
      const n = at(k);
      if (n === 'against' || n === 'no') { position = 'against'; end = i + k + 1; }
      else if (n === 'for' || n === 'yes') { position = 'for'; end = i + k + 1; }
      else if (n === 'in' && (at(k + 1) === 'favour' || at(k + 1) === 'favor')) { position = 'for'; end = i + k + 2; if (at(k + 2) === 'of') end++; }
      else return false;
    } else if (w === 'abstained' || w === 'abstain' || w === 'abstains' || w === 'abstaining') {
      position = 'abstain';
      if (at(1) === 'on' || at(1) === 'from') end++;
    } else if (w === 'opposed' || w === 'opposing' || w === 'oppose' || w === 'opposes' || w === 'rejected' || w === 'rejecting' || w === 'reject' || w === 'rejects') {
      position = 'against';
      needsObject = true;
    } else if (w === 'backed' || w === 'backing' || w === 'supported' || w === 'supporting' || w === 'endorsed' || w === 'endorsing' || w === 'support' || w === 'supports' || w === 'backs') {
      position = 'for';
      needsObject = true;
    } else if ((w === 'did' || w === 'does') && (at(1) === 'not' || at(1) === "n't") && (at(2) === 'vote' || at(2) === 'take')) {
      position = 'absent';
      end = i + 3;
      if (at(2) === 'take') { if (at(3) !== 'part') return false; end++; }
    } else if (w === "didn't" && at(1) === 'vote') {
      position = 'absent';
      end = i + 2;
    } else return false;
    if (needsObject) {
      let found = false;
      for (let k = 1; k <= 5; k++) {
        const n = at(k);
        if (!n) break;
        if (VOTE_OBJECTS.has(n)) { found = true; break; }
      }
      if (!found) return false;
    }
    this.emit({ kind: 'vote', position }, i, end, { verb: [i, end] });
    return true;
  }
}

export function extractValues(tokens: readonly Token[], first: number, last: number): Extracted[] {
  return new ValueExtractor(tokens, first, last).extract();
}
