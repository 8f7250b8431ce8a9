import type { Knowledge } from './match/knowledge';
import { formatReference } from './hover';
import type { CheckResult, TextEdit } from './types';
import { footnoteDefinitionFor } from './citations/footnotes';

/**
 * The "update references" action: a references section listing every source the document cites
 * (Pandoc style), or the footnote definitions its footnote citations lack (footnote style).
 */

const REFERENCES_HEADING = /^(#{1,6})[ \t]+(references|sources|bibliography|works cited)[ \t]*#*[ \t]*$/im;

function citedKeys(knowledge: Knowledge, result: CheckResult): string[] {
  const keys: string[] = [];
  for (const c of result.citations) for (const s of c.sources) if (knowledge.sources.has(s.key) && !keys.includes(s.key)) keys.push(s.key);
  return keys;
}

function entry(knowledge: Knowledge, key: string): string {
  const source = knowledge.sources.get(key)!;
  return `- ${formatReference(source)}.${source.url ? ` <${source.url}>` : ''}`;
}

export function referencesEdit(knowledge: Knowledge, text: string, result: CheckResult, style: 'pandoc' | 'footnote'): TextEdit | null {
  return style === 'footnote' ? footnoteDefinitionsEdit(knowledge, text, result) : referencesSectionEdit(knowledge, text, result);
}

function referencesSectionEdit(knowledge: Knowledge, text: string, result: CheckResult): TextEdit | null {
  const keys = citedKeys(knowledge, result);
  if (!keys.length) return null;
  const list = keys.map((k) => entry(knowledge, k)).sort().join('\n');
  const heading = REFERENCES_HEADING.exec(text);
  if (!heading) {
    const lead = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { start: text.length, end: text.length, newText: `${lead}## References\n\n${list}\n` };
  }
  const level = heading[1]!.length;
  const bodyStart = heading.index + heading[0].length;
  // The section runs to the next heading of the same or a higher level.
  const next = new RegExp(`^#{1,${level}}[ \\t]`, 'gm');
  next.lastIndex = bodyStart;
  const following = next.exec(text);
  const bodyEnd = following ? following.index : text.length;
  const newBody = `\n\n${list}\n${following ? '\n' : ''}`;
  if (text.slice(bodyStart, bodyEnd) === newBody) return null;
  return { start: bodyStart, end: bodyEnd, newText: newBody };
}

function footnoteDefinitionsEdit(knowledge: Knowledge, text: string, result: CheckResult): TextEdit | null {
  const defined = new Set<string>();
  for (const m of text.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)) defined.add(m[1]!);
  const missing: string[] = [];
  for (const citation of result.citations) {
    const label = citation.label;
    if (citation.kind !== 'footnote' || label === undefined) continue;
    if (defined.has(label) || missing.some((d) => d.startsWith(`[^${label}]:`))) continue;
    const match = /^(.+)-p(\d+)$/.exec(label);
    const key = match ? match[1]! : label;
    const source = knowledge.sources.get(key);
    if (!source) continue;
    const paragraph = match ? Number(match[2]) : null;
    const fact = paragraph === null ? undefined : knowledge.facts.find((f) => f.sourceKey === key && f.paragraph === paragraph);
    missing.push(fact ? footnoteDefinitionFor(fact, knowledge) : `[^${label}]: ${formatReference(source)}.`);
  }
  if (!missing.length) return null;
  const lead = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { start: text.length, end: text.length, newText: `${lead}${missing.join('\n')}\n` };
}
