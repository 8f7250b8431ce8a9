/** Shared test helpers: the built-in knowledge, checking a draft and reading its findings back as text. */
import { checkDocument, type ChunkCache } from '../../server/src/core/check';
import type { Fact } from '../../server/src/core/facts/model';
import type { Knowledge } from '../../server/src/core/match/knowledge';
import type { CheckResult, Finding, Fix } from '../../server/src/core/types';
import { loadKnowledge } from '../../server/src/node/factFiles';

let cached: Knowledge | null = null;

/** The knowledge compiled from the built-in fact base and gazetteer (compiled once per process). */
export function builtinKnowledge(): Knowledge {
  if (!cached) {
    const loaded = loadKnowledge({ builtin: true, files: [] });
    if (loaded.problems.length) throw new Error(`built-in fact base has problems: ${JSON.stringify(loaded.problems)}`);
    cached = loaded.knowledge;
  }
  return cached;
}

export function fact(id: string): Fact {
  const knowledge = builtinKnowledge();
  const index = knowledge.factIndex.get(id);
  if (index === undefined) throw new Error(`no fact ${id}`);
  return knowledge.facts[index]!;
}

export function check(text: string, cache?: ChunkCache): CheckResult {
  return checkDocument(builtinKnowledge(), text, cache);
}

/** Applies every edit of a fix (edits may come in any order; they must not overlap). */
export function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

/** A finding as a test reads it: the text it covers and its fixes' replacement texts. */
export interface FindingView {
  code: string;
  factId: string | undefined;
  /** The document text the finding covers. */
  covered: string;
  message: string;
  /** newText of each fix's first edit, preferred fix first. */
  fixes: string[];
  finding: Finding;
}

export function view(text: string, finding: Finding): FindingView {
  return {
    code: finding.code,
    factId: finding.factId,
    covered: text.slice(finding.start, finding.end),
    message: finding.message,
    fixes: finding.fixes.map((f) => f.edits[0]?.newText ?? ''),
    finding,
  };
}

export function findings(text: string): FindingView[] {
  return check(text).findings.map((f) => view(text, f));
}

export function contradictions(text: string): FindingView[] {
  return findings(text).filter((f) => f.code === 'contradiction');
}

/** Claims (sentence ↔ fact) of a document, with their verdicts. */
export function claims(text: string): Array<{ factId: string; verdict: string; sentence: string; values: Array<{ text: string; verdict: string }> }> {
  return check(text).claims.map((c) => ({
    factId: c.factId,
    verdict: c.verdict,
    sentence: text.slice(c.start, c.end),
    values: c.values.map((v) => ({ text: text.slice(v.start, v.end), verdict: v.verdict })),
  }));
}
