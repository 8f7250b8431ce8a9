/**
 * A small LSP test client: spawns the bundled server (`node dist/cli.js lsp --stdio`), speaks
 * JSON-RPC to it over stdio with vscode-jsonrpc, answers the server's requests, and records every
 * notification so that tests can wait for (and look back at) what the server sent.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import type { CodeAction, Diagnostic, Hover, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

/** The article the built-in fact base quotes. */
export const SOURCE_ARTICLE = join(ROOT, '..', 'shared', 'source', 'north-korea-pokes-the-polarization-bear.txt');

/** Fails with a clear message when the bundle the tests drive is missing; warns when it looks stale. */
export function requireBuild(root = ROOT): void {
  const cli = join(root, 'dist', 'cli.js');
  const server = join(root, 'dist', 'server.js');
  for (const file of [cli, server]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: the protocol tests drive the bundled language server. Run \`npm run build\` first.`);
  }
  const sources = join(root, 'server', 'src');
  if (warnedStale || !existsSync(sources)) return;
  const built = Math.min(statSync(cli).mtimeMs, statSync(server).mtimeMs);
  if (newestMtime(sources) > built) {
    warnedStale = true;
    process.stderr.write('warning: server/src is newer than dist/: the protocol tests run the old bundle. Run `npm run build`.\n');
  }
}
let warnedStale = false;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

export interface Message {
  method: string;
  params: any;
  /** Arrival order over all notifications of this client. */
  seq: number;
}

/** What `workspace/configuration` answers for one item. */
export type ConfigurationAnswer = (item: { scopeUri?: string; section?: string }) => unknown;

export interface StartOptions {
  /**
   * How the client answers `workspace/configuration`: 'null' answers null for every item (Neovim
   * without settings), a function answers per item, and 'unsupported' does not announce the
   * capability at all (so the server must not ask).
   */
  configuration?: 'null' | 'unsupported' | ConfigurationAnswer;
  rootUri?: string | null;
  workspaceFolders?: Array<{ uri: string; name: string }> | null;
  /** Delay before answering `workspace/configuration`, as a busy editor would. */
  configurationDelayMs?: number;
  /** Sent as `initializationOptions` of `initialize` (e.g. `{ trusted: false }` for a restricted workspace); omitted when undefined. */
  initializationOptions?: unknown;
  /** Announce `workspace.didChangeWatchedFiles.dynamicRegistration`, so that the server registers its file watcher. Off by default. */
  watchFiles?: boolean;
  /** Announce `completionItem.labelDetailsSupport` (as VS Code does); false acts like Neovim 0.7. On by default. */
  labelDetails?: boolean;
  /** Extra environment variables for the server process (e.g. POLICY_FACT_CHECK_FAULT). */
  env?: Record<string, string>;
}

export class LspClient {
  readonly notifications: Message[] = [];
  /** Requests the server sent to the client, in order. */
  readonly serverRequests: Array<{ method: string; params: any }> = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  initializeResult!: InitializeResult;

  private seq = 0;
  private waiters: Array<() => void> = [];
  private readonly exited: Promise<number | null>;
  private versions = new Map<string, number>();
  /** The client's copy of each open document, updated with the same edits it sends. */
  readonly docs = new Map<string, TextDocument>();

