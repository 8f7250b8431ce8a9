import {
  CodeActionKind, CompletionItemKind, createConnection, DidChangeConfigurationNotification, InsertTextFormat, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type CodeActionParams, type CompletionItem, type CompletionParams, type Connection, type Diagnostic, type Hover, type HoverParams,
  type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { citationCompletions } from '../core/completion';
import { factStates } from '../core/factStates';
import { referencesEdit } from '../core/references';
import { displayValue } from '../core/match/report';
import { bibliographyKeys } from '../node/bibliography';
import { toTextEdit } from './convert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument, createChunkCache, type CheckOptions, type ChunkCache } from '../core/check';
import { formatReference, hoverAt } from '../core/hover';
import { LineIndex } from '../core/text/lineIndex';
import type { CheckResult } from '../core/types';
import { fixAll, FIX_ALL_KIND, quickFixes } from './codeActions';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from './convert';
import { KnowledgeStore } from './knowledgeStore';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { readDraft } from '../node/drafts';
import { fileURLToPath } from 'node:url';
import {
  CHECK_FILES_REQUEST, LIST_FACTS_REQUEST, STATUS_NOTIFICATION,
  FACT_STATES_REQUEST, UPDATE_REFERENCES_KIND,
  type CheckFilesParams, type CheckFilesResult, type FactStatesParams, type FactStatesResult, type FactSummary, type ListFactsParams, type StatusParams,
} from './protocol';

/** Debounce while typing: long enough to skip keystrokes, short enough to feel immediate. */
const TYPING_DELAY_MS = 150;

interface DocumentState {
  cache: ChunkCache;
  /** Version the result belongs to; -1 before the first check. */
  version: number;
  result: CheckResult | null;
  index: LineIndex | null;
  diagnostics: Diagnostic[];
  timer: NodeJS.Timeout | null;
  failed: boolean;
}

export class FactCheckServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocumentState>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly knowledge = new KnowledgeStore();
  private canAskConfiguration = false;
  private pushedSettings: Settings = DEFAULT_SETTINGS;
  private workspaceFolders: string[] = [];

  constructor(private readonly connection: Connection) {
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => {
      if (this.canAskConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyFactCheck' }).catch(() => undefined);
    });
    connection.onDidChangeConfiguration((change) => {
      // Clients that cannot answer workspace/configuration push settings here instead.
      const pushed = (change.settings as { policyFactCheck?: unknown } | null)?.policyFactCheck;
      if (pushed !== undefined) this.pushedSettings = normalizeSettings(pushed);
      this.settingsCache.clear();
      for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    });
    connection.onHover((params) => this.hover(params));
    connection.onCodeAction((params) => this.codeActions(params));
    connection.onRequest(LIST_FACTS_REQUEST, (params: ListFactsParams) => this.listFacts(params));
    connection.onRequest(CHECK_FILES_REQUEST, (params: CheckFilesParams) => this.checkFiles(params));
    connection.onRequest(FACT_STATES_REQUEST, (params: FactStatesParams) => this.factStates(params));
    connection.onCompletion((params) => this.completion(params));
    connection.onShutdown(() => {
      for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    });
    this.documents.onDidOpen((e) => this.schedule(e.document.uri, 0));
    this.documents.onDidChangeContent((e) => {
      if (this.states.get(e.document.uri)?.version === -1) return; // the open's own check is pending
      this.schedule(e.document.uri, TYPING_DELAY_MS);
    });
    this.documents.onDidClose((e) => {
      const state = this.states.get(e.document.uri);
      if (state?.timer) clearTimeout(state.timer);
      this.states.delete(e.document.uri);
      this.settingsCache.delete(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.canAskConfiguration = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folders;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, UPDATE_REFERENCES_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: ['@', '^'], resolveProvider: false },
      },
      serverInfo: { name: 'policy-fact-check' },
    };
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { cache: createChunkCache(), version: -1, result: null, index: null, diagnostics: [], timer: null, failed: false };
      this.states.set(uri, state);
    }
    return state;
  }

  private settingsFor(uri: string): Promise<Settings> {
    if (!this.canAskConfiguration) return Promise.resolve(this.pushedSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'policyFactCheck' })
        .then(normalizeSettings, () => ({ ...DEFAULT_SETTINGS }));
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  private folderOf(uri: string): string | null {
    const matches = this.workspaceFolders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`));
    return matches.sort((a, b) => b.length - a.length)[0] ?? null;
  }

  /** Options of a check that come from settings: size limit, citation style, bibliography keys. */
  private checkOptions(settings: Settings, uri: string): CheckOptions {
    const options: CheckOptions = { maxDocumentSize: settings.maxDocumentSize, citationStyle: settings.citationStyle };
    if (settings.bibliography.length) {
      const folder = this.folderOf(uri);
      const base = folder?.startsWith('file:') ? fileURLToPath(folder) : process.cwd();
      const keys = new Set<string>();
      for (const path of settings.bibliography) {
        const read = bibliographyKeys(isAbsolute(path) ? path : resolvePath(base, path));
        if (read.problem) this.connection.console.warn(`policy-fact-check: bibliography ${read.problem}`);
        for (const key of read.keys) keys.add(key);
      }
      options.bibliographyKeys = keys;
    }
    return options;
  }

  private schedule(uri: string, delay: number): void {
    const state = this.state(uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = null;
      void this.check(uri);
    }, delay);
  }

  /** Checks the document's current text, unless a newer edit arrives while settings are fetched. */
  private async check(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await this.settingsFor(uri);
    const current = this.documents.get(uri);
    if (!current) return;
    // An edit arrived while settings were fetched: that edit's own check may have been skipped, so go again.
    if (current.version !== version) {
      if (!this.state(uri).timer) this.schedule(uri, 0);
      return;
    }
    this.checkNow(current, settings);
  }

  private checkNow(doc: TextDocument, settings: Settings): void {
    const state = this.state(doc.uri);
    if (!settings.enable) {
      state.version = doc.version;
      state.result = null;
      state.diagnostics = [];
      void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      void this.connection.sendNotification(STATUS_NOTIFICATION, { uri: doc.uri, version: doc.version, sentences: 0, claims: 0, contradictions: 0 } satisfies StatusParams);
      return;
    }
    const text = doc.getText();
    try {
      const knowledge = this.knowledge.get(settings, this.folderOf(doc.uri));
      const result = checkDocument(knowledge, text, state.cache, this.checkOptions(settings, doc.uri));
      state.version = doc.version;
      state.result = result;
      state.index = new LineIndex(text);
      state.diagnostics = toDiagnostics(result.findings, state.index, settings.severity);
      state.failed = false;
    } catch (e) {
      // One document's failure is reported once and never stops the others.
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
    const status: StatusParams = { uri: doc.uri, version: doc.version, sentences: stats.sentences, claims: stats.claims, contradictions };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  private async listFacts(params: ListFactsParams): Promise<FactSummary[]> {
    const settings = await this.settingsFor(params.uri);
    const knowledge = this.knowledge.get(settings, this.folderOf(params.uri));
    return knowledge.facts.map((fact) => {
      const source = knowledge.sources.get(fact.sourceKey);
      return { id: fact.id, sourceKey: fact.sourceKey, claim: fact.claim, quote: fact.quote, paragraph: fact.paragraph, reference: source ? formatReference(source) : fact.sourceKey };
    });
  }

  /** Checks files from disk that the editor has not opened, publishing their diagnostics. */
  private async checkFiles(params: CheckFilesParams): Promise<CheckFilesResult> {
    const result: CheckFilesResult = { files: 0, claims: 0, contradictions: 0, skipped: [] };
    for (const uri of params.uris) {
      const open = this.documents.get(uri);
      if (open) {
        await this.check(uri);
        const stats = this.states.get(uri)?.result?.stats;
        result.files++;
        result.claims += stats?.claims ?? 0;
        result.contradictions += stats?.contradictions ?? 0;
        continue;
      }
      if (!uri.startsWith('file:')) { result.skipped.push({ uri, reason: 'not a file' }); continue; }
      const read = readDraft(fileURLToPath(uri));
      if ('problem' in read) { result.skipped.push({ uri, reason: read.problem }); continue; }
      const settings = await this.settingsFor(uri);
      if (!settings.enable) continue;
      const checked = checkDocument(this.knowledge.get(settings, this.folderOf(uri)), read.text, createChunkCache(), this.checkOptions(settings, uri));
      result.files++;
      result.claims += checked.stats.claims;
      result.contradictions += checked.stats.contradictions;
      void this.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(checked.findings, new LineIndex(read.text), settings.severity) });
    }
    return result;
  }

  /** Hover and code actions answer for the text as it is now, checking first if an edit is pending. */
  private async fresh(uri: string): Promise<{ doc: TextDocument; state: DocumentState } | null> {
    const doc = this.documents.get(uri);
    if (!doc) return null;
    const state = this.state(uri);
    if (state.version !== doc.version) {
      const settings = await this.settingsFor(uri);
      const current = this.documents.get(uri);
      if (!current) return null;
      if (state.version !== current.version) {
        if (state.timer) { clearTimeout(state.timer); state.timer = null; }
        this.checkNow(current, settings);
      }
      return { doc: current, state };
    }
    return { doc, state };
  }

  private async hover(params: HoverParams): Promise<Hover | null> {
    const found = await this.fresh(params.textDocument.uri);
    if (!found?.state.result || !found.state.index) return null;
    const { state } = found;
    const offset = state.index!.offsetAt(params.position);
    const settings = await this.settingsFor(params.textDocument.uri);
    const hover = hoverAt(this.knowledge.get(settings, this.folderOf(params.textDocument.uri)), state.result!, offset);
    if (!hover) return null;
    return {
      contents: { kind: 'markdown', value: hover.markdown },
      range: { start: state.index!.positionAt(hover.start), end: state.index!.positionAt(hover.end) },
    };
  }

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      // Clients that drop `data` still get fixes: take them from the server's own diagnostics.
      const found = ours.some((d) => d.data === undefined) ? await this.fresh(uri) : null;
      const withData = ours.map((d) => d.data !== undefined ? d : found?.state.diagnostics.find((x) => sameRange(x, d) && x.message === d.message) ?? d);
      actions.push(...quickFixes(uri, withData));
    }
    if (wants(FIX_ALL_KIND)) {
      const found = await this.fresh(uri);
      const action = found ? fixAll(uri, found.state.diagnostics) : null;
      if (action) actions.push(action);
    }
    if (only?.some((k) => UPDATE_REFERENCES_KIND === k || UPDATE_REFERENCES_KIND.startsWith(`${k}.`))) {
      const action = await this.updateReferences(uri);
      if (action) actions.push(action);
    }
    return actions;
  }

  private async updateReferences(uri: string): Promise<CodeAction | null> {
    const found = await this.fresh(uri);
    if (!found?.state.result || !found.state.index) return null;
    const settings = await this.settingsFor(uri);
    const knowledge = this.knowledge.get(settings, this.folderOf(uri));
    const edit = referencesEdit(knowledge, found.doc.getText(), found.state.result, settings.citationStyle);
    if (!edit) return null;
    const title = settings.citationStyle === 'footnote' ? 'Add the missing footnote definitions of cited sources' : 'Update the references section with every cited source';
    return { title, kind: UPDATE_REFERENCES_KIND, edit: { changes: { [uri]: [toTextEdit(edit, found.state.index)] } } };
  }

  private async completion(params: CompletionParams): Promise<CompletionItem[]> {
    const found = await this.fresh(params.textDocument.uri);
    if (!found?.state.index) return [];
    const settings = await this.settingsFor(params.textDocument.uri);
    const knowledge = this.knowledge.get(settings, this.folderOf(params.textDocument.uri));
    const text = found.doc.getText();
    const index = found.state.index;
    const offset = index.offsetAt(params.position);
    const footnoteLabels = new Set<string>();
    for (const m of text.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)) footnoteLabels.add(m[1]!);
    return citationCompletions(knowledge, { text, offset, footnoteLabels }).map((item) => ({
      label: item.label,
      labelDetails: { description: item.detail },
      kind: item.kind === 'source' ? CompletionItemKind.Reference : item.kind === 'fact' ? CompletionItemKind.Value : CompletionItemKind.Text,
      detail: item.detail,
      documentation: item.documentation ? { kind: 'markdown', value: item.documentation } : undefined,
      textEdit: { range: { start: index.positionAt(item.replaceStart), end: index.positionAt(item.replaceEnd) }, newText: item.insertText },
      insertTextFormat: InsertTextFormat.PlainText,
      filterText: item.filterText,
      sortText: item.sortText,
      additionalTextEdits: item.additionalEdits.map((e) => toTextEdit(e, index)),
    }));
  }

  private async factStates(params: FactStatesParams): Promise<FactStatesResult> {
    const found = await this.fresh(params.uri);
    const settings = await this.settingsFor(params.uri);
    const knowledge = this.knowledge.get(settings, this.folderOf(params.uri));
    const states = found?.state.result ? factStates(knowledge, found.state.result) : [];
    const index = found?.state.index;
    const byFact = new Map(states.map((s) => [s.factId, s]));
    return {
      sources: [...knowledge.sources.values()].map((source) => ({
        key: source.key,
        reference: formatReference(source),
        facts: knowledge.facts.filter((f) => f.sourceKey === source.key).map((fact) => {
          const status = byFact.get(fact.id);
          return {
            id: fact.id, claim: fact.claim, quote: fact.quote, paragraph: fact.paragraph,
            values: fact.values.map(displayValue),
            state: status?.state ?? 'none',
            ranges: index && status ? status.ranges.map((r) => ({ start: index.positionAt(r.start), end: index.positionAt(r.end) })) : [],
          };
        }),
      })),
    };
  }
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character
    && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}

export function startServer(): FactCheckServer {
  const connection = createConnection(ProposedFeatures.all);
  const server = new FactCheckServer(connection);
  connection.listen();
  return server;
}

startServer();
