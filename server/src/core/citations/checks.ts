import type { Fact, SourceInfo } from '../facts/model';
import type { Knowledge } from '../match/knowledge';
import type { Finding, ResolvedCitation } from '../types';
import { formatReference } from '../hover';
import { closestPassage, quotationInSource } from './quotations';
import type { FootnoteDefinition, SentenceRecord } from './records';
import { paragraphAt } from './sourceText';
import { editDistance } from '../text/editDistance';
import type { Citation, Locator } from './syntax';
import { footnoteDefinitionFor, footnoteLabelFor } from './footnotes';

/**
 * The citation checks: unknown keys, citations that do not hold (unsupported, wrong locator,
 * misquote) and claims that cite nothing. They run over the whole document after the chunks are
 * analysed, because footnote definitions can be anywhere.
 */
export interface CitationOptions {
  /** Keys from configured bibliographies (BibTeX, CSL-JSON): known, though not checkable. */
  bibliographyKeys?: ReadonlySet<string>;
  /** How an inserted citation is written. */
  style?: 'pandoc' | 'footnote';
  /** Length of the document: footnote definitions are appended at its end. */
  documentLength: number;
  /** Whether the document ends with a line break. */
  endsWithNewline?: boolean;
}

/** How far a mistyped key is from a known one; keys of very different lengths are not compared. */
function keyDistance(a: string, b: string): number {
  return Math.abs(a.length - b.length) > 3 ? Number.POSITIVE_INFINITY : editDistance(a, b);
}

function normalizeTitle(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ');
}

interface SourceNames {
  key: string;
  /** The title as compared with footnote text, and its part before a subtitle. */
  title: string;
  shortTitle: string;
  url: string | null;
  surnames: RegExp[];
}

const namesByKnowledge = new WeakMap<Knowledge, SourceNames[]>();

