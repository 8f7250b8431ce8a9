import type * as vscode from 'vscode';
import type { FactStatesResult, StatusParams } from '../../server/src/lsp/protocol';

/** What `activate` returns: other extensions and the integration tests read the check status through it. */
export interface PolicyFactCheckApi {
  /** The latest status the server reported for the document, or undefined before its first check. */
  statusFor(uri: vscode.Uri): StatusParams | undefined;
  /** The Facts view as plain data, after loading the fact states of the draft it follows (the active Markdown editor's). */
  factsView(): Promise<FactsViewSnapshot>;
}

/**
 * What the Facts view shows. `ready`: the facts of the loaded sources; otherwise a welcome message:
 * no Markdown editor is active, checking is turned off for the draft, no fact base is loaded, the request failed.
 */
export type FactsViewStatus = 'loading' | 'ready' | 'noDocument' | 'disabled' | 'noFactBase' | 'error';

export interface FactsViewSnapshot {
  status: FactsViewStatus;
  /** The draft the states belong to, and its version when they were asked for. */
  document: { uri: string; version: number } | undefined;
  sources: Array<{
    key: string;
    label: string;
    description: string;
    facts: FactsViewFact[];
  }>;
}

export interface FactsViewFact {
  id: string;
  label: string;
  description: string;
  /** The tooltip's Markdown source. */
  tooltip: string;
  state: FactStatesResult['sources'][number]['facts'][number]['state'];
  /** The codicon id and theme colour id of the item's icon. */
  icon: string;
  iconColor: string | undefined;
  contextValue: string;
  ranges: vscode.Range[];
  /** What selecting the item runs. */
  command: vscode.Command | undefined;
}
