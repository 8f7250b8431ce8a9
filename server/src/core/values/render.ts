import { TokenKind, type Token } from '../text/tokens';
import type { Extracted, TokenRange } from './extract';
import { MONTH_ABBREVIATIONS, MONTH_NAMES, ORDINAL_TENS, ORDINAL_UNITS, TENS, UNITS } from './lexicon';
import type { DatePart, PartialDate, Qualifier, Value, VotePosition } from './types';

/**
 * Writes the source's value the way the draft wrote its own: "14 June" becomes "14 July",
 * "July 14, 2021" becomes "July 14, 2022", "five" becomes "four", "80 per cent" becomes "90 per cent".
 */

const UNIT_WORDS = invert(UNITS);
const TENS_WORDS = invert(TENS);
const ORDINAL_UNIT_WORDS = invert(ORDINAL_UNITS);
const ORDINAL_TENS_WORDS = invert(ORDINAL_TENS);

function invert(map: ReadonlyMap<string, number>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [word, n] of map) if (!out.has(n)) out.set(n, word);
  return out;
}

export function numberInWords(n: number): string | null {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return null;
  if (n < 20) return UNIT_WORDS.get(n) ?? null;
  const tens = TENS_WORDS.get(n - (n % 10));
  if (!tens) return null;
  return n % 10 ? `${tens}-${UNIT_WORDS.get(n % 10)}` : tens;
}

export function ordinalInWords(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 100) return null;
  if (n < 20) return ORDINAL_UNIT_WORDS.get(n) ?? null;
  if (n % 10 === 0) return ORDINAL_TENS_WORDS.get(n) ?? null;
  const tens = TENS_WORDS.get(n - (n % 10));
  const unit = ORDINAL_UNIT_WORDS.get(n % 10);
  return tens && unit ? `${tens}-${unit}` : null;
}

export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