/** How each source may be named in prose and footnotes, worked out once per knowledge. */
function sourceNames(knowledge: Knowledge): SourceNames[] {
  let names = namesByKnowledge.get(knowledge);
  if (!names) {
    names = [...knowledge.sources.values()].map((source) => {
      const title = normalizeTitle(source.title);
      return {
        key: source.key,
        title,
        shortTitle: title.split(/\s[-–:]\s/)[0]!,
        url: source.url ? source.url.toLowerCase() : null,
        surnames: source.authors.map((a) => a.trim().split(/\s+/).pop()!).filter((s) => s.length > 2)
          .map((s) => new RegExp(`\\b${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)),
      };
    });
    namesByKnowledge.set(knowledge, names);
  }
  return names;
}

/**
 * Remembers what `compute` gives for a key, per knowledge; a document's worth of keys and then some:
 * past `limit` entries the memo starts again.
 */
function memoPerKnowledge<V>(limit: number): (knowledge: Knowledge, key: string, compute: () => V) => V {
  const byKnowledge = new WeakMap<Knowledge, Map<string, V>>();
  return (knowledge, key, compute) => {
    let known = byKnowledge.get(knowledge);
    if (!known) {
      known = new Map();
      byKnowledge.set(knowledge, known);
    }
    if (known.has(key)) return known.get(key)!;
    const value = compute();
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}

const rememberedFootnoteSources = memoPerKnowledge<string[]>(10000);

/**
 * The sources a footnote definition cites: by @key, by title or by URL. Every reference to a
 * definition asks, at every check, and a definition moves (a new object) whenever text before it
 * changes: worked out once per definition text, which is all they depend on.
 */
function footnoteSources(knowledge: Knowledge, def: FootnoteDefinition): string[] {
  return rememberedFootnoteSources(knowledge, def.text, () => citedInFootnote(knowledge, def));
}

function citedInFootnote(knowledge: Knowledge, def: FootnoteDefinition): string[] {
  const keys = new Set<string>();
  for (const c of def.citations) for (const k of c.keys) keys.add(k.key);
  const text = normalizeTitle(def.text);
  for (const source of sourceNames(knowledge)) {
    // Titles are often cited without their subtitle ("North Korea Pokes The Polarization Bear").
    if ((source.shortTitle.length >= 12 && text.includes(source.shortTitle)) || (source.url && text.includes(source.url))) keys.add(source.key);
  }
  return [...keys];
}

/** A citation `by` characters later than its record says (see RecordGroup); a footnote's definition is where it is. */
function resolve(knowledge: Knowledge, citation: Citation, footnotes: ReadonlyMap<string, FootnoteDefinition>, by: number): ResolvedCitation {
  if (citation.kind === 'footnote') {
    const def = citation.label !== undefined ? footnotes.get(citation.label) : undefined;
    // An undefined footnote named after a source ([^frassineti2022-p4]) still says what it cites.
    const named = /^(.+?)(?:-p\d+)?$/.exec(citation.label ?? '')?.[1];
    const sources = def
      ? footnoteSources(knowledge, def).map((key) => ({ key, locator: def.locator }))
      : named && knowledge.sources.has(named) ? [{ key: named, locator: null }] : [];
    return { start: citation.start + by, end: citation.end + by, kind: 'footnote', sources, label: citation.label };
  }
  const sources = citation.keys.map((k) => ({
    key: k.key,
    locator: k.locator && by ? { ...k.locator, start: k.locator.start + by, end: k.locator.end + by } : k.locator,
    keyStart: k.start + by,
    keyEnd: k.end + by,
  }));
  return { start: citation.start + by, end: citation.end + by, kind: citation.kind, sources };
}

function factsOf(knowledge: Knowledge, record: SentenceRecord, key: string): Fact[] {
  const out: Fact[] = [];
  for (const f of record.facts) {
    const index = knowledge.factIndex.get(f.factId);
    const fact = index === undefined ? undefined : knowledge.facts[index];
    if (fact && fact.sourceKey === key && f.verdict !== 'unchecked') out.push(fact);
  }
  return out;
}

function locatorText(locator: Locator): string {
  return locator.from === locator.to ? String(locator.from) : `${locator.from}–${locator.to}`;
}


function uncitedFix(knowledge: Knowledge, record: SentenceRecord, by: number, fact: Fact, options: CitationOptions, footnotes: ReadonlyMap<string, FootnoteDefinition>, added: Set<string>): Finding['fixes'] {
  if (options.style === 'footnote') {
    const label = footnoteLabelFor(fact);
    const edits = [{ start: record.end + by, end: record.end + by, newText: `[^${label}]` }];
    if (!footnotes.has(label) && !added.has(label)) {
      const lead = options.endsWithNewline === false ? '\n\n' : '\n';
      edits.push({ start: options.documentLength, end: options.documentLength, newText: `${lead}${footnoteDefinitionFor(fact, knowledge)}\n` });
    }
    return [{ title: `Cite ${fact.sourceKey}, para. ${fact.paragraph} in a footnote`, edits }];
  }
  return [{ title: `Cite [@${fact.sourceKey}, para. ${fact.paragraph}]`, edits: [{ start: record.insertAt + by, end: record.insertAt + by, newText: ` [@${fact.sourceKey}, para. ${fact.paragraph}]` }] }];
}

function sourceOfQuote(knowledge: Knowledge, record: SentenceRecord, cited: readonly string[]): string[] {
  const keys = new Set(cited.filter((k) => knowledge.sourceTexts.has(k)));
  if (record.text) {
    for (const source of sourceNames(knowledge)) {
      if (knowledge.sourceTexts.has(source.key) && source.surnames.some((s) => s.test(record.text!))) keys.add(source.key);
    }
  }
  return [...keys];
}

type ClosestPassage = { key: string; passage: NonNullable<ReturnType<typeof closestPassage>> };

const rememberedQuoteLookups = memoPerKnowledge<ClosestPassage | 'verbatim' | null>(10000);

/**
 * Whether the sources say these words verbatim, else their closest passage. The search is the
 * dearest part of the citation checks, which run over the whole document at every edit, while a
 * quotation's words rarely change: looked up once per quotation and sources.
 */
function lookUpQuote(knowledge: Knowledge, quote: string, keys: readonly string[]): ClosestPassage | 'verbatim' | null {
  return rememberedQuoteLookups(knowledge, `${keys.join('\u0000')}\u0001${quote}`, () => {
    const sources = keys.map((key) => ({ key, text: knowledge.sourceTexts.get(key)! }));
    if (sources.some((s) => quotationInSource(quote, s.text.folded))) return 'verbatim';
    let found: ClosestPassage | null = null;
    for (const s of sources) {
      const passage = closestPassage(quote, s.text.text);
      if (passage && (!found || passage.similarity > found.passage.similarity)) found = { key: s.key, passage };
    }
    return found;
  });
}

function misquotes(knowledge: Knowledge, record: SentenceRecord, by: number, keys: readonly string[], out: Finding[]): void {
  if (!record.quotations.length || !keys.length || !record.text) return;
  for (const q of record.quotations) {
    const quote = record.text.slice(q.innerStart - record.start, q.innerEnd - record.start);
    if (!/[\p{L}\p{N}]/u.test(quote)) continue;
    // A source's title in quotation marks ("North Korea Pokes the Polarization Bear") is a reference, not a quotation of the text.
    const quoted = normalizeTitle(quote);
    if (sourceNames(knowledge).some((source) => keys.includes(source.key) && source.title.includes(quoted))) continue;
    const found = lookUpQuote(knowledge, quote, keys);
    if (found === 'verbatim') continue;
    const best = found;
    const paragraph = best ? paragraphAt(knowledge.sourceTexts.get(best.key)!, best.passage.start) : 0;
    const where = best ? (paragraph >= 1 ? `${best.key}, para. ${paragraph}` : `${best.key}, before the first paragraph`) : keys.join(', ');
    const message = best && best.passage.similarity >= 0.5
      ? `These words are not in @${best.key}. The closest passage (${where}) reads: “${best.passage.text}”.`
      : `These words are not in @${keys.join(', @')}.`;
    const fixes = best && best.passage.similarity >= 0.6
      ? [{ title: `Quote the source’s words (${where})`, edits: [{ start: q.innerStart + by, end: q.innerEnd + by, newText: best.passage.text }] }]
      : [];
    out.push({ code: 'misquote', severity: 'warning', start: q.innerStart + by, end: q.innerEnd + by, message, fixes });
  }
}

export interface CitationCheckResult {
  findings: Finding[];
  citations: ResolvedCitation[];
}

/**
 * The sentence records of one chunk as the chunk's analysis left them, and how far the chunk has
 * moved since (text before it grew or shrank): the checks place what they report, so that typing
 * does not copy every record after the edit to move it.
 */
export interface RecordGroup {
  records: readonly SentenceRecord[];
  by: number;
}

export function checkCitations(knowledge: Knowledge, groups: readonly RecordGroup[], footnoteList: readonly FootnoteDefinition[], options: CitationOptions): CitationCheckResult {
  const findings: Finding[] = [];
  const citations: ResolvedCitation[] = [];
  const footnotes = new Map(footnoteList.map((d) => [d.label, d]));
  const known = (key: string) => knowledge.sources.has(key) || options.bibliographyKeys?.has(key) === true;
  const unknownKey = (key: string, start: number, end: number) => {
    const suggestion = [...knowledge.sources.keys(), ...(options.bibliographyKeys ?? [])].map((k) => ({ k, d: keyDistance(key, k) })).filter((x) => x.d <= 2).sort((a, b) => a.d - b.d)[0];
    findings.push({
      code: 'unknown-citation', severity: 'warning', start, end,
      message: `Unknown citation key “@${key}”: no loaded fact base or bibliography defines it.${suggestion ? ` Did you mean @${suggestion.k}?` : ''}`,
      fixes: suggestion ? [{ title: `Change to @${suggestion.k}`, edits: [{ start, end, newText: suggestion.k }] }] : [],
    });
  };
  const addedFootnotes = new Set<string>();
  for (const { records, by } of groups) for (const record of records) {
    const resolved = record.citations.map((c) => resolve(knowledge, c, footnotes, by));
    for (const r of resolved) citations.push(r);
    for (const r of resolved) {
      for (const s of r.sources) {
        if (r.kind !== 'footnote' && !known(s.key)) {
          unknownKey(s.key, s.keyStart ?? r.start, s.keyEnd ?? r.end);
          continue;
        }
        if (!knowledge.sources.has(s.key)) continue;
        const facts = factsOf(knowledge, record, s.key);
        if (!facts.length) {
          const claimed = record.values.filter((v) => !v.aboutPublication);
          if (claimed.length) {
            const shown = claimed.slice(0, 3).map((v) => `“${v.text}”`).join(', ');
            findings.push({
              code: 'unsupported-citation', severity: 'warning', start: r.start, end: r.end,
              message: `@${s.key} does not state this: none of its facts gives ${shown} for what this sentence says.`,
              fixes: [],
            });
          }
          continue;
        }
        const locator = s.locator;
        if (locator?.kind === 'paragraph' && !facts.some((f) => f.paragraph >= locator.from && f.paragraph <= locator.to)) {
          const paragraph = facts[0]!.paragraph;
          findings.push({
            code: 'wrong-locator', severity: 'information', start: locator.start, end: locator.end,
            message: `@${s.key} makes this claim in para. ${paragraph}, not para. ${locatorText(locator)}.`,
            factId: facts[0]!.id,
            fixes: [{ title: `Change the locator to para. ${paragraph}`, edits: [{ start: locator.start, end: locator.end, newText: String(paragraph) }] }],
          });
        }
      }
    }
    // Headings and footnote definitions are not where a writer cites.
    if (!record.citations.length && (record.context === undefined || record.context === 'paragraph' || record.context === 'tableRow')) {
      const claim = record.facts.find((f) => f.verdict !== 'unchecked');
      const index = claim ? knowledge.factIndex.get(claim.factId) : undefined;
      const fact = index === undefined ? undefined : knowledge.facts[index];
      if (fact) {
        const source: SourceInfo | undefined = knowledge.sources.get(fact.sourceKey);
        findings.push({
          code: 'uncited-claim', severity: 'hint', start: record.start + by, end: record.end + by, factId: fact.id,
          message: `This claim is in ${source ? formatReference(source) : fact.sourceKey}, para. ${fact.paragraph}, but the sentence cites nothing.`,
          fixes: uncitedFix(knowledge, record, by, fact, options, footnotes, addedFootnotes),
        });
        if (options.style === 'footnote') addedFootnotes.add(footnoteLabelFor(fact));
      }
    }
    if (record.quotations.length) {
      const citedKeys = resolved.flatMap((r) => r.sources.map((source) => source.key));
      misquotes(knowledge, record, by, sourceOfQuote(knowledge, record, citedKeys), findings);
    }
  }
  return { findings, citations };
}
