import type { Fact } from '../facts/model';
import { foldQuoteText } from './quotations';
import { lastAtOrBefore } from '../text/search';

/** A source's full text, split into paragraphs numbered as the fact base's locators number them. */
export interface SourceText {
  text: string;
  /** The text with quote marks, dashes and spacing folded, for verbatim checks. */
  folded: string;
  /** Start offsets of the paragraphs, in order. */
  paragraphStarts: number[];
  /** Locator number of the first paragraph (the title and byline may come before paragraph 1). */
  firstNumber: number;
}

function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  // Paragraphs are separated by blank lines where the text has them, otherwise by line breaks.
  const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n\s*/g : /\n+/g;
  let at = 0;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  if (at < text.length) starts.push(at);
  for (const m of text.matchAll(separator)) {
    const next = m.index! + m[0].length;
    if (next < text.length) starts.push(next);
  }
  return starts;
}

export function paragraphAt(source: SourceText, offset: number): number {
  const starts = source.paragraphStarts;
  return lastAtOrBefore(starts.length, (i) => starts[i]!, offset) + source.firstNumber;
}

/** Reads a source text; the facts' own locators tell how its paragraphs are numbered. */
export function prepareSourceText(text: string, facts: readonly Fact[]): SourceText {
  const normalized = text.replace(/\r\n?/g, '\n');
  const source: SourceText = { text: normalized, folded: foldQuoteText(normalized), paragraphStarts: paragraphStarts(normalized), firstNumber: 1 };
  for (const fact of facts) {
    const at = normalized.indexOf(fact.quote);
    if (at < 0) continue;
    const index = paragraphAt(source, at) - source.firstNumber;
    source.firstNumber = fact.paragraph - index;
    break;
  }
  return source;
}
