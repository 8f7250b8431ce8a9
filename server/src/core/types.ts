import type { Locator } from './citations/syntax';

/** What the checker reports, in document offsets (UTF-16 code units, as JavaScript strings and LSP count). */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type FindingCode = 'contradiction' | 'unknown-citation' | 'unsupported-citation' | 'wrong-locator' | 'uncited-claim' | 'misquote' | 'document-too-large' | 'internal-error';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** The fact the finding is about. */
  factId?: string;
  /** The source's value, as shown in the message. */
  sourceValue?: string;
  /** Fixes, the preferred one first. */
  fixes: Fix[];
}

export type Verdict = 'supported' | 'contradicted' | 'unchecked';

/** A sentence matched to a fact: what hovers explain. */
export interface Claim {
  /** The sentence. */
  start: number;
  end: number;
  factId: string;
  verdict: Verdict;
  /** Sentence values compared with the fact, with what the comparison found. */
  values: Array<{ start: number; end: number; verdict: 'supported' | 'contradicted' }>;
  /** For contradictions: what the source says instead, as in the finding's message. */
  explanation?: string;
}

/** A citation marker with the sources it cites (footnotes resolved through their definitions). */
export interface ResolvedCitation {
  start: number;
  end: number;
  kind: 'pandoc' | 'intext' | 'footnote';
  label?: string;
  sources: Array<{ key: string; locator: Locator | null; keyStart?: number; keyEnd?: number }>;
}

export interface CheckResult {
  findings: Finding[];
  claims: Claim[];
  citations: ResolvedCitation[];
  stats: {
    sentences: number;
    claims: number;
    contradictions: number;
  };
}
