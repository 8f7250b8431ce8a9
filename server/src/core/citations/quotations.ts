import { editDistance } from '../text/editDistance';

/**
 * Quotations in prose ("…", “…”, ‘…’, '…'), and whether a quotation's words are a source's words,
 * allowing for quote-mark style, whitespace, marked elisions (..., …, […]) and [bracketed] insertions.
 */

export interface Quotation {
  /** The quotation marks included. */
  start: number;
  end: number;
  /** The quoted words. */
  innerStart: number;
  innerEnd: number;
}

const PAIRS: Record<string, string> = { '\u201c': '\u201d', '"': '"', '\u2018': '\u2019', "'": "'" };

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

export function findQuotations(text: string, from = 0, to = text.length): Quotation[] {
  const out: Quotation[] = [];
  let i = from;
  while (i < to) {
    const open = text[i]!;
    const close = PAIRS[open];
    if (!close) { i++; continue; }
    const single = open === "'" || open === '\u2018';
    // A single mark inside a word is an apostrophe (Russia's, Kim’s); before a digit it elides a century ('90s).
    if (single && (isLetter(text[i - 1]) || /\d/.test(text[i + 1] ?? ''))) { i++; continue; }
    if (!isLetter(text[i + 1]) && !/[.…[(]/.test(text[i + 1] ?? '')) { i++; continue; }
    let j = i + 1;
    let found = -1;
    while (j < to && j < i + 2000) {
      if (text[j] === close && !(single && isLetter(text[j + 1]) && isLetter(text[j - 1]))) { found = j; break; }
      j++;
    }
    if (found < 0) { i++; continue; }
    if (found - i > 2) out.push({ start: i, end: found + 1, innerStart: i + 1, innerEnd: found });
    i = found + 1;
  }
  return out;
}

/**
 * Folds what a quotation may change without misquoting: quote marks (single and double alike,
 * since a quotation inside a quotation swaps them), dashes, spacing.
 */
export function foldQuoteText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b\u2032`\u201c\u201d\u201f\u2033"]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ELISION = /\s*(?:\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|(?:\.\s*){3}|…)\s*/g;
const INSERTION = /\[[^\]]{1,60}\]/g;

/** A pattern for the quotation: elisions may stand for any passage, insertions for a few words. */
export function quotationPattern(quote: string): RegExp | null {
  const folded = foldQuoteText(quote);
  const parts = folded.split(ELISION).filter((p) => p.trim());
  if (!parts.length) return null;
  const body = parts.map((part) => part.split(INSERTION).map((literal) => escapeRegExp(literal.trim()).replace(/ /g, '\\s+')).join('.{0,80}?')).join('[\\s\\S]{0,4000}?');
  // The first letter may change case where the quotation starts a sentence of the draft.
  const head = body.replace(/^([A-Za-z])/, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
  try {
    return new RegExp(head);
  } catch {
    return null;
  }
}

export function quotationInSource(quote: string, foldedSource: string): boolean {
  const pattern = quotationPattern(quote);
  return pattern !== null && pattern.test(foldedSource);
}

export interface Passage {
  start: number;
  end: number;
  text: string;
  /** 1 minus the word edits needed to turn the quotation into the passage, per word (0..1). */
  similarity: number;
  /** Length of the passage in words. */
  words: number;
}

function words(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  for (const m of text.matchAll(re)) out.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** The passage of the source closest to the quotation, by words in common, in order. */
export function closestPassage(quote: string, source: string): Passage | null {
  const quoteWords = words(foldQuoteText(quote).replace(ELISION, ' ').replace(INSERTION, ' ')).map((w) => w.word);
  if (!quoteWords.length) return null;
  const sourceWords = words(source);
  if (!sourceWords.length) return null;
  const n = quoteWords.length;
  const wanted = new Set(quoteWords);
  let best: Passage | null = null;
  for (let i = 0; i < sourceWords.length; i++) {
    // Windows start on a word of the quotation; the window is as long as the quotation, give or take.
    if (!wanted.has(sourceWords[i]!.word)) continue;
    for (const length of [n - 1, n, n + 1, n + 2]) {
      if (length < 1 || i + length > sourceWords.length) continue;
      const window = sourceWords.slice(i, i + length);
      const distance = editDistance(quoteWords, window.map((w) => w.word));
      const similarity = 1 - distance / Math.max(n, length);
      // Fewest edits; on a tie, the window as long as the quotation ("… Cold War partners" for "… Cold War enemies").
      const better = !best || similarity > best.similarity + 1e-9
        || (Math.abs(similarity - best.similarity) <= 1e-9 && Math.abs(length - n) < Math.abs(best.words - n));
      if (better) {
        const start = window[0]!.start;
        const end = window[window.length - 1]!.end;
        best = { start, end, text: source.slice(start, end), similarity, words: length };
      }
    }
  }
  return best;
}
