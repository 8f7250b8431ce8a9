/**
 * A single-pass tokenizer for prose. Every token keeps its offsets in the text it came from, so
 * findings map back exactly. Linear in the input: no regular expressions over whole sentences.
 */
export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
  Symbol = 3,
  /** Something that is not prose inside prose: a URL, a code span placeholder, a citation. */
  Opaque = 4,
}

export interface Token {
  kind: TokenKind;
  /** The token as written. */
  text: string;
  /** Lowercased, with typographic apostrophes and dashes folded; possessive 's removed. Opaque tokens: OPAQUE_CHAR, which no word is. */
  norm: string;
  start: number;
  end: number;
  /** Whitespace separates this token from the previous one. */
  spaced: boolean;
  /** A word written with a possessive 's (Russia's). */
  possessive: boolean;
  /** The word begins with an upper-case letter. */
  capitalized: boolean;
  /** Number tokens: the numeric value (1,000 -> 1000). */
  value: number | undefined;
  /** Number tokens written with an ordinal suffix (8th). */
  ordinalSuffix: boolean;
  /** Opaque tokens that are part of a citation marker. */
  citation: boolean;
  /** The token's position in the array tokenize returned (a word of a sentence is its token: see sentenceWords). */
  index: number;
}

/**
 * Every token has every field, in one order: consumers then see one object shape (V8 keeps their
 * property reads monomorphic, which the hot loops of matching depend on).
 */
function makeToken(kind: TokenKind, text: string, norm: string, start: number, end: number, spaced: boolean, index: number): Token {
  return { kind, text, norm, start, end, spaced, possessive: false, capitalized: false, value: undefined, ordinalSuffix: false, citation: false, index };
}

/**
 * A lower-case word token that stands for a word read elsewhere (say, the words after a value):
 * matched as a sentence's own words are, and of their one shape.
 */
export function wordToken(norm: string, index: number): Token {
  return makeToken(TokenKind.Word, norm, norm, 0, 0, false, index);
}

/** Stands in for inline code and other non-prose inline content in prose text. */
export const OPAQUE_CHAR = '\uFFFC';
/** Separates the cells of a table row that is read as one sentence. */
export const CELL_SEPARATOR = '\u2063';

const enum C {
  Tab = 9, LF = 10, CR = 13, Space = 32, Quote = 34, Hash = 35, Dollar = 36, Percent = 37, Amp = 38, Apos = 39,
  Comma = 44, Hyphen = 45, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, At = 64,
  UpperA = 65, UpperZ = 90, Backslash = 92, LowerA = 97, LowerZ = 122, NBSP = 0xa0,
}

const letterPattern = /[\p{L}\p{M}]/u;
const upperPattern = /\p{Lu}/u;

function isLetterCode(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= C.LowerA && code <= C.LowerZ) || (code >= C.UpperA && code <= C.UpperZ);
  if (code >= 0xd800 && code <= 0xdfff) {
    // Astral letters are rare in policy prose; read the whole code point.
    const cp = text.codePointAt(i);
    return cp !== undefined && cp > 0xffff && letterPattern.test(String.fromCodePoint(cp));
  }
  if (code === 0x2019 || code === 0x2018 || code === 0xfffc || code === 0x2063) return false;
  return letterPattern.test(text[i]!);
}

function isDigit(code: number): boolean {
  return code >= C.Zero && code <= C.Nine;
}

function isThousandsGroup(text: string, at: number, to: number): boolean {
  return at + 3 <= to && isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2))
    && !(at + 3 < to && isDigit(text.charCodeAt(at + 3)));
}

export function isSpaceCode(code: number): boolean {
  return code === C.Space || code === C.Tab || code === C.LF || code === C.CR || code === C.NBSP
    || code === 0x2009 || code === 0x202f || code === 0x200b || code === 0x3000;
}

function isApostrophe(code: number): boolean {
  return code === C.Apos || code === 0x2019 || code === 0x2018 || code === 0x2032;
}

function isDash(code: number): boolean {
  return code === C.Hyphen || code === 0x2010 || code === 0x2011 || code === 0x2013 || code === 0x2014 || code === 0x2212;
}

/** Words that can be glued to a year with a hyphen without forming one word (mid-2022). */
const HYPHEN_PREFIXES = new Set(['mid', 'early', 'late', 'pre', 'post', 'end', 'start']);

