import type { Fact } from '../facts/model';
import type { Knowledge } from '../match/knowledge';
import { formatReference } from '../hover';

/** Footnote citations of facts: a label per source paragraph, and a definition with the quote. */
export function footnoteLabelFor(fact: Fact): string {
  return `${fact.sourceKey}-p${fact.paragraph}`;
}

export function footnoteDefinitionFor(fact: Fact, knowledge: Knowledge): string {
  const source = knowledge.sources.get(fact.sourceKey);
  return `[^${footnoteLabelFor(fact)}]: ${source ? formatReference(source) : fact.sourceKey}, para. ${fact.paragraph}: “${fact.quote}”`;
}
