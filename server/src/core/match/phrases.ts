import { TokenKind, tokenize, type Token } from '../text/tokens';

/**
 * Phrase patterns (terms, aliases, nouns) compiled from data and matched against the words of a
 * sentence. Words are compared by their normalized form, so hyphens, quote styles and case do not
 * matter, except where an alias is written as a proper noun or an acronym.
 */
export type Element =
  | { kind: 'word'; norm: string; capitalized: boolean; exact: string | null }
  | { kind: 'prefix'; stem: string }
  | { kind: 'actor'; actor: string }
  | { kind: 'gap'; max: number };

export interface Pattern<T> {
  elements: Element[];
  payload: T;
  /** The pattern as written in the data, for messages. */
  source: string;
}

/**
 * A word of a sentence: a word, number or opaque token (which only holds a place). The tokens
 * themselves serve as words, so a sentence's words cost one array, not an object per word.
 */
export interface Word {
  norm: string;
  text: string;
  capitalized: boolean;
  /** Index of the token it is, in its block's tokens. */
  index: number;
}

export function sentenceWords(tokens: readonly Token[], first: number, last: number): Word[] {
  const words: Word[] = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (t.kind === TokenKind.Word || t.kind === TokenKind.Number || t.kind === TokenKind.Opaque) words.push(t);
  }
  return words;
}

const ACTOR_REF = /\{([a-z0-9][a-z0-9._-]*)\}/g;

function isAcronym(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    if (ch === '.') continue;
    if (ch.toUpperCase() !== ch || ch.toLowerCase() === ch) return false;
    letters++;
  }
  return letters >= 2;
}

/** Words of ASCII letters separated by single spaces: what most aliases and terms are. */
const PLAIN_PHRASE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/**
 * A plain phrase's elements, read without the tokenizer: compiling the gazetteer's ~1 500 aliases
 * is part of every CLI run and server start, where the tokenizer's code is still cold. The same
 * elements as the tokenizer gives (test/unit/phrases.test.ts checks every built-in phrase).
 */
function compilePlainPhrase(text: string, proper: boolean): Element[] {
  return text.split(' ').map((word) => {
    const first = word.charCodeAt(0);
    return { kind: 'word', norm: word.toLowerCase(), capitalized: proper && first >= 65 && first <= 90, exact: isAcronym(word) ? word : null };
  });
}

/** Compiles a term or alias; `proper` keeps capitalization significant (names). */
export function compilePhrase(text: string, proper: boolean): Element[] {
  if (PLAIN_PHRASE.test(text)) return compilePlainPhrase(text, proper);
  return compileTokenized(text, proper);
}

/** compilePhrase through the tokenizer: any phrase, with actor references, prefixes (word*) and gaps (…). */
export function compileTokenized(text: string, proper: boolean): Element[] {
  const elements: Element[] = [];
  let last = 0;
  const push = (segment: string) => {
    const tokens = tokenize(segment);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === TokenKind.Word || t.kind === TokenKind.Number) {
        const star = tokens[i + 1];
        if (star && star.text === '*' && !star.spaced) {
          elements.push({ kind: 'prefix', stem: t.norm });
          i++;
          continue;
        }
        // Acronyms keep their case even in terms: "UN" is not the "un" of Kim Jong-un.
        const acronym = isAcronym(t.text);
        elements.push({ kind: 'word', norm: t.norm, capitalized: proper && t.capitalized === true, exact: acronym ? t.text : null });
      } else if (t.text === '\u2026' || (t.text === '.' && tokens[i + 1]?.text === '.' && tokens[i + 2]?.text === '.')) {
        elements.push({ kind: 'gap', max: 3 });
        if (t.text === '.') i += 2;
      }
    }
  };
  for (const m of text.matchAll(ACTOR_REF)) {
    push(text.slice(last, m.index));
    elements.push({ kind: 'actor', actor: m[1]! });
    last = m.index! + m[0].length;
  }
  push(text.slice(last));
  // A pattern never starts or ends with a gap.
  while (elements[0]?.kind === 'gap') elements.shift();
  while (elements[elements.length - 1]?.kind === 'gap') elements.pop();
  return elements;
}