const URL_PREFIXES = ['http://', 'https://', 'www.', 'mailto:', 'ftp://'];

/** The end of a URL starting at `i`, or -1. Cheap for the common case of a word that is not one. */
function urlEnd(text: string, i: number): number {
  // Every prefix has ":" or "." within its first seven characters.
  let marker = false;
  for (let k = i + 3; k <= i + 6 && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === C.Colon || c === C.Dot) { marker = true; break; }
  }
  if (!marker) return -1;
  const head = text.slice(i, i + 8).toLowerCase();
  for (const prefix of URL_PREFIXES) {
    if (head.startsWith(prefix)) {
      let j = i + prefix.length;
      while (j < text.length && !isSpaceCode(text.charCodeAt(j)) && text[j] !== '<' && text[j] !== '>') j++;
      // A sentence's final punctuation is not part of the address.
      while (j > i && '.,;:!?)]\'"'.includes(text[j - 1]!)) j--;
      return j;
    }
  }
  return -1;
}

const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u2032]/g;

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.indexOf('\u2019') < 0 && lower.indexOf('\u2018') < 0 && lower.indexOf('\u2032') < 0 ? lower : lower.replace(TYPOGRAPHIC_APOSTROPHES, "'");
}

function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= C.UpperA && c <= C.UpperZ;
  return upperPattern.test(String.fromCodePoint(word.codePointAt(0)!));
}

/** Past this many significant digits an integer is no longer exact in a double. */
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The value of the number written in `text[from, to)` (digits, thousands commas, decimal points), as
 * `Number` would read it without the commas. Read from the character codes, without building
 * strings; the digits and the power of ten are both exact, so their quotient rounds as `Number` does.
 */
function numberValue(text: string, from: number, to: number): number {
  let digits = 0;
  let count = 0;
  let decimals = -1;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === C.Comma) continue;
    if (c === C.Dot) {
      // "1.2.3" is not a number, as Number reads it.
      if (decimals >= 0) return Number.NaN;
      decimals = 0;
      continue;
    }
    digits = digits * 10 + (c - C.Zero);
    count++;
    if (decimals >= 0) decimals++;
  }
  if (count > EXACT_DIGITS) return Number(text.slice(from, to).replace(/,/g, ''));
  return decimals > 0 ? digits / POWERS_OF_TEN[decimals]! : digits;
}

/** th, st, nd or rd in either case (8th, 21ST): the suffix of an ordinal number. */
function isOrdinalSuffix(first: number, second: number): boolean {
  const a = first | 0x20;
  const b = second | 0x20;
  // Only ASCII letters fold onto these lower-case codes; other characters never form a suffix.
  return (a === 0x74 && b === 0x68) || (a === 0x73 && b === 0x74) || (a === 0x6e && b === 0x64) || (a === 0x72 && b === 0x64);
}

