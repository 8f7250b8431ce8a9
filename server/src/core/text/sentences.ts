import { TokenKind, type Token } from './tokens';

/** A sentence as a range of tokens of its block, and of the block's text. */
export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  first: number;
  last: number;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'adm', 'sen', 'rep', 'gov', 'amb', 'pres', 'hon', 'rev',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vol', 'vols', 'para', 'paras', 'pp', 'p', 'ch', 'chap', 'sec', 'art', 'arts', 'fig', 'figs', 'ed', 'eds', 'trans', 'cf', 'vs', 'v', 'viz', 'approx', 'est', 'ca', 'c',
  'e.g', 'i.e', 'etc', 'al', 'ibid', 'op', 'cit', 'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn', 'govt', 'intl', 'natl', 'min', 'max', 'mt', 'ft', 'u.s', 'u.k', 'u.n',
]);

const CLOSERS = new Set(['"', "'", ')', ']', '\u201d', '\u2019', '»']);

function startsSentence(token: Token | undefined): boolean {
  if (!token) return true;
  if (token.kind === TokenKind.Number) return true;
  if (token.kind === TokenKind.Word) return token.capitalized === true;
  if (token.kind === TokenKind.Punct) return token.norm === '"' || token.norm === "'" || token.text === '(' || token.text === '[' || token.norm === '-' || token.text === '*';
  return token.kind === TokenKind.Opaque || token.kind === TokenKind.Symbol;
}

function isSentenceEnd(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.kind !== TokenKind.Punct) return false;
  const ch = token.text;
  if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026') return false;
  if (ch === '.') {
    const prev = tokens[i - 1];
    if (prev && !token.spaced && prev.kind === TokenKind.Word) {
      // "No. 5" but not "he said no."
      if (ABBREVIATIONS.has(prev.norm) && !((prev.norm === 'no' || prev.norm === 'nos') && tokens[i + 1]?.kind !== TokenKind.Number)) return false;
      // An initial (J. Smith) or a dotted abbreviation (U.S.)
      if (prev.text.length === 1 && prev.capitalized) return false;
    }
    // "2.5" never reaches here (numbers keep their decimals)
    const next = tokens[i + 1];
    if (next && next.kind === TokenKind.Punct && next.text === '.') return false;
  }
  // An ellipsis ends a sentence only before a capitalized word: "… [and] accelerate" goes on.
  const ellipsis = ch === '\u2026' || (ch === '.' && tokens[i - 1]?.text === '.' && !token.spaced);
  if (ellipsis) {
    const next = tokens[i + 1];
    return !next || (next.kind === TokenKind.Word && next.capitalized === true);
  }
  return true;
}

/** Splits the tokens of one block of prose into sentences. */
export function splitSentences(tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    if (!isSentenceEnd(tokens, i)) continue;
    let last = i + 1;
    while (last < n && tokens[last]!.kind === TokenKind.Punct && !tokens[last]!.spaced && CLOSERS.has(tokens[last]!.text)) last++;
    // A citation after the full stop belongs to the sentence it ends ("… in 2019. [@key]").
    if (tokens[last]?.citation) {
      while (last < n && tokens[last]!.citation) last++;
      if (tokens[last]?.kind === TokenKind.Punct && tokens[last]!.text === '.' && !tokens[last]!.spaced) last++;
    }
    const next = tokens[last];
    if (next && (!next.spaced || !startsSentence(next))) continue;
    // A dotted abbreviation at the end of a word (U.S.) followed by a capital is ambiguous: keep going.
    sentences.push({ start: tokens[first]!.start, end: tokens[last - 1]!.end, first, last });
    first = last;
    i = last - 1;
  }
  if (first < n) sentences.push({ start: tokens[first]!.start, end: tokens[n - 1]!.end, first, last: n });
  return sentences;
}