/** Actor mentions by the word index they start at, for patterns that reference actors. */
export interface MentionLookup {
  startingAt(word: number): ReadonlyArray<{ actor: string; end: number }>;
  isActorOrPart(actor: string, of: string): boolean;
}

/** A lookup in which no word names an actor: for matching where actors play no part. */
export const NO_MENTIONS: MentionLookup = { startingAt: () => [], isActorOrPart: () => false };

const NO_PATTERNS: readonly never[] = Object.freeze([]);

/**
 * The shape of a word that a first word of some pattern may have: its first two characters (five bits
 * each) and its length (up to 31). Read from character codes, so most words of a sentence are ruled
 * out without hashing their text for a map lookup.
 */
function shapeSlot(norm: string): number {
  return ((norm.charCodeAt(0) & 31) << 5) | (norm.charCodeAt(1) & 31);
}

function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

/** Length bits of every length from `length` up. */
function lengthsFrom(length: number): number {
  return ~(lengthBit(length) - 1);
}

export class PhraseIndex<T> {
  private readonly byWord = new Map<string, Pattern<T>[]>();
  private readonly byStem = new Map<string, Pattern<T>[]>();
  private readonly byActor = new Map<string, Pattern<T>[]>();
  private readonly stemLengths: number[] = [];
  private readonly cache = new Map<string, Pattern<T>[]>();
  /** Per shape slot, the lengths a word there may have to start a pattern (see shapeSlot). */
  private readonly firstWordShapes = new Int32Array(1024);

  add(pattern: Pattern<T>): void {
    const first = pattern.elements[0];
    if (!first) return;
    let map: Map<string, Pattern<T>[]>;
    let key: string;
    if (first.kind === 'word') {
      map = this.byWord;
      key = first.norm;
      this.firstWordShapes[shapeSlot(key)]! |= lengthBit(key.length);
    } else if (first.kind === 'prefix') {
      map = this.byStem;
      key = first.stem;
      if (!this.stemLengths.includes(key.length)) this.stemLengths.push(key.length);
      this.addStemShape(key);
    } else if (first.kind === 'actor') { map = this.byActor; key = first.actor; }
    else return;
    const list = map.get(key);
    if (list) list.push(pattern);
    else map.set(key, [pattern]);
    this.cache.clear();
  }

  private addStemShape(stem: string): void {
    // A one-letter stem says nothing of a word's second character.
    const slots = stem.length > 1 ? [shapeSlot(stem)] : Array.from({ length: 32 }, (_, c1) => ((stem.charCodeAt(0) & 31) << 5) | c1);
    for (const slot of slots) this.firstWordShapes[slot]! |= lengthsFrom(stem.length);
  }

  /** Patterns whose first word can be `norm`. */
  private candidates(norm: string): readonly Pattern<T>[] {
    if ((this.firstWordShapes[shapeSlot(norm)]! & lengthBit(norm.length)) === 0) return NO_PATTERNS;
    const cached = this.cache.get(norm);
    if (cached) return cached;
    const found: Pattern<T>[] = [];
    const exact = this.byWord.get(norm);
    if (exact) found.push(...exact);
    for (const length of this.stemLengths) {
      if (length > norm.length) continue;
      const list = this.byStem.get(norm.slice(0, length));
      if (list) found.push(...list);
    }
    // The cache is per index and bounded: a long document of unique words must not grow it forever.
    if (this.cache.size > 50000) this.cache.clear();
    this.cache.set(norm, found);
    return found;
  }

  /** Whether some pattern can start with a word of this normal form: a cheap test before matching. */
  mayStart(norm: string): boolean {
    return this.candidates(norm).length > 0;
  }