/** Splits `text[from, to)` into tokens. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  let spaced = true;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      spaced = true;
      i++;
      continue;
    }
    const start = i;
    if (code === 104 || code === 119 || code === 109 || code === 102 || code === 72 || code === 87) {
      const end = urlEnd(text, i);
      if (end > i) {
        const raw = text.slice(start, Math.min(end, to));
        tokens.push(makeToken(TokenKind.Opaque, raw, OPAQUE_CHAR, start, start + raw.length, spaced, tokens.length));
        i = start + raw.length;
        spaced = false;
        continue;
      }
    }
    if (isDigit(code)) {
      let j = i + 1;
      while (j < to) {
        const c = text.charCodeAt(j);
        if (isDigit(c)) j++;
        else if (c === C.Dot && j + 1 < to && isDigit(text.charCodeAt(j + 1))) j++; // 3.5
        else if (c === C.Comma && isThousandsGroup(text, j + 1, to)) j++; // 1,000 (not "1990,1992")
        else break;
      }
      const raw = text.slice(i, j);
      const token = makeToken(TokenKind.Number, raw, raw, start, j, spaced, tokens.length);
      token.value = numberValue(text, i, j);
      // 8th, 21st, 2nd, 3rd (the bounds test also keeps optimized code from reading past the text, which deoptimizes it)
      if (j + 1 < to && isOrdinalSuffix(text.charCodeAt(j), text.charCodeAt(j + 1)) && !(j + 2 < to && isLetterCode(text.charCodeAt(j + 2), text, j + 2))) {
        token.ordinalSuffix = true;
        token.text = text.slice(i, j + 2);
        token.end = j + 2;
        j += 2;
      }
      tokens.push(token);
      i = j;
      spaced = false;
      continue;
    }
    if (isLetterCode(code, text, i)) {
      let j = i + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
      // Most words are lower-case ASCII: their normal form is the word itself, no copy needed.
      let plain = code >= C.LowerA && code <= C.LowerZ;
      // An ASCII word has no typographic apostrophe to fold: lower case is its whole normal form.
      let ascii = code < 128;
      while (j < to) {
        const c = text.charCodeAt(j);
        if (c >= C.LowerA && c <= C.LowerZ) { j++; continue; }
        if (c >= 128) ascii = false;
        if (isLetterCode(c, text, j)) { plain = false; j += c >= 0xd800 && c <= 0xdbff ? 2 : 1; }
        else if (isApostrophe(c) && j + 1 < to && isLetterCode(text.charCodeAt(j + 1), text, j + 1)) { plain = false; j++; }
        else if (c === C.Dot && j + 1 < to && isLetterCode(text.charCodeAt(j + 1), text, j + 1) && j + 2 <= to && text.charCodeAt(j + 2) === C.Dot) { plain = false; j++; } // U.S.
        else break;
      }
      // A trailing dot of a dotted abbreviation (U.S.) belongs to the word.
      if (j < to && text.charCodeAt(j) === C.Dot && j - i >= 3 && text.charCodeAt(j - 2) === C.Dot) j++;
      let raw = text.slice(i, j);
      // COVID-19, Hwasong-17, G-20: a word glued to digits by a hyphen is one name.
      if (j + 1 < to && isDash(text.charCodeAt(j)) && isDigit(text.charCodeAt(j + 1)) && !HYPHEN_PREFIXES.has(raw.toLowerCase())) {
        let k = j + 1;
        while (k < to && (isDigit(text.charCodeAt(k)) || isLetterCode(text.charCodeAt(k), text, k))) k++;
        j = k;
        raw = text.slice(i, j);
        plain = false;
        ascii = false;
      }
      let norm = plain ? raw : ascii ? raw.toLowerCase() : normalizeWord(raw);
      let possessive = false;
      if (!plain && norm.endsWith("'s") && norm.length > 2) {
        norm = norm.slice(0, -2);
        possessive = true;
      }
      const capitalized = startsUpper(raw);
      const token = makeToken(TokenKind.Word, raw, norm, start, j, spaced, tokens.length);
      token.possessive = possessive;
      token.capitalized = capitalized;
      tokens.push(token);
      i = j;
      spaced = false;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      // An astral symbol (emoji): one opaque token, never split between its surrogates.
      tokens.push(makeToken(TokenKind.Symbol, text.slice(i, i + 2), text.slice(i, i + 2), start, i + 2, spaced, tokens.length));
      i += 2;
      spaced = false;
      continue;
    }
    const ch = text[i]!;
    if (code === 0xfffc) {
      tokens.push(makeToken(TokenKind.Opaque, ch, OPAQUE_CHAR, start, i + 1, spaced, tokens.length));
    } else if (isDash(code)) {
      tokens.push(makeToken(TokenKind.Punct, ch, '-', start, i + 1, spaced, tokens.length));
    } else if (isApostrophe(code)) {
      tokens.push(makeToken(TokenKind.Punct, ch, "'", start, i + 1, spaced, tokens.length));
    } else if (code === 0x201c || code === 0x201d || code === C.Quote) {
      tokens.push(makeToken(TokenKind.Punct, ch, '"', start, i + 1, spaced, tokens.length));
    } else if (code === C.Dollar || code === C.Percent || code === 0x20ac || code === 0xa3 || code === 0xa5 || code === 0x20a9 || code === 0x20bd || code === C.Amp || code === C.Hash || code === C.At || code === 0xa7 || code === 0xb6 || code === 126) {
      tokens.push(makeToken(TokenKind.Symbol, ch, ch, start, i + 1, spaced, tokens.length));
    } else {
      tokens.push(makeToken(TokenKind.Punct, ch, ch, start, i + 1, spaced, tokens.length));
    }
    i++;
    spaced = false;
  }
  return tokens;
}
