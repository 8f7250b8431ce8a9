import { splitChunks } from './markdown/chunks';
import { extractProse, textToSource, type ProseBlock } from './markdown/prose';
import { analyzeBlock } from './match/analyze';
import type { Knowledge } from './match/knowledge';
import { reportBlock } from './match/report';
import type { CheckResult, Claim, Finding } from './types';

/** Results of one chunk, in offsets relative to the chunk's start. */
interface ChunkResult {
  findings: Finding[];
  claims: Claim[];
  sentences: number;
}

/**
 * Results of the chunks of the last check of one document, keyed by chunk text: an edit re-analyses
 * only the chunks it changed. Owned by the caller (one per open document); plain data.
 */
export interface ChunkCache {
  knowledge: Knowledge | null;
  labels: string;
  chunks: Map<string, ChunkResult>;
}

export function createChunkCache(): ChunkCache {
  return { knowledge: null, labels: '', chunks: new Map() };
}

export interface CheckOptions {
  /** Documents longer than this (in UTF-16 code units) get one notice instead of a check. */
  maxDocumentSize?: number;
}

export const DEFAULT_MAX_DOCUMENT_SIZE = 5 * 1024 * 1024;

function mapBlockResults(block: ProseBlock, findings: Finding[], claims: Claim[], into: ChunkResult): void {
  const start = (offset: number) => textToSource(block, offset, 'start');
  const end = (offset: number) => textToSource(block, offset, 'end');
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

function checkChunk(knowledge: Knowledge, source: string, labels: { footnotes: string[]; references: string[] }): ChunkResult {
  const result: ChunkResult = { findings: [], claims: [], sentences: 0 };
  for (const block of extractProse(source, labels)) {
    const analysis = analyzeBlock(knowledge, block.text, block.context);
    result.sentences += analysis.sentenceCount;
    if (!analysis.sentences.length) continue;
    const report = reportBlock(knowledge, block.text, analysis);
    mapBlockResults(block, report.findings, report.claims, result);
  }
  return result;
}

function shift<T extends { start: number; end: number }>(item: T, by: number): T {
  return { ...item, start: item.start + by, end: item.end + by };
}

/** Checks a Markdown document against the knowledge compiled from the fact bases. */
export function checkDocument(knowledge: Knowledge, text: string, cache: ChunkCache = createChunkCache(), options: CheckOptions = {}): CheckResult {
  const limit = options.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  if (text.length > limit) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return {
      findings: [{
        code: 'document-too-large', severity: 'information', start: 0, end: 0, fixes: [],
        message: `This document (${mb(text.length)}) is larger than the fact-check limit (${mb(limit)}), so it was not checked. Raise policyFactCheck.maxDocumentSize to check it.`,
      }],
      claims: [],
      stats: { sentences: 0, claims: 0, contradictions: 0 },
    };
  }
  const doc = splitChunks(text);
  const labels = { footnotes: doc.footnoteLabels, references: doc.referenceLabels };
  const signature = `${labels.footnotes.join('\u0000')}\u0001${labels.references.join('\u0000')}`;
  if (cache.knowledge !== knowledge || cache.labels !== signature) {
    cache.knowledge = knowledge;
    cache.labels = signature;
    cache.chunks = new Map();
  }
  const previous = cache.chunks;
  const next = new Map<string, ChunkResult>();
  const findings: Finding[] = [];
  const claims: Claim[] = [];
  let sentences = 0;
  for (const chunk of doc.chunks) {
    const source = text.slice(chunk.start, chunk.end);
    let result = next.get(source) ?? previous.get(source);
    if (!result) result = checkChunk(knowledge, source, labels);
    next.set(source, result);
    sentences += result.sentences;
    for (const f of result.findings) {
      findings.push({ ...shift(f, chunk.start), fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => shift(e, chunk.start)) })) });
    }
    for (const c of result.claims) claims.push({ ...shift(c, chunk.start), values: c.values.map((v) => shift(v, chunk.start)) });
  }
  cache.chunks = next;
  const contradictions = findings.filter((f) => f.code === 'contradiction').length;
  return { findings, claims, stats: { sentences, claims: claims.length, contradictions } };
}
