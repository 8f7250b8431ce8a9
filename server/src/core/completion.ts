import type { Fact } from './facts/model';
import type { Knowledge } from './match/knowledge';
import { escapeMarkdown, formatReference } from './hover';
import { displayValue } from './match/report';
import type { TextEdit } from './types';
import { footnoteDefinitionFor, footnoteLabelFor } from './citations/footnotes';

/**
 * Citation completions (documentation is Markdown, escaped): after "[@", after "@" inside brackets or in running text, and after "[^".
 * Every source and every fact is offered; choosing a fact inserts the key with its locator.
 */
export interface CitationCompletion {
  label: string;
  /** Shown beside the label: the claim of a fact, the title of a source. */
  detail: string;
  /** Markdown: the quote and where it is in the source. */
  documentation: string;
  insertText: string;
  /** The text typed so far that the insertion replaces. */
  replaceStart: number;
  replaceEnd: number;
  filterText: string;
  sortText: string;
  kind: 'source' | 'fact' | 'footnote';
  additionalEdits: TextEdit[];
}

export interface CompletionContext {
  text: string;
  offset: number;
  /** Footnote labels already defined in the document. */
  footnoteLabels: ReadonlySet<string>;
}

const KEY_CHARS = /[A-Za-z0-9_:.#$%&+?<>~/-]/;

function typedBack(text: string, offset: number, allowed: RegExp): number {
  let i = offset;
  while (i > 0 && i > offset - 200 && allowed.test(text[i - 1]!)) i--;
  return i;
}

function quoteDoc(fact: Fact, knowledge: Knowledge): string {
  const source = knowledge.sources.get(fact.sourceKey);
  const values = fact.values.map(displayValue).join('; ');
  const where = `${source ? formatReference(source) : fact.sourceKey}, para. ${fact.paragraph}${values ? ` · ${values}` : ''}`;
  return [`> ${escapeMarkdown(fact.quote)}`, '', escapeMarkdown(where)].join('\n');
}


/** Where "@" opens a citation key: inside brackets, or in running text after a space. */
function atContext(text: string, offset: number): { start: number } | null {
  const start = typedBack(text, offset, KEY_CHARS);
  if (text[start - 1] !== '@') return null;
  const before = text[start - 2];
  if (before !== undefined && /[A-Za-z0-9_.]/.test(before)) return null; // an e-mail address
  return { start };
}

function footnoteContext(text: string, offset: number): { start: number } | null {
  const start = typedBack(text, offset, /[^\s\]^[]/);
  return text.slice(start - 2, start) === '[^' ? { start } : null;
}

export function citationCompletions(knowledge: Knowledge, context: CompletionContext): CitationCompletion[] {
  const { text, offset } = context;
  const at = atContext(text, offset);
  const items: CitationCompletion[] = [];
  if (at) {
    let rank = 0;
    for (const source of knowledge.sources.values()) {
      items.push({
        label: source.key, detail: source.title, documentation: escapeMarkdown(formatReference(source)), insertText: source.key,
        replaceStart: at.start, replaceEnd: offset, filterText: source.key, sortText: `0-${source.key}`, kind: 'source', additionalEdits: [],
      });
      for (const fact of knowledge.facts) {
        if (fact.sourceKey !== source.key) continue;
        const label = `${source.key}, para. ${fact.paragraph}`;
        items.push({
          label, detail: fact.claim, documentation: quoteDoc(fact, knowledge), insertText: label,
          replaceStart: at.start, replaceEnd: offset, filterText: `${source.key} ${fact.claim}`,
          sortText: `1-${String(rank++).padStart(4, '0')}`, kind: 'fact', additionalEdits: [],
        });
      }
    }
    return items;
  }
  const note = footnoteContext(text, offset);
  if (!note) return items;
  const closes = text[offset] === ']';
  for (const label of context.footnoteLabels) {
    items.push({
      label, detail: 'footnote', documentation: '', insertText: closes ? label : `${label}]`,
      replaceStart: note.start, replaceEnd: offset, filterText: label, sortText: `0-${label}`, kind: 'footnote', additionalEdits: [],
    });
  }
  let rank = 0;
  const end = text.length;
  for (const fact of knowledge.facts) {
    const label = footnoteLabelFor(fact);
    if (context.footnoteLabels.has(label)) continue;
    const lead = text.endsWith('\n') ? '\n' : '\n\n';
    items.push({
      label, detail: fact.claim, documentation: quoteDoc(fact, knowledge), insertText: closes ? label : `${label}]`,
      replaceStart: note.start, replaceEnd: offset, filterText: `${label} ${fact.claim}`, sortText: `1-${String(rank++).padStart(4, '0')}`, kind: 'fact',
      additionalEdits: [{ start: end, end, newText: `${lead}${footnoteDefinitionFor(fact, knowledge)}\n` }],
    });
  }
  return items;
}