  private constructor(readonly proc: ChildProcessWithoutNullStreams, readonly conn: MessageConnection, private readonly options: StartOptions) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => { this.exitCode = code; this.wake(); resolve(code); }));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    requireBuild();
    const proc = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ...options.env } });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspClient(proc, conn, options);
    proc.stderr.on('data', (chunk: Buffer) => { client.stderr += chunk.toString('utf8'); });
    proc.on('error', (e) => { client.stderr += `spawn error: ${e.message}\n`; });
    client.installHandlers();
    conn.listen();
    try {
      await client.initialize();
    } catch (e) {
      await client.dispose(); // never leave a half-started server behind
      throw e;
    }
    return client;
  }

  private async initialize(): Promise<void> {
    const options = this.options;
    const mode = options.configuration ?? 'null';
    // processId: the server exits by itself if the test runner dies without killing it.
    this.initializeResult = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'policy-fact-check protocol tests' },
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      capabilities: {
        workspace: {
          configuration: mode !== 'unsupported',
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
          ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { labelDetailsSupport: options.labelDetails !== false, snippetSupport: false } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
          codeAction: {
            dataSupport: true,
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
          },
        },
        window: { workDoneProgress: true },
        general: { positionEncodings: ['utf-16'] },
      },
    });
    await this.conn.sendNotification('initialized', {});
  }

  private installHandlers(): void {
    this.conn.onRequest('workspace/configuration', async (params: { items: Array<{ scopeUri?: string; section?: string }> }) => {
      this.serverRequests.push({ method: 'workspace/configuration', params });
      if (this.options.configurationDelayMs) await sleep(this.options.configurationDelayMs);
      const mode = this.options.configuration ?? 'null';
      return params.items.map((item) => (typeof mode === 'function' ? mode(item) : null));
    });
    this.conn.onRequest('client/registerCapability', (params) => {
      this.serverRequests.push({ method: 'client/registerCapability', params });
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', (params) => {
      this.serverRequests.push({ method: 'client/unregisterCapability', params });
      return null;
    });
    // Whatever else a server may ask: the replies a plain editor gives.
    this.conn.onRequest((method: string, params: unknown) => {
      this.serverRequests.push({ method, params });
      switch (method) {
        case 'window/workDoneProgress/create': return null;
        case 'window/showMessageRequest': return null;
        case 'window/showDocument': return { success: false };
        case 'workspace/workspaceFolders': return this.options.workspaceFolders ?? null;
        case 'workspace/applyEdit': return { applied: false, failureReason: 'the protocol test client applies no edits' };
        default:
          if (method.startsWith('workspace/') && method.endsWith('/refresh')) return null;
          return new ResponseError(ErrorCodes.MethodNotFound, `the test client does not handle ${method}`);
      }
    });
    this.conn.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params, seq: this.seq++ });
      this.wake();
    });
    this.conn.onError(([e]) => { this.stderr += `connection error: ${e.message}\n`; });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** A request, failing with the server's stderr when it takes too long. */
  async request<T>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method}: no response within ${timeoutMs} ms.\nserver stderr:\n${this.stderr}`)), timeoutMs);
    });
    try {
      const exited = this.exited.then((code) => { throw new Error(`${method}: the server exited (code ${code}) before answering.\nserver stderr:\n${this.stderr}`); });
      return await Promise.race([this.conn.sendRequest(method, params) as Promise<T>, timeout, exited]);
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** The index the next notification will get: pass it as `since` to wait only for newer ones. */
  mark(): number {
    return this.seq;
  }

  /** Waits for a notification (already received at or after `since`, or still to come) that satisfies `match`. */
  async waitFor(method: string, match: (params: any) => boolean = () => true, options: { since?: number; timeoutMs?: number; what?: string } = {}): Promise<any> {
    const since = options.since ?? 0;
    const timeoutMs = options.timeoutMs ?? 5_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notifications.find((n) => n.seq >= since && n.method === method && match(n.params));
      if (found) return found.params;
      if (this.exitCode !== undefined) throw new Error(`the server exited (code ${this.exitCode}) while waiting for ${options.what ?? method}.\nserver stderr:\n${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.notifications.filter((n) => n.seq >= since).map((n) => `${n.method} ${JSON.stringify(n.params).slice(0, 200)}`);
        throw new Error(`no ${options.what ?? method} within ${timeoutMs} ms. Received since: \n${seen.join('\n') || '(nothing)'}\nserver stderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** The publishDiagnostics for `uri` (with `version` when given) received at or after `since`, or the next one. */
  waitForDiagnostics(uri: string, options: { version?: number; since?: number; timeoutMs?: number } = {}): Promise<PublishDiagnosticsParams> {
    return this.waitFor('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => p.uri === uri && (options.version === undefined || p.version === options.version), {
      since: options.since, timeoutMs: options.timeoutMs, what: `publishDiagnostics for ${uri}${options.version === undefined ? '' : ` version ${options.version}`}`,
    });
  }

  /** Every publishDiagnostics received for `uri`, in arrival order. */
  published(uri: string, since = 0): PublishDiagnosticsParams[] {
    return this.notifications.filter((n) => n.seq >= since && n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params);
  }

  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, version);
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Opens `text` and waits for its first diagnostics. */
  async openAndWait(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const since = this.mark();
    await this.open(uri, text, version);
    return this.waitForDiagnostics(uri, { version, since });
  }

  /** Sends one didChange with the next version; returns that version. Keeps the client's copy in step. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const doc = this.docs.get(uri);
    if (doc) this.docs.set(uri, TextDocument.update(doc, changes, version));
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  text(uri: string): string {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open in the test client`);
    return doc.getText();
  }

  /** The range of the `occurrence`-th (0-based) `needle` in the client's copy of `uri`, in LSP (UTF-16) positions. */
  rangeOf(uri: string, needle: string, occurrence = 0): Range {
    return rangeIn(this.text(uri), needle, occurrence);
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    this.versions.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null> {
    return this.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range, context: only ? { diagnostics, only } : { diagnostics } });
  }

  /** shutdown + exit; resolves with the exit code. */
  async shutdown(): Promise<{ result: unknown; code: number | null; ms: number }> {
    const result = await this.request('shutdown', null);
    const started = Date.now();
    await this.notify('exit', null);
    const code = await this.waitForExit(3000);
    return { result, code, ms: Date.now() - started };
  }

  /** The exit code, failing if the process is still running after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the connection and the process, whatever state they are in. For `after` hooks. */
  async dispose(): Promise<void> {
    this.conn.dispose();
    if (this.exitCode === undefined) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
  }

  /** The process is still running. */
  get alive(): boolean {
    return this.exitCode === undefined;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ── Text helpers ─────────────────────────────────────────────────────────────

/** Zero-based LSP position of a UTF-16 offset, counting \n, \r\n and \r as line ends. */
export function positionAt(text: string, offset: number): Position {
  return TextDocument.create('untitled:x', 'markdown', 0, text).positionAt(offset);
}

export function rangeIn(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

/** Applies LSP TextEdits (non-overlapping, in any order) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'markdown', 0, text), edits);
}

/** The edits of a WorkspaceEdit for one document, from `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  }
  return out;
}

/** A diagnostic's message as text (LSP 3.18 allows MarkupContent). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** A diagnostic reduced to what must match between two checks of the same text. */
export function essence(d: Diagnostic): unknown {
  return { range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message, data: d.data };
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; file: (name: string, text: string) => { path: string; uri: string }; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pfc-protocol-'));
  return {
    dir,
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return { path, uri: pathToFileURL(path).href };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliRun { status: number | null; stdout: string; stderr: string }

/** Runs the CLI in `cwd` (asynchronously, so that suites can run side by side); killed after 30 s. */
export function runCli(cwd: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}

/** What `policy-fact-check check --format json FILE` reports for a file: its diagnostics. */
export function cliDiagnostics(path: string, extraArgs: string[] = []): Diagnostic[] {
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...extraArgs, path], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`policy-fact-check check failed (${run.status}): ${run.stderr}`);
  const results = JSON.parse(run.stdout) as Array<{ file: string; diagnostics: Diagnostic[] }>;
  if (results.length !== 1) throw new Error(`expected one file in the CLI output, got ${results.length}`);
  return results[0]!.diagnostics;
}
