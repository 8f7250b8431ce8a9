/** The server's own messages, beyond LSP: shared by the server and the VS Code client. */

/** Server -> client after every check: what the status bar shows. */
export const STATUS_NOTIFICATION = 'policyFactCheck/status';
export interface StatusParams {
  uri: string;
  version: number;
  sentences: number;
  /** Sentences matched to a fact of the fact base. */
  claims: number;
  contradictions: number;
  /**
   * What this check cost the server, in milliseconds (for benchmarks and logs; the status bar ignores it).
   * syncMs: applying the didChange edits received since the previous check (incremental sync);
   * checkMs: fact base lookup, the core check, converting findings to diagnostics and handing them to
   * the connection (JSON encoding and the pipe come after); waitMs: from the last edit (or the open) to
   * the start of the check: the debounce, timer slack and the settings lookup.
   */
  timing?: { syncMs: number; checkMs: number; waitMs: number };
}

/** Client -> server: the facts of the loaded fact bases, for the "insert citation" quick pick. */
export const LIST_FACTS_REQUEST = 'policyFactCheck/listFacts';
export interface ListFactsParams {
  /** The document the citation goes into: its settings choose the fact bases. */
  uri: string;
}
export interface FactSummary {
  id: string;
  sourceKey: string;
  claim: string;
  quote: string;
  paragraph: number;
  /** The reference of the source: authors, title, publisher, year. */
  reference: string;
}

/** Client -> server: check files that are not open (workspace re-check); diagnostics are published for each. */
export const CHECK_FILES_REQUEST = 'policyFactCheck/checkFiles';
export interface CheckFilesParams {
  uris: string[];
}
export interface CheckFilesResult {
  files: number;
  claims: number;
  contradictions: number;
  /** Files that could not be read, with the reason. */
  skipped: Array<{ uri: string; reason: string }>;
}

/** Client -> server: how the document relates to each fact (the Facts view). */
export const FACT_STATES_REQUEST = 'policyFactCheck/factStates';
export interface FactStatesParams {
  uri: string;
}
export interface FactStatesResult {
  sources: Array<{
    key: string;
    reference: string;
    facts: Array<{
      id: string;
      claim: string;
      quote: string;
      paragraph: number;
      values: string[];
      /** contradicted: a sentence contradicts it; stated: a sentence states it; cited: a citation names its paragraph. */
      state: 'contradicted' | 'stated' | 'cited' | 'none';
      ranges: Array<{ start: { line: number; character: number }; end: { line: number; character: number } }>;
    }>;
  }>;
}

/** The code action kind that adds or updates the references section (or footnote definitions). */
export const UPDATE_REFERENCES_KIND = 'source.policyFactCheck.updateReferences';

/** Client -> server: the workspace's trust changed (VS Code's restricted mode). */
export const TRUST_NOTIFICATION = 'policyFactCheck/trust';
export interface TrustParams {
  trusted: boolean;
}
