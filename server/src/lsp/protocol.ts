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
