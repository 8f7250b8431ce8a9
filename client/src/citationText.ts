import type { FactSummary } from '../../server/src/lsp/protocol';

/** The text Insert Citation… writes, in the style the user chose. Pure, so it is easy to test. */

export function pandocCitation(fact: FactSummary): string {
  return `[@${fact.sourceKey}, para. ${fact.paragraph}]`;
}

/** One footnote per source paragraph: citing the same paragraph again reuses it. */
export function footnoteId(fact: FactSummary): string {
  return `${fact.sourceKey}-p${fact.paragraph}`.replace(/[\s\]^]+/g, '-');
}

export function footnoteReference(fact: FactSummary): string {
  return `[^${footnoteId(fact)}]`;
}

export function footnoteDefinition(fact: FactSummary): string {
  return `${footnoteReference(fact)}: ${fact.reference}, para. ${fact.paragraph}: “${fact.quote}”`;
}

export function hasFootnoteDefinition(documentText: string, fact: FactSummary): boolean {
  const reference = footnoteReference(fact);
  return documentText.split(/\r?\n/).some((line) => line.trimStart().startsWith(`${reference}:`));
}

/** What to append so that the definition sits on a line of its own after a blank line. */
export function footnoteDefinitionAppendix(documentText: string, fact: FactSummary, eol: string): string {
  const separator = documentText === '' ? '' : documentText.endsWith(`${eol}${eol}`) ? '' : documentText.endsWith(eol) ? eol : `${eol}${eol}`;
  return `${separator}${footnoteDefinition(fact)}${eol}`;
}
