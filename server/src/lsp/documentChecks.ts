import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { PieceDocument } from './pieceDocument';
import { isAbsolute, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDocument, createChunkCache, type CheckOptions, type ChunkCache } from '../core/check';
import type { Knowledge } from '../core/match/knowledge';
import type { PositionMapper } from '../core/text/lineIndex';
import type { CheckResult } from '../core/types';
import { bibliographyKeys } from '../node/bibliography';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from './convert';
import type { KnowledgeStore } from './knowledgeStore';
import { STATUS_NOTIFICATION, type StatusParams } from './protocol';
import type { Settings } from './settings';
import type { SettingsStore } from './settingsStore';
import type { Workspace } from './workspace';

/**
 * For tests of recovery: with POLICY_FACT_CHECK_FAULT set, a document containing its value fails to
 * check, as an unexpected bug would. Unset in normal use.
 */
const FAULT = process.env.POLICY_FACT_CHECK_FAULT;
/** Reads the document's whole text only when a fault is set: joining it costs every keystroke otherwise. */
function injectFault(doc: PieceDocument): void {
  if (FAULT && doc.getText().includes(FAULT)) throw new Error('injected fault (POLICY_FACT_CHECK_FAULT)');
}

/** Debounce while typing: long enough to skip keystrokes, short enough to feel immediate. */
export const TYPING_DELAY_MS = 150;

export interface DocumentState {
  cache: ChunkCache;
  /** Version the result belongs to; -1 before the first check. */
  version: number;
  result: CheckResult | null;
  /** Positions of the version checked: the document's own line table, kept up to date by incremental sync. */
  index: PositionMapper | null;
  knowledge: Knowledge | null;
  diagnostics: Diagnostic[];
  /** Cancels the check scheduled for this document; null when none is. */
  cancelScheduled: (() => void) | null;
  failed: boolean;
  /** Time spent applying edits since the last check, and when the last edit (or the open) arrived: for the status's timing. */
  syncMs: number;
  editedAt: number;
}

/**
 * Checks of open drafts: debounced while typing, dropped when a newer edit supersedes them, pushed
 * with the document version, one document's failure never stopping the others.
 */
