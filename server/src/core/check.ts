import { resplitChunks, type ChunkSplit, type DocumentText, type TextChange } from './markdown/chunks';
import { extractProse, textToSource, type ProseBlock } from './markdown/prose';
import { changedLabels, mayReferTo, sameLabels } from './markdown/labelChanges';
import { parserEnv, type DocumentLabels } from './markdown/parser';
import { analyzeBlock } from './match/analyze';
import type { Knowledge } from './match/knowledge';
import { reportBlock } from './match/report';
import type { CheckResult, Claim, Finding } from './types';
import { checkCitations, type RecordGroup } from './citations/checks';
import { mapFootnote, mapRecord, type FootnoteDefinition, type SentenceRecord } from './citations/records';
import { findCitations, parseLocator } from './citations/syntax';

/** Where a chunk's results are in the document: offsets as if the chunk started at `start`. */
interface Placed {
  start: number;
  findings: Finding[];
  claims: Claim[];
  footnotes: FootnoteDefinition[];
}

/**
 * Results of one chunk, in document offsets for where the chunk stood when it was analysed: reused
 * as they are while it stays there (no copy), and moved when text before it grows or shrinks.
 */
interface ChunkResult extends Placed {
  sentences: number;
  /** Never moved: the citation checks are told how far the chunk has moved (see RecordGroup). */
  records: SentenceRecord[];
  /** The same results moved to where the chunk last stood, reused while it stays there. */
  moved?: Placed;
}

function place(result: ChunkResult, start: number): Placed {
  if (start === result.start) return result;
  if (result.moved?.start === start) return result.moved;
  const by = start - result.start;
  const move = (offset: number) => offset + by;
  result.moved = {
    start,
    findings: result.findings.map((f) => ({ ...f, start: f.start + by, end: f.end + by, fixes: f.fixes.length ? f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => shift(e, by)) })) : f.fixes })),
    claims: result.claims.map((c) => ({ ...c, start: c.start + by, end: c.end + by, values: c.values.map((v) => shift(v, by)) })),
    footnotes: result.footnotes.length ? result.footnotes.map((f) => mapFootnote(f, move)) : result.footnotes,
  };
  return result.moved;
}

/**
 * Results of the chunks of the last check of one document, keyed by chunk text: an edit re-analyses
 * only the chunks it changed. Owned by the caller (one per open document); plain data.
 */
export interface ChunkCache {
  knowledge: Knowledge | null;
  /** The document labels the cached results were parsed with. */
  labels: DocumentLabels | null;
  chunks: Map<string, ChunkResult>;
  /**
   * The chunks of the check before the last one: a character typed and deleted again, or an undo,
   * brings back a chunk text seen one check ago. Mostly the same objects as `chunks`, so it costs
   * only the chunks that changed.
   */
  older: Map<string, ChunkResult>;
  /** The last text's split into chunks: after an edit only the chunks around it are parsed again. */
  split: ChunkSplit | null;
  /** The texts of the split's chunks. */
  sources: string[];
  /** The parser environment of `labels`, built when a chunk is first parsed with them (chunks read it, never write it). */
  env: Record<string, unknown> | null;
}

export function createChunkCache(): ChunkCache {
  return { knowledge: null, labels: null, chunks: new Map(), older: new Map(), split: null, sources: [], env: null };
}

/**
 * The texts of a split's chunks. A chunk the edit left alone keeps the previous check's string:
 * no copy, and its hash is already known, so looking its results up by text costs nothing like
 * hashing the whole document again.
 */
function chunkSources(text: DocumentText, split: ChunkSplit, previous: readonly string[]): string[] {
  const sources: string[] = new Array(split.doc.chunks.length);
  split.doc.chunks.forEach((chunk, c) => {
    const was = split.previousIndex?.[c] ?? -1;
    sources[c] = was >= 0 && previous[was] !== undefined ? previous[was]! : text.slice(chunk.start, chunk.end);
  });
  return sources;
}

export interface CheckOptions {
  /** Documents longer than this (in UTF-16 code units) get one notice instead of a check. */
  maxDocumentSize?: number;
  /** Citation keys from configured bibliographies: known, though not checkable. */
  bibliographyKeys?: ReadonlySet<string>;
  /** How inserted citations are written. */
  citationStyle?: 'pandoc' | 'footnote';
}

export const DEFAULT_MAX_DOCUMENT_SIZE = 5 * 1024 * 1024;

function mapBlockResults(block: ProseBlock, findings: Finding[], claims: Claim[], records: SentenceRecord[], into: ChunkResult): void {
  const at = into.start;
  const start = (offset: number) => at + textToSource(block, offset, 'start');
  const end = (offset: number) => at + textToSource(block, offset, 'end');
  const map = (offset: number, side: 'start' | 'end') => at + textToSource(block, offset, side);
  const context = block.footnote !== null ? 'footnote' : block.kind;
  for (const r of records) into.records.push({ ...mapRecord(r, map), context });
  for (const f of findings) {
    into.findings.push({
      ...f,
      start: start(f.start),
      end: end(f.end),
      fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ start: start(e.start), end: end(e.end), newText: e.newText })) })),
    });
  }
  for (const c of claims) {
    into.claims.push({ ...c, start: start(c.start), end: end(c.end), values: c.values.map((v) => ({ ...v, start: start(v.start), end: end(v.end) })) });
  }
}

