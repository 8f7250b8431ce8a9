import type { Knowledge } from './match/knowledge';
import { formatReference } from './hover';
import type { CheckResult, TextEdit } from './types';
import { footnoteDefinitionFor } from './citations/footnotes';
import { markdownParser } from './markdown/parser';

/**
 * The "update references" action: a references section listing every source the document cites
 * (Pandoc style), or the footnote definitions its footnote citations lack (footnote style).
 */

const REFERENCE_TITLES = new Set(['references', 'sources', 'bibliography', 'works cited']);

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

interface Section {
  /** Offset just after the heading line. */
  bodyStart: number;
  /** Offset of the next heading of the same or a higher level, or the end of the document. */
  bodyEnd: number;
}

/** The references section, found by the Markdown parser so that a heading inside code does not count. */
function findReferencesSection(text: string): Section | null {
  const tokens = markdownParser().parse(text, {});
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offsetOfLine = (line: number) => (line < lineStarts.length ? lineStarts[line]! : text.length);
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open' || !open.map) continue;
    const title = tokens[i + 1]?.content.trim().toLowerCase() ?? '';
    if (!REFERENCE_TITLES.has(title)) continue;
    const level = Number(open.tag.slice(1));
    let bodyEnd = text.length;
    for (let k = i + 1; k < tokens.length; k++) {
      const next = tokens[k]!;
      if (next.type === 'heading_open' && next.map && Number(next.tag.slice(1)) <= level) { bodyEnd = offsetOfLine(next.map[0]); break; }
    }
    return { bodyStart: offsetOfLine(open.map[1]), bodyEnd };
  }
  return null;
}

function referencesSectionEdit(knowledge: Knowledge, text: string, result: CheckResult): TextEdit | null {
  const keys = citedKeys(knowledge, result);
  if (!keys.length) return null;
  const section = findReferencesSection(text);
  if (!section) {
    const list = keys.map((k) => entry(knowledge, k)).sort().join('\n');
    const lead = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { start: text.length, end: text.length, newText: `${lead}## References\n\n${list}\n` };
  }
  // Update the entries of known sources in place and add the missing ones; the writer's own lines stay.
  const body = text.slice(section.bodyStart, section.bodyEnd);
  const lines = body.split('\n');
  const missing: string[] = [];
  for (const key of keys) {
    const source = knowledge.sources.get(key)!;
    const wanted = entry(knowledge, key);
    const title = normalizeText(source.title);
    const at = lines.findIndex((line) => /^\s*[-*+]\s/.test(line) && normalizeText(line).includes(title));
    if (at >= 0) lines[at] = wanted;
    else missing.push(wanted);
  }
  if (missing.length) {
    let lastItem = -1;
    lines.forEach((line, i) => { if (/^\s*[-*+]\s/.test(line)) lastItem = i; });
    if (lastItem >= 0) lines.splice(lastItem + 1, 0, ...missing.sort());
    else {
      const firstContent = lines.findIndex((line, i) => i > 0 && line.trim() !== '');
      const insertAt = firstContent < 0 ? Math.min(1, lines.length) : firstContent;
      lines.splice(insertAt, 0, ...(insertAt === 1 && lines[0] === '' ? ['', ...missing.sort(), ''] : [...missing.sort(), '']));
    }
  }
  const newBody = lines.join('\n');
  if (newBody === body) return null;
  return { start: section.bodyStart, end: section.bodyEnd, newText: newBody };
}

function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ');
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
