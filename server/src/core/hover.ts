import type { Fact, SourceInfo } from './facts/model';
import type { Knowledge } from './match/knowledge';
import type { CheckResult, Claim, ResolvedCitation } from './types';

/**
 * Hover text for a checked claim: the verbatim quote, where it is in the source, and the verdict.
 * Everything that comes from a draft or a fact base is escaped: a hover never renders links,
 * images, HTML or commands out of data.
 */

const INLINE_SPECIAL = /[\\`*_[\]<>~]/g;

/**
 * Escapes text for a Markdown hover. Only what can start Markdown syntax is escaped, so that the
 * quote stays readable (and searchable) as printed: emphasis, code, links, HTML, autolinks, and
 * block markers at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/^(\s*)([-+#=>|]|\d+(?=[.)]))/gm, (_, space: string, marker: string) => `${space}${/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`}`);
}

function blockQuote(text: string): string {
  return text.split(/\r\n|\r|\n/).map((line) => `> ${escapeMarkdown(line)}`).join('\n');
}

function authorList(authors: readonly string[]): string {
  const surname = (name: string) => name.trim().split(/\s+/).pop() ?? name;
  if (authors.length === 0) return '';
  if (authors.length === 1) return authors[0]!;
  const names = authors.map(surname);
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const references = new WeakMap<SourceInfo, string>();

/** Authors, “Title”, Publisher, Year — as hovers, messages and inserted references write a source. */
export function formatReference(source: SourceInfo): string {
  let reference = references.get(source);
  if (reference === undefined) {
    reference = buildReference(source);
    references.set(source, reference);
  }
  return reference;
}

function buildReference(source: SourceInfo): string {
  const parts: string[] = [];
  const authors = authorList(source.authors);
  if (authors) parts.push(authors);
  parts.push(`“${source.title}”`);
  if (source.publisher) parts.push(source.publisher);
  if (source.year !== undefined) parts.push(String(source.year));
  return parts.join(', ');
}

function verdictLine(claim: Claim): string {
  if (claim.verdict === 'contradicted') return `**Contradicted.** ${escapeMarkdown(claim.explanation ?? 'The source says otherwise.')}`;
  if (claim.verdict === 'supported') return '**Supported** by the source.';
  return 'The source states this event; the sentence gives no date or figure to compare.';
}

function claimSection(knowledge: Knowledge, fact: Fact, claim: Claim): string {
  const source = knowledge.sources.get(fact.sourceKey);
  const where = `para. ${fact.paragraph}${fact.page !== undefined ? `, p. ${fact.page}` : ''}`;
  const reference = source ? `${escapeMarkdown(formatReference(source))}, ${where} · \`@${escapeMarkdown(source.key).replace(/`/g, '')}\`` : where;
  return [verdictLine(claim), '', blockQuote(fact.quote), '', `— ${reference}`].join('\n');
}

/** Claims whose sentence covers the offset; those whose compared value covers it come first. */
export function claimsAt(result: CheckResult, offset: number): Claim[] {
  const hits = result.claims.filter((c) => c.start <= offset && offset <= c.end);
  const onValue = (c: Claim) => c.values.some((v) => v.start <= offset && offset <= v.end);
  return hits.sort((a, b) => Number(onValue(b)) - Number(onValue(a)) || rank(a) - rank(b));
}

function rank(claim: Claim): number {
  return claim.verdict === 'contradicted' ? 0 : claim.verdict === 'supported' ? 1 : 2;
}

export interface HoverText {
  markdown: string;
  start: number;
  end: number;
}

/** The reference of each cited source and, with a locator, the quotes of the facts in that paragraph. */
function citationHover(knowledge: Knowledge, citation: ResolvedCitation): string | null {
  const sections: string[] = [];
  for (const cited of citation.sources) {
    const source = knowledge.sources.get(cited.key);
    if (!source) continue;
    const lines = [`**@${escapeMarkdown(source.key)}** · ${escapeMarkdown(formatReference(source))}${source.url ? ` · ${escapeMarkdown(source.url)}` : ''}`];
    const locator = cited.locator;
    if (locator?.kind === 'paragraph') {
      const facts = knowledge.facts.filter((f) => f.sourceKey === source.key && f.paragraph >= locator.from && f.paragraph <= locator.to);
      const where = locator.from === locator.to ? `para. ${locator.from}` : `paras. ${locator.from}–${locator.to}`;
      if (!facts.length) lines.push('', `The fact base has no fact in ${where}.`);
      const quotes = [...new Set(facts.map((f) => f.quote))];
      for (const quote of quotes) lines.push('', blockQuote(quote));
      if (quotes.length) lines.push('', `— ${where}`);
    } else {
      const count = knowledge.facts.filter((f) => f.sourceKey === source.key).length;
      lines.push('', `${count} fact${count === 1 ? '' : 's'} in the fact base. Add a locator (\[@${escapeMarkdown(source.key)}, para. N\]) to see its quotes here.`);
    }
    sections.push(lines.join('\n'));
  }
  return sections.length ? `**Policy Fact Check** · citation\n\n${sections.join('\n\n---\n\n')}` : null;
}

export function hoverAt(knowledge: Knowledge, result: CheckResult, offset: number): HoverText | null {
  const citation = result.citations.find((c) => c.start <= offset && offset < c.end);
  if (citation) {
    const markdown = citationHover(knowledge, citation);
    if (markdown) return { markdown, start: citation.start, end: citation.end };
  }
  const claims = claimsAt(result, offset);
  if (!claims.length) return null;
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const claim of claims) {
    if (seen.has(claim.factId) || sections.length >= 3) continue;
    const index = knowledge.factIndex.get(claim.factId);
    if (index === undefined) continue;
    seen.add(claim.factId);
    sections.push(claimSection(knowledge, knowledge.facts[index]!, claim));
  }
  if (!sections.length) return null;
  const first = claims[0]!;
  const value = first.values.find((v) => v.start <= offset && offset <= v.end);
  return {
    markdown: `**Policy Fact Check**\n\n${sections.join('\n\n---\n\n')}`,
    start: value?.start ?? first.start,
    end: value?.end ?? first.end,
  };
}