function capitalizeLike(word: string, model: string): string {
  if (!model) return word;
  if (model.length > 1 && model === model.toUpperCase() && /[A-Z]/.test(model)) return word.toUpperCase();
  if (model[0] === model[0]!.toUpperCase() && model[0] !== model[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

function formatDigits(n: number, model: string): string {
  const rounded = Number.isInteger(n) ? n : Number(n.toFixed(2));
  if (model.includes(',') || rounded >= 10000) return rounded.toLocaleString('en-US');
  return String(rounded);
}

/** A number in the style of the writer's number text (digits or words, capitalized or not). */
export function formatNumberLike(n: number, model: string, spelled: boolean): string {
  if (spelled) {
    const words = numberInWords(n);
    if (words) return capitalizeLike(words, model);
  }
  return formatDigits(n, model);
}

function formatOrdinalLike(n: number, model: string, spelled: boolean): string {
  if (spelled) {
    const words = ordinalInWords(n);
    if (words) return capitalizeLike(words, model);
  }
  return `${n}${ordinalSuffix(n)}`;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '', over: 'over', under: 'under', about: 'about', atLeast: 'at least', atMost: 'at most', nearly: 'nearly', upTo: 'up to',
};

function sameDirection(a: Qualifier, b: Qualifier): boolean {
  const dir = (q: Qualifier) => (q === 'over' || q === 'atLeast' ? 1 : q === 'under' || q === 'atMost' || q === 'upTo' || q === 'nearly' ? -1 : q === 'about' ? 2 : 0);
  return dir(a) === dir(b);
}

/** Text of a token range as written, spaces included. */
function rangeText(text: string, tokens: readonly Token[], range: TokenRange): string {
  return text.slice(tokens[range[0]]!.start, tokens[range[1] - 1]!.end);
}

interface Replacement {
  range: TokenRange;
  text: string;
}

/** Applies replacements of token ranges inside the value's own text. */
function rewrite(text: string, tokens: readonly Token[], value: Extracted, replacements: Replacement[]): string {
  const start = tokens[value.first]!.start;
  const end = tokens[value.last - 1]!.end;
  let out = '';
  let at = start;
  for (const r of [...replacements].sort((a, b) => a.range[0] - b.range[0])) {
    const rs = tokens[r.range[0]]!.start;
    const re = tokens[r.range[1] - 1]!.end;
    if (rs < at) continue;
    out += text.slice(at, rs) + r.text;
    at = re;
  }
  return out + text.slice(at, end);
}

// ── Dates ──────────────────────────────────────────────────────────────────

type Granularity = 0 | 1 | 2 | 3 | 4; // year, year part, month, month part, day

function granularity(date: PartialDate): Granularity {
  if (date.day !== undefined) return 4;
  if (date.month !== undefined) return date.part ? 3 : 2;
  return date.part ? 1 : 0;
}

function partOfDay(day: number): DatePart {
  return day <= 10 ? 'early' : day <= 20 ? 'mid' : 'late';
}

/** The source's date, no finer than what the writer wrote (a year for a year, a month for a month). */
function coarsen(source: PartialDate, writer: PartialDate): PartialDate {
  const g = Math.min(granularity(source), granularity(writer));
  const out: PartialDate = {};
  if (source.year !== undefined) out.year = source.year;
  if (g >= 2 && source.month !== undefined) out.month = source.month;
  if (g === 4 && source.day !== undefined) out.day = source.day;
  if (g === 3) out.part = source.part ?? (source.day !== undefined ? partOfDay(source.day) : undefined);
  if (g === 1) out.part = source.part ?? (source.month !== undefined ? (source.month <= 4 ? 'early' : source.month <= 8 ? 'mid' : 'late') : undefined);
  if (out.part === undefined) delete out.part;
  return out;
}

function monthLike(month: number, model: string | null): string {
  if (!model) return MONTH_NAMES[month - 1]!;
  const bare = model.replace(/\.$/, '');
  const written = bare.toLowerCase();
  const abbreviated = !MONTH_NAMES.some((name) => name.toLowerCase() === written);
  const name = abbreviated ? MONTH_ABBREVIATIONS[month - 1]! : MONTH_NAMES[month - 1]!;
  // "Oct." stays dotted, but "May" never takes a dot.
  return capitalizeLike(name, bare) + (abbreviated && model.endsWith('.') && name !== 'May' ? '.' : '');
}

function partWords(part: DatePart, model: string | null): { text: string; hyphen: boolean } {
  const lower = model?.toLowerCase() ?? '';
  const phrase = part === 'start' ? (lower.includes('beginning') ? 'the beginning of' : 'the start of') : part === 'end' ? 'the end of' : part;
  // "mid-July" takes a hyphen; "early July" and "late July" do not.
  const hyphen = part === 'mid' && (!model || model.endsWith('-') || !/\s$/.test(model));
  return { text: model ? capitalizeLike(phrase, model) : phrase, hyphen };
}

export function renderDate(text: string, tokens: readonly Token[], written: Extracted, source: PartialDate): string {
  const w = written.value.kind === 'date' ? written.value.date : {};
  const target = coarsen(source, w);
  const parts = written.parts;
  const iso = parts.year && parts.month && tokens[parts.year[0]]!.end === tokens[parts.month[0]]!.start - 1;
  if (iso) {
    const mm = String(target.month ?? 1).padStart(2, '0');
    const dd = target.day !== undefined ? `-${String(target.day).padStart(2, '0')}` : '';
    return `${target.year}-${mm}${dd}`;
  }
  // 14/06/2022 or 06/14/2022: numbers in the writer's order and padding.
  if (parts.month && tokens[parts.month[0]]!.kind === TokenKind.Number && parts.day) {
    const padLike = (n: number, model: string) => (model.length === 2 ? String(n).padStart(2, '0') : String(n));
    const dayText = padLike(target.day ?? source.day ?? 1, rangeText(text, tokens, parts.day));
    const monthText = padLike(target.month ?? source.month ?? 1, rangeText(text, tokens, parts.month));
    const numbers = parts.day[0] < parts.month[0] ? `${dayText}/${monthText}` : `${monthText}/${dayText}`;
    return `${numbers}/${target.year ?? source.year}`;
  }
  if (!parts.month && !parts.day && parts.year && written.last - written.first === 5) {
    // An ambiguous 03/04/2021: only its year is known, so only the year changes.
    return rewriteYear(text, tokens, written, target.year ?? source.year);
  }
  const monthModel = parts.month ? rangeText(text, tokens, parts.month) : null;
  const dayModel = parts.day ? rangeText(text, tokens, parts.day) : null;
  const partModel = parts.part ? rangeText(text, tokens, parts.part) : null;
  const withYear = w.year !== undefined || target.month === undefined;
  const dayFirst = !(parts.day && parts.month && parts.month[0] < parts.day[0]);
  const month = target.month !== undefined ? monthLike(target.month, monthModel) : null;
  let out: string;
  if (target.day !== undefined && month) {
    const day = dayModel && /[a-z]$/i.test(dayModel) ? `${target.day}${ordinalSuffix(target.day)}` : String(target.day);
    // "the 10th of August" keeps its "the" and "of"
    const spelledOf = parts.day && parts.month && dayFirst && tokens.slice(parts.day[1], parts.month[0]).some((t) => t.norm === 'of');
    const the = tokens[written.first]!.norm === 'the' ? `${tokens[written.first]!.text} ` : '';
    out = dayFirst ? `${the}${day}${spelledOf ? ' of' : ''} ${month}` : `${month} ${day}`;
    if (withYear && target.year !== undefined) out += dayFirst ? ` ${target.year}` : `, ${target.year}`;
  } else {
    const base = month ? (withYear && target.year !== undefined ? `${month} ${target.year}` : month) : String(target.year ?? '');
    if (target.part) {
      const p = partWords(target.part, partModel);
      out = p.hyphen ? `${p.text}-${base}` : `${p.text} ${base}`;
    } else out = base;
  }
  // Keep the writer's capital at the start of a sentence (Mid-July, Early 2022).
  const firstModel = rangeText(text, tokens, [written.first, written.first + 1]);
  return capitalizeLike(out, /^[a-z]/i.test(firstModel) ? firstModel : out);
}

function rewriteYear(text: string, tokens: readonly Token[], written: Extracted, year: number | undefined): string {
  const range = written.parts.year;
  if (!range || year === undefined) return rangeText(text, tokens, [written.first, written.last]);
  return rewrite(text, tokens, written, [{ range, text: String(year) }]);
}

// ── Quantities ─────────────────────────────────────────────────────────────

function qualifierReplacement(written: Extracted, sourceQ: Qualifier, writtenQ: Qualifier, text: string, tokens: readonly Token[]): { replace: Replacement | null; prefix: string } {
  const qRange = written.parts.qualifier;
  if (sourceQ === 'exact') return { replace: qRange ? { range: qRange, text: '' } : null, prefix: '' };
  if (qRange && sameDirection(sourceQ, writtenQ)) return { replace: null, prefix: '' };
  const words = QUALIFIER_WORDS[sourceQ];
  if (qRange) return { replace: { range: qRange, text: capitalizeLike(words, rangeText(text, tokens, qRange)) }, prefix: '' };
  return { replace: null, prefix: `${words} ` };
}

function tidy(s: string): string {
  return s.replace(/^\s+/, '').replace(/\s{2,}/g, ' ');
}

export function renderQuantity(text: string, tokens: readonly Token[], written: Extracted, source: Value): string {
  const w = written.value;
  const numberRange = written.parts.number;
  if (!numberRange) return '';
  const numberModel = rangeText(text, tokens, numberRange);
  const spelled = written.spelled === true;
  const replacements: Replacement[] = [];
  let prefix = '';
  if (source.kind === 'ordinal') {
    replacements.push({ range: numberRange, text: formatOrdinalLike(source.amount, numberModel, spelled) });
  } else if (source.kind === 'count' || source.kind === 'percent') {
    const wq = w.kind === 'count' || w.kind === 'percent' ? w.qualifier : 'exact';
    const q = qualifierReplacement(written, source.qualifier, wq, text, tokens);
    if (q.replace) replacements.push(q.replace);
    prefix = q.prefix;
    replacements.push({ range: numberRange, text: formatNumberLike(source.amount, numberModel, spelled) });
  } else if (source.kind === 'money' && w.kind === 'money') {
    const q = qualifierReplacement(written, source.qualifier, w.qualifier, text, tokens);
    if (q.replace) replacements.push(q.replace);
    prefix = q.prefix;
    const scaleWord = written.parts.scale ? rangeText(text, tokens, written.parts.scale) : null;
    const writtenScale = written.parts.scale ? w.amount / Number(numberModel.replace(/,/g, '') || 1) : 1;
    const scale = scaleWord && Number.isFinite(writtenScale) && writtenScale > 0 ? writtenScale : 1;
    replacements.push({ range: numberRange, text: formatNumberLike(source.amount / scale, numberModel, spelled) });
  } else if (source.kind === 'duration' && w.kind === 'duration') {
    const q = qualifierReplacement(written, source.qualifier, w.qualifier, text, tokens);
    if (q.replace) replacements.push(q.replace);
    prefix = q.prefix;
    const unitRange = written.parts.unit;
    if (!unitRange) return '';
    replacements.push(durationReplacement(text, tokens, numberRange, unitRange, source.amount, source.unit, w.unit, spelled));
  } else return '';
  return tidy(prefix + rewrite(text, tokens, written, replacements));
}

/** "two decades" -> "a decade", "four-year" -> "five-year", "two decades" -> "25 years". */
function durationReplacement(text: string, tokens: readonly Token[], numberRange: TokenRange, unitRange: TokenRange, amount: number, unit: string, writtenUnit: string, spelled: boolean): Replacement {
  const numberModel = rangeText(text, tokens, numberRange);
  const unitText = rangeText(text, tokens, unitRange);
  const hyphenated = text.slice(tokens[numberRange[1] - 1]!.end, tokens[unitRange[0]]!.start).includes('-');
  const perUnit = /decade/i.test(unitText) ? 10 : /centur/i.test(unitText) ? 100 : 1;
  const inUnits = amount / perUnit;
  const whole: TokenRange = [numberRange[0], unitRange[1]];
  if (unit === writtenUnit && Number.isInteger(inUnits) && inUnits >= 1) {
    const singular = unitText.replace(/(ies|s)$/i, (m) => (m.toLowerCase() === 'ies' ? 'y' : ''));
    if (hyphenated) return { range: numberRange, text: formatNumberLike(inUnits, numberModel, spelled) };
    if (inUnits === 1) {
      // "the past two decades" -> "the past decade"; "two decades" -> "a decade"
      const before = tokens[numberRange[0] - 1]?.norm ?? '';
      const article = ['past', 'last', 'previous', 'the', 'a', 'one'].includes(before) || /^(a|an|the|one)$/i.test(numberModel) ? '' : 'a ';
      return { range: whole, text: `${article}${singular}` };
    }
    const plural = /s$/i.test(unitText) ? unitText : `${unitText}s`;
    return { range: whole, text: `${formatNumberLike(inUnits, numberModel, spelled)} ${plural}` };
  }
  const number = formatNumberLike(amount, numberModel, spelled && Number.isInteger(amount) && amount < 100);
  return { range: whole, text: hyphenated ? `${number}-${unit}` : `${number} ${unit}${amount === 1 ? '' : 's'}` };
}

// ── Votes ──────────────────────────────────────────────────────────────────

const VOTE_FORMS: Record<string, Record<VotePosition, string>> = {
  past: { against: 'voted against', for: 'voted for', abstain: 'abstained on', absent: 'did not vote on' },
  present: { against: 'votes against', for: 'votes for', abstain: 'abstains on', absent: 'does not vote on' },
  base: { against: 'vote against', for: 'vote for', abstain: 'abstain on', absent: 'not vote on' },
  progressive: { against: 'voting against', for: 'voting for', abstain: 'abstaining on', absent: 'not voting on' },
};

const ENDORSE_FORMS: Record<string, Partial<Record<VotePosition, string>>> = {
  past: { against: 'opposed', for: 'supported' },
  present: { against: 'opposes', for: 'supports' },
  base: { against: 'oppose', for: 'support' },
  progressive: { against: 'opposing', for: 'supporting' },
};

function verbTense(word: string): 'past' | 'present' | 'base' | 'progressive' {
  if (word.endsWith('ing')) return 'progressive';
  if (word.endsWith('ed') || word === 'did' || word === "didn't" || word === 'cast') return 'past';
  if (word.endsWith('s')) return 'present';
  return 'base';
}

export function renderVote(text: string, tokens: readonly Token[], written: Extracted, source: VotePosition): string {
  const verb = written.parts.verb;
  if (!verb) return '';
  const first = tokens[verb[0]]!;
  const tense = verbTense(first.norm);
  const endorsing = /^(back|support|endors|oppos|reject)/.test(first.norm);
  const endsWithPreposition = /\b(on|from|of)$/i.test(rangeText(text, tokens, verb));
  let out = endorsing ? ENDORSE_FORMS[tense]![source] ?? VOTE_FORMS[tense]![source] : VOTE_FORMS[tense]![source];
  // "abstained on the resolution" -> "voted against the resolution": drop the preposition the writer did not use.
  if (!endsWithPreposition || source === 'against' || source === 'for') out = out.replace(/ on$/, '');
  if (endsWithPreposition && source === 'for' && /in favou?r of$/i.test(rangeText(text, tokens, verb))) out = `${out}`;
  return capitalizeLike(out, first.text);
}
