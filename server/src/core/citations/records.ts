import type { ValueKind } from '../values/types';
import type { Verdict } from '../types';
import type { Citation, Locator } from './syntax';
import type { Quotation } from './quotations';

/**
 * What the citation checks need to know about a sentence, kept per chunk so that the checks
 * themselves (which depend on footnotes anywhere in the document) run without re-analysing prose.
 */
export interface SentenceRecord {
  start: number;
  end: number;
  /** Where an inserted citation goes: before the sentence's closing punctuation. */
  insertAt: number;
  citations: Citation[];
  facts: Array<{ factId: string; verdict: Verdict }>;
  /** Checkable values written in the sentence (dates, figures, votes). */
  values: Array<{ start: number; end: number; kind: ValueKind; text: string; aboutPublication?: boolean }>;
  quotations: Quotation[];
  /** The sentence's text, kept when it has quotations: to tell whose words they are. */
  text?: string;
  /** Where the sentence stands: a footnote definition and a heading cite differently from running prose. */
  context?: 'paragraph' | 'heading' | 'tableRow' | 'footnote';
}

/** A footnote definition ([^id]: ...), with what it cites. */
export interface FootnoteDefinition {
  label: string;
  start: number;
  end: number;
  text: string;
  /** @keys written in the definition, with their ranges. */
  citations: Citation[];
  /** The first paragraph locator of the definition. */
  locator: Locator | null;
}

export function shiftCitation(c: Citation, map: (offset: number, side: 'start' | 'end') => number): Citation {
  const out: Citation = {
    ...c,
    start: map(c.start, 'start'),
    end: map(c.end, 'end'),
    keys: c.keys.map((k) => ({
      key: k.key,
      start: map(k.start, 'start'),
      end: map(k.end, 'end'),
      locator: k.locator ? { ...k.locator, start: map(k.locator.start, 'start'), end: map(k.locator.end, 'end') } : null,
    })),
  };
  return out;
}

export function mapRecord(record: SentenceRecord, map: (offset: number, side: 'start' | 'end') => number): SentenceRecord {
  const out: SentenceRecord = {
    ...record,
    start: map(record.start, 'start'),
    end: map(record.end, 'end'),
    insertAt: map(record.insertAt, 'start'),
    citations: record.citations.map((c) => shiftCitation(c, map)),
    values: record.values.map((v) => ({ ...v, start: map(v.start, 'start'), end: map(v.end, 'end') })),
    quotations: record.quotations.map((q) => ({ start: map(q.start, 'start'), end: map(q.end, 'end'), innerStart: map(q.innerStart, 'start'), innerEnd: map(q.innerEnd, 'end') })),
  };
  return out;
}

export function mapFootnote(def: FootnoteDefinition, map: (offset: number, side: 'start' | 'end') => number): FootnoteDefinition {
  return {
    ...def,
    start: map(def.start, 'start'),
    end: map(def.end, 'end'),
    citations: def.citations.map((c) => shiftCitation(c, map)),
    locator: def.locator ? { ...def.locator, start: map(def.locator.start, 'start'), end: map(def.locator.end, 'end') } : null,
  };
}