export class DocumentChecks {
  private readonly states = new Map<string, DocumentState>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<PieceDocument>,
    private readonly settings: SettingsStore,
    private readonly knowledge: KnowledgeStore,
    private readonly workspace: Workspace,
  ) {}

  state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = {
        cache: createChunkCache(), version: -1, result: null, index: null, knowledge: null, diagnostics: [], cancelScheduled: null, failed: false,
        syncMs: 0, editedAt: performance.now(),
      };
      this.states.set(uri, state);
    }
    return state;
  }

  /** The open's own check is still pending: an edit now will be seen by it. */
  isPending(uri: string): boolean {
    return this.states.get(uri)?.version === -1;
  }

  /** An edit was applied to an open draft in `ms` (incremental sync): counted in the next check's timing. */
  noteEdit(uri: string, ms: number): void {
    const state = this.states.get(uri);
    if (!state) return;
    state.syncMs += ms;
    state.editedAt = performance.now();
  }

  schedule(uri: string, delay: number): void {
    const state = this.state(uri);
    state.cancelScheduled?.();
    const run = () => {
      state.cancelScheduled = null;
      void this.check(uri);
    };
    // A timer waits at least a millisecond: an open or a reload checks as soon as the messages already read are handled.
    if (delay <= 0) {
      const immediate = setImmediate(run);
      state.cancelScheduled = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(run, delay);
      state.cancelScheduled = () => clearTimeout(timer);
    }
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    state?.cancelScheduled?.();
    this.states.delete(uri);
    this.settings.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const state of this.states.values()) state.cancelScheduled?.();
  }

  /** Options of a check that come from settings: size limit, citation style, bibliography keys. */
  checkOptions(settings: Settings, uri: string): CheckOptions {
    const options: CheckOptions = { maxDocumentSize: settings.maxDocumentSize, citationStyle: settings.citationStyle };
    if (settings.bibliography.length) {
      const folder = this.workspace.folderPathOf(uri);
      const keys = new Set<string>();
      for (const path of settings.bibliography) {
        const read = bibliographyKeys(isAbsolute(path) ? path : resolve(folder, path));
        if (read.problem) this.connection.console.warn(`policy-fact-check: bibliography ${read.problem}`);
        for (const key of read.keys) keys.add(key);
      }
      options.bibliographyKeys = keys;
    }
    return options;
  }

  /** Checks the document's current text, unless a newer edit arrives while settings are fetched. */
  async check(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await this.settings.forUri(uri);
    const current = this.documents.get(uri);
    if (!current) return;
    // An edit arrived while settings were fetched: that edit's own check may have been skipped, so go again.
    if (current.version !== version) {
      if (!this.state(uri).cancelScheduled) this.schedule(uri, 0);
      return;
    }
    this.checkNow(current, settings);
  }

  checkNow(doc: PieceDocument, settings: Settings): void {
    const started = performance.now();
    const state = this.state(doc.uri);
    if (!settings.enable) {
      state.version = doc.version;
      state.result = null;
      state.diagnostics = [];
      void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      this.sendStatus({ uri: doc.uri, version: doc.version, sentences: 0, claims: 0, contradictions: 0, timing: this.timing(state, started) });
      return;
    }
    // The previous version's results are replaced below: let them go before the check allocates the new ones
    // (the chunk cache keeps what the check reuses). Nothing reads the state until this method returns.
    state.result = null;
    state.diagnostics = [];
    try {
      injectFault(doc);
      const knowledge = this.knowledge.get(settings, doc.uri);
      // Only the chunks around the edits since the last check are read from the text (the cache has the rest).
      const result = checkDocument(knowledge, doc.text, state.cache, this.checkOptions(settings, doc.uri), doc.takeChange());
      state.version = doc.version;
      state.result = result;
      state.knowledge = knowledge;
      state.index = doc;
      state.diagnostics = toDiagnostics(result.findings, state.index, settings.severity);
      state.failed = false;
    } catch (e) {
      // Logged and reported once per document; the next edit tries again.
      if (!state.failed) this.connection.console.error(`policy-fact-check: checking ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      state.failed = true;
      state.cache = createChunkCache();
      state.version = doc.version;
      state.result = null;
      state.diagnostics = [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        code: 'internal-error',
        source: DIAGNOSTIC_SOURCE,
        message: `Policy Fact Check could not check this document (${(e as Error).message}). Other documents are still checked; see the output log.`,
      }];
    }
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: state.diagnostics });
    const stats = state.result?.stats ?? { sentences: 0, claims: 0, contradictions: 0 };
    // Count what the writer sees: a code set to "off" contributes nothing.
    const contradictions = state.diagnostics.filter((d) => d.code === 'contradiction').length;
    this.sendStatus({ uri: doc.uri, version: doc.version, sentences: stats.sentences, claims: stats.claims, contradictions, timing: this.timing(state, started) });
  }

  /** What the check that started at `started` cost (see StatusParams.timing); resets the edit time it counted. */
  private timing(state: DocumentState, started: number): NonNullable<StatusParams['timing']> {
    const round = (ms: number) => Math.round(ms * 1000) / 1000;
    const timing = { syncMs: round(state.syncMs), checkMs: round(performance.now() - started), waitMs: round(Math.max(0, started - state.editedAt)) };
    state.syncMs = 0;
    return timing;
  }

  private sendStatus(status: StatusParams): void {
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** Hover, completion and code actions answer for the text as it is now, checking first if an edit is pending. */
  async fresh(uri: string): Promise<{ doc: PieceDocument; state: DocumentState } | null> {
    const doc = this.documents.get(uri);
    if (!doc) return null;
    const state = this.state(uri);
    if (state.version === doc.version) return { doc, state };
    const settings = await this.settings.forUri(uri);
    const current = this.documents.get(uri);
    if (!current) return null;
    if (state.version !== current.version) {
      state.cancelScheduled?.();
      state.cancelScheduled = null;
      this.checkNow(current, settings);
    }
    return { doc: current, state };
  }

  recheckAll(isDraft: (uri: string) => boolean): void {
    for (const doc of this.documents.all()) if (isDraft(doc.uri)) this.schedule(doc.uri, 0);
  }
}
