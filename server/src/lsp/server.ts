import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments,
  TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { performance } from 'node:perf_hooks';
import { FIX_ALL_KIND } from './codeActions';
import { DocumentChecks, TYPING_DELAY_MS } from './documentChecks';
import { FactBaseRegistry } from './factBaseRegistry';
import { FactBaseSync } from './factBaseSync';
import { Features } from './features';
import { PieceDocument } from './pieceDocument';
import { KnowledgeStore } from './knowledgeStore';
import {
  CHECK_FILES_REQUEST, FACT_STATES_REQUEST, LIST_FACTS_REQUEST, TRUST_NOTIFICATION, UPDATE_REFERENCES_KIND,
  type CheckFilesParams, type FactStatesParams, type ListFactsParams, type TrustParams,
} from './protocol';
import { SettingsStore } from './settingsStore';
import { Workspace } from './workspace';

/**
 * The language server: wiring only. Drafts are checked by DocumentChecks, fact base files are
 * followed by FactBaseSync, requests are answered by Features; all of them delegate to the core.
 */
export class FactCheckServer {
  /** Open documents, kept up to date by incremental sync; the time each edit takes is counted for the status's timing. */
  private readonly documents = new TextDocuments<PieceDocument>({
    create: PieceDocument.create,
    update: (document, changes, version) => {
      const started = performance.now();
      document.update(changes, version);
      this.checks.noteEdit(document.uri, performance.now() - started);
      return document;
    },
  });
  private readonly workspace = new Workspace();
  private readonly settings: SettingsStore;
  private readonly registry: FactBaseRegistry;
  private readonly checks: DocumentChecks;
  private readonly factBases: FactBaseSync;
  private readonly features: Features;
  private canWatchFiles = false;

  constructor(private readonly connection: Connection) {
    this.settings = new SettingsStore(connection);
    this.registry = new FactBaseRegistry({
      folders: () => this.workspace.folderPaths(),
      restricted: () => !this.workspace.trusted,
      changed: () => this.factBases.changed(),
    });
    const knowledge = new KnowledgeStore(this.registry, this.workspace);
    this.checks = new DocumentChecks(connection, this.documents, this.settings, knowledge, this.workspace);
    this.factBases = new FactBaseSync(connection, this.registry, () => this.checks.recheckAll((uri) => !FactBaseSync.isFactBaseUri(uri)));
    this.features = new Features(connection, this.checks, this.settings, knowledge);

    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration((change) => {
      this.settings.changed((change.settings as { policyFactCheck?: unknown } | null)?.policyFactCheck);
      this.checks.recheckAll((uri) => !FactBaseSync.isFactBaseUri(uri));
    });
    connection.onDidChangeWatchedFiles((params) => this.factBases.watchedFilesChanged(params));
    connection.onNotification(TRUST_NOTIFICATION, (params: TrustParams) => {
      this.workspace.trusted = params.trusted !== false;
      this.factBases.reload();
    });
    connection.onHover((params) => this.features.hover(params));
    connection.onCompletion((params) => this.features.completion(params));
    connection.onCodeAction((params) => this.features.codeActions(params));
    connection.onRequest(LIST_FACTS_REQUEST, (params: ListFactsParams) => this.features.listFacts(params));
    connection.onRequest(FACT_STATES_REQUEST, (params: FactStatesParams) => this.features.factStates(params));
    connection.onRequest(CHECK_FILES_REQUEST, (params: CheckFilesParams) => this.features.checkFiles(params, (uri) => this.documents.get(uri) !== undefined));
    connection.onShutdown(() => {
      this.checks.dispose();
      this.factBases.dispose();
    });

    this.documents.onDidOpen((e) => {
      if (FactBaseSync.isFactBaseUri(e.document.uri)) this.factBases.editorChanged(e.document.uri, e.document.getText());
      else this.checks.schedule(e.document.uri, 0);
    });
    this.documents.onDidChangeContent((e) => {
      if (FactBaseSync.isFactBaseUri(e.document.uri)) this.factBases.editorChanged(e.document.uri, e.document.getText());
      else if (!this.checks.isPending(e.document.uri)) this.checks.schedule(e.document.uri, TYPING_DELAY_MS);
    });
    this.documents.onDidClose((e) => {
      if (FactBaseSync.isFactBaseUri(e.document.uri)) this.factBases.editorClosed(e.document.uri);
      else this.checks.close(e.document.uri);
    });
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.settings.canAsk = params.capabilities.workspace?.configuration === true;
    this.canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.features.labelDetailsSupport = params.capabilities.textDocument?.completion?.completionItem?.labelDetailsSupport === true;
    this.workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    const options = params.initializationOptions as { trusted?: unknown } | null | undefined;
    this.workspace.trusted = options?.trusted !== false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['@', '^'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, UPDATE_REFERENCES_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policy-fact-check' },
    };
  }

  private initialized(): void {
    const client = this.connection.client;
    if (this.settings.canAsk) void client.register(DidChangeConfigurationNotification.type, { section: 'policyFactCheck' }).catch(() => undefined);
    if (this.canWatchFiles) {
      void client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.facts.{yaml,yml,json}' }] }).catch(() => undefined);
    }
    this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
      this.workspace.addFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri));
      this.factBases.discover();
    });
    // Found after the reply to initialize, so that start-up stays fast in large workspaces.
    setImmediate(() => this.factBases.discover());
  }
}

export function startServer(): FactCheckServer {
  const connection = createConnection(ProposedFeatures.all);
  const server = new FactCheckServer(connection);
  connection.listen();
  return server;
}

startServer();
