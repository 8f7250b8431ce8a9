/** Helpers for the value extractor, comparison and rendering tests. */
import { tokenize, type Token } from '../../server/src/core/text/tokens';
import { extractValues, type Extracted } from '../../server/src/core/values/extract';
import { renderDate, renderQuantity, renderVote } from '../../server/src/core/values/render';
import type { Value } from '../../server/src/core/values/types';

export interface Found {
  /** The value as written, from its first token to its last. */
  text: string;
  value: Value;
  extracted: Extracted;
}

export interface Extraction {
  sentence: string;
  tokens: Token[];
  values: Found[];
}

export function extract(sentence: string): Extraction {
  const tokens = tokenize(sentence);
  const values = extractValues(tokens, 0, tokens.length).map((extracted) => ({
    text: sentence.slice(tokens[extracted.first]!.start, tokens[extracted.last - 1]!.end),
    value: extracted.value,
    extracted,
  }));
  return { sentence, tokens, values };
}

/** The values of a sentence as `text` → value, for deep comparisons. */
export function valuesOf(sentence: string): Array<{ text: string; value: Value }> {
  return extract(sentence).values.map(({ text, value }) => ({ text, value }));
}

/** The one value of `sentence` written as `phrase`; throws when there is none. */
export function valueAt(sentence: string, phrase: string): Found & { extraction: Extraction } {
  const extraction = extract(sentence);
  const found = extraction.values.find((v) => v.text === phrase);
  if (!found) throw new Error(`no value written "${phrase}" in "${sentence}"; found ${JSON.stringify(extraction.values.map((v) => v.text))}`);
  return { ...found, extraction };
}

/** The source's value rendered in the way `sentence` wrote `phrase`. */
export function renderAs(sentence: string, phrase: string, source: Value): string {
  const { extraction, extracted } = valueAt(sentence, phrase);
  const { tokens } = extraction;
  if (source.kind === 'date') return renderDate(sentence, tokens, extracted, source.date);
  if (source.kind === 'vote') return renderVote(sentence, tokens, extracted, source.position);
  return renderQuantity(sentence, tokens, extracted, source);
}