function footnoteDefinition(block: ProseBlock, label: string, at: number): FootnoteDefinition {
  const map = (offset: number, side: 'start' | 'end') => at + textToSource(block, offset, side);
  const locator = parseLocator(block.text, 0, block.text.length);
  return mapFootnote({ label, start: 0, end: block.text.length, text: block.text, citations: findCitations(block.text), locator }, map);
}

/** Analyses one chunk that starts at `start` in the document. */
function checkChunk(knowledge: Knowledge, source: string, start: number, labels: DocumentLabels, env: Record<string, unknown>): ChunkResult {
  const result: ChunkResult = { start, findings: [], claims: [], records: [], footnotes: [], sentences: 0 };
  let lastFootnote: string | null = null;
  for (const block of extractProse(source, labels, env)) {
    // A footnote's first paragraph says what it cites.
    if (block.footnote !== null && block.footnote !== lastFootnote) result.footnotes.push(footnoteDefinition(block, block.footnote, start));
    lastFootnote = block.footnote;
    const analysis = analyzeBlock(knowledge, block.text, block.context, block.footnoteRefs);
    result.sentences += analysis.sentenceCount;
    if (!analysis.sentences.length) continue;
    const report = reportBlock(knowledge, block.text, analysis);
    mapBlockResults(block, report.findings, report.claims, report.records, result);
  }
  return result;
}

function withoutReferrers(results: Map<string, ChunkResult>, labels: DocumentLabels): Map<string, ChunkResult> {
  const kept = new Map<string, ChunkResult>();
  for (const [source, result] of results) if (!mayReferTo(source, labels)) kept.set(source, result);
  return kept;
}

function shift<T extends { start: number; end: number }>(item: T, by: number): T {
  return { ...item, start: item.start + by, end: item.end + by };
}

/**
 * Checks a Markdown document against the knowledge compiled from the fact bases. `text` is a
 * string or a text kept in pieces (see PieceText), of which only the edited chunks are read;
 * `change` says where it differs from the text the cache last saw, when the caller knows.
 */
export function checkDocument(knowledge: Knowledge, text: DocumentText, cache: ChunkCache = createChunkCache(), options: CheckOptions = {}, change?: TextChange): CheckResult {
  const limit = options.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  if (text.length > limit) {
    // The next check cannot start from this text's split: there is none.
    cache.split = null;
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return {
      findings: [{
        code: 'document-too-large', severity: 'information', start: 0, end: 0, fixes: [],
        message: `This document (${mb(text.length)}) is larger than the fact-check limit (${mb(limit)}), so it was not checked. Raise policyFactCheck.maxDocumentSize to check it.`,
      }],
      claims: [],
      citations: [],
      stats: { sentences: 0, claims: 0, contradictions: 0 },
    };
  }
  const previousSplit = cache.split;
  const split = resplitChunks(previousSplit, text, change);
  const sources = split === previousSplit ? cache.sources : chunkSources(text, split, cache.sources);
  cache.split = split;
  cache.sources = sources;
  const doc = split.doc;
  const labels = doc.labels;
  // The labels the cached results were parsed with, if they were parsed with this knowledge.
  const parsedWith = cache.knowledge === knowledge ? cache.labels : null;
  if (!parsedWith || !sameLabels(parsedWith, labels)) {
    if (!parsedWith) {
      cache.chunks = new Map();
      cache.older = new Map();
    } else {
      // A chunk parses differently only if it refers to a label defined before and not now, or now and not before.
      const changed = changedLabels(parsedWith, labels);
      cache.chunks = withoutReferrers(cache.chunks, changed);
      cache.older = withoutReferrers(cache.older, changed);
    }
    cache.knowledge = knowledge;
    cache.labels = labels;
    cache.env = null;
  }
  const previous = cache.chunks;
  const next = new Map<string, ChunkResult>();
  const findings: Finding[] = [];
  const claims: Claim[] = [];
  const records: RecordGroup[] = [];
  const footnotes: FootnoteDefinition[] = [];
  let sentences = 0;
  for (let c = 0; c < doc.chunks.length; c++) {
    const chunk = doc.chunks[c]!;
    const source = sources[c]!;
    let result = next.get(source) ?? previous.get(source) ?? cache.older.get(source);
    // One parser environment for every chunk and check while the document's labels stay the same.
    if (!result) result = checkChunk(knowledge, source, chunk.start, labels, cache.env ??= parserEnv(labels));
    // A chunk that occurs twice in the document gets its own copy of the results for each place.
    if (next.has(source)) result = { ...result, moved: undefined };
    next.set(source, result);
    sentences += result.sentences;
    const placed = place(result, chunk.start);
    for (const f of placed.findings) findings.push(f);
    for (const c of placed.claims) claims.push(c);
    if (result.records.length) records.push({ records: result.records, by: chunk.start - result.start });
    for (const f of placed.footnotes) footnotes.push(f);
  }
  cache.older = previous;
  cache.chunks = next;
  const cited = checkCitations(knowledge, records, footnotes, {
    bibliographyKeys: options.bibliographyKeys,
    style: options.citationStyle,
    documentLength: text.length,
    endsWithNewline: text.slice(text.length - 1) === '\n',
  });
  for (const finding of cited.findings) findings.push(finding);
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  const contradictions = findings.filter((f) => f.code === 'contradiction').length;
  return { findings, claims, citations: cited.citations, stats: { sentences, claims: claims.length, contradictions } };
}