  /** Every match of a pattern that starts with a word: [start, end) word ranges with their payloads. */
  findAll(words: readonly Word[], mentions: MentionLookup = NO_MENTIONS, onMatch: (pattern: Pattern<T>, start: number, end: number) => void): void {
    for (let i = 0; i < words.length; i++) {
      const candidates = this.candidates(words[i]!.norm);
      for (let c = 0; c < candidates.length; c++) {
        const pattern = candidates[c]!;
        if (nextWordRulesOut(pattern.elements, words, i)) continue;
        const end = matchElements(pattern.elements, 0, words, i, mentions);
        if (end >= 0) onMatch(pattern, i, end);
      }
    }
  }

  /** Every match of a pattern that starts with an actor ({south-korea}); needs the sentence's mentions. */
  findActorFirst(words: readonly Word[], mentions: MentionLookup, onMatch: (pattern: Pattern<T>, start: number, end: number) => void): void {
    if (!this.byActor.size) return;
    for (let i = 0; i < words.length; i++) {
      for (const mention of mentions.startingAt(i)) {
        for (const [actor, list] of this.byActor) {
          if (!mentions.isActorOrPart(mention.actor, actor)) continue;
          for (const pattern of list) {
            const end = matchElements(pattern.elements, 1, words, mention.end, mentions);
            if (end >= 0) onMatch(pattern, i, end);
          }
        }
      }
    }
  }

  /** The longest match starting at `i`, or null. */
  longestAt(words: readonly Word[], i: number): { pattern: Pattern<T>; end: number } | null {
    // Called on every word of a sentence to find actors: no iterator or interim result is allocated.
    const candidates = this.candidates(words[i]!.norm);
    let best: Pattern<T> | null = null;
    let bestEnd = -1;
    for (let c = 0; c < candidates.length; c++) {
      const pattern = candidates[c]!;
      if (nextWordRulesOut(pattern.elements, words, i)) continue;
      const end = matchElements(pattern.elements, 0, words, i, NO_MENTIONS);
      if (end > bestEnd) { best = pattern; bestEnd = end; }
    }
    return best ? { pattern: best, end: bestEnd } : null;
  }
}

/**
 * Whether a pattern whose second element is a word fails at once on the word after `i`: many
 * patterns share a first word (the Gambia, the Netherlands, …), and one comparison rules most out.
 */
function nextWordRulesOut(elements: readonly Element[], words: readonly Word[], i: number): boolean {
  const second = elements[1];
  return second !== undefined && second.kind === 'word' && (i + 1 >= words.length || words[i + 1]!.norm !== second.norm);
}

function wordMatches(element: Element, word: Word): boolean {
  if (element.kind === 'word') {
    if (word.norm !== element.norm) return false;
    if (element.exact !== null) return word.text === element.exact || word.text.replace(/['\u2019]s$/, '') === element.exact;
    return !element.capitalized || word.capitalized;
  }
  if (element.kind === 'prefix') return word.norm.startsWith(element.stem);
  return false;
}

/** Matches elements[e..] at word w; returns the end word index or -1. */
export function matchElements(elements: readonly Element[], e: number, words: readonly Word[], w: number, mentions: MentionLookup): number {
  if (e === elements.length) return w;
  const element = elements[e]!;
  if (element.kind === 'gap') {
    for (let skip = 0; skip <= element.max && w + skip <= words.length; skip++) {
      const end = matchElements(elements, e + 1, words, w + skip, mentions);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (w >= words.length) return -1;
  if (element.kind === 'actor') {
    for (const mention of mentions.startingAt(w)) {
      if (mentions.isActorOrPart(mention.actor, element.actor)) {
        const end = matchElements(elements, e + 1, words, mention.end, mentions);
        if (end >= 0) return end;
      }
    }
    return -1;
  }
  if (!wordMatches(element, words[w]!)) return -1;
  return matchElements(elements, e + 1, words, w + 1, mentions);
}

/** Whether any of `patterns` matches somewhere in `words[from, to)`. */
export function matchesAnywhere(patterns: readonly Element[][], words: readonly Word[], from = 0, to = words.length): boolean {
  const slice = from === 0 && to === words.length ? words : words.slice(from, to);
  for (let i = 0; i < slice.length; i++) {
    for (const elements of patterns) if (matchElements(elements, 0, slice, i, NO_MENTIONS) >= 0) return true;
  }
  return false;
}
