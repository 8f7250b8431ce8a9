import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FACT_STATES_REQUEST, type FactStatesParams, type FactStatesResult, type FactSummary } from '../../server/src/lsp/protocol';
import { isCheckedDocument } from './clientOptions';
import { COMMANDS, CONTEXT_ACTIVE, CONTEXT_FACTS_VIEW, FACTS_VIEW_ID } from './commandIds';
import type { FactsViewSnapshot, FactsViewStatus } from './extensionApi';
import { insertCitationAt } from './insertCitation';
import { escapeMarkdownText } from './markdownText';
import { isEnabledFor } from './settings';
import type { StatusStore } from './statusStore';

/**
 * The Facts view (Explorer): every fact of the loaded fact bases, grouped by source, with what
 * the draft in the active editor does with it: contradicts it, states it, cites it, or not.
 */

type SourceStates = FactStatesResult['sources'][number];
export type FactState = SourceStates['facts'][number];

/** Plain data, so that a node can travel as a command argument. */
interface SourceNode {
  kind: 'source';
  id: string;
  uri: string;
  version: number;
  source: { key: string; reference: string };
  facts: FactNode[];
}

interface FactNode {
  kind: 'fact';
  id: string;
  uri: string;
  /** The document version the state and ranges belong to. */
  version: number;
  source: { key: string; reference: string };
  fact: FactState;
}

type FactsNode = SourceNode | FactNode;

interface Shown {
  uri: string;
  version: number;
  label: string;
  sources: SourceNode[];
}

/** Long enough to let a burst of checks while typing settle, short enough to follow the draft. */
const REFRESH_DELAY_MS = 200;

const STATE_WORDS: Record<FactState['state'], { title: string; detail: string }> = {
  contradicted: { title: 'Contradicted', detail: 'a sentence of this draft gives another value than the source.' },
  stated: { title: 'Stated', detail: 'a sentence of this draft makes this claim, as the source does.' },
  cited: { title: 'Cited', detail: 'this draft cites the paragraph, but no sentence makes the claim.' },
  none: { title: 'Not in this draft', detail: 'no sentence makes this claim and no citation names its paragraph.' },
};

const STATE_ICONS: Record<FactState['state'], { id: string; color?: string }> = {
  contradicted: { id: 'error', color: 'problemsErrorIcon.foreground' },
  stated: { id: 'pass' },
  cited: { id: 'references' },
  none: { id: 'circle-outline' },
};

export function stateIcon(state: FactState['state']): vscode.ThemeIcon {
  const { id, color } = STATE_ICONS[state];
  return color ? new vscode.ThemeIcon(id, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(id);
}

export function factDescription(fact: Pick<FactState, 'values' | 'paragraph'>): string {
  // A fact may give the same text for two values (“four countries”, “four regions”): show it once.
  const values = [...new Set(fact.values)].join('; ');
  return values ? `${values} · para. ${fact.paragraph}` : `para. ${fact.paragraph}`;
}

/** Untrusted, and every piece of fact-base data escaped: a fact base is data, never markup. */
export function factTooltip(source: { reference: string }, fact: FactState): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  const words = STATE_WORDS[fact.state];
  tooltip.appendMarkdown(`> ${escapeMarkdownText(fact.quote)}\n\n`);
  tooltip.appendMarkdown(`${escapeMarkdownText(`${source.reference}, para. ${fact.paragraph}`)}\n\n`);
  tooltip.appendMarkdown(`**${words.title}**: ${words.detail}`);
  if (fact.ranges.length > 1) tooltip.appendMarkdown(` (${fact.ranges.length} places)`);
  tooltip.appendMarkdown('\n\n');
  tooltip.appendMarkdown(fact.ranges.length ? '*Select to reveal it in the draft.*' : '*Select to cite it at the cursor.*');
  return tooltip;
}

function toSummary(node: FactNode): FactSummary {
  const { fact, source } = node;
  return { id: fact.id, sourceKey: source.key, claim: fact.claim, quote: fact.quote, paragraph: fact.paragraph, reference: source.reference };
}

function toRange(range: FactState['ranges'][number]): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function documentLabel(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString(true);
}

function nodesOf(uri: string, version: number, result: FactStatesResult): SourceNode[] {
  const ids = new Set<string>();
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; ids.has(candidate); n++) candidate = `${id}#${n}`;
    ids.add(candidate);
    return candidate;
  };
  return result.sources.map((s) => {
    const source = { key: s.key, reference: s.reference };
    return {
      kind: 'source', id: unique(`source/${s.key}`), uri, version, source,
      facts: s.facts.map<FactNode>((fact) => ({ kind: 'fact', id: unique(`fact/${s.key}/${fact.id}`), uri, version, source, fact })),
    };
  });
}

export class FactsTreeProvider implements vscode.TreeDataProvider<FactsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly treeView: vscode.TreeView<FactsNode>;
  private readonly subscriptions: vscode.Disposable[];
  private shown: Shown | undefined;
  /** The draft the view follows; kept while it stays visible and focus is elsewhere (a panel, another editor group). */
  private followed: string | undefined;
  private status: FactsViewStatus | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set when an update was skipped because the view was hidden. */
  private stale = true;
  private generation = 0;
  private inFlight: vscode.CancellationTokenSource | undefined;

  constructor(private readonly client: LanguageClient, statuses: StatusStore) {
    this.treeView = vscode.window.createTreeView(FACTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.treeView,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      statuses.onDidChange((uri) => {
        if (uri.toString() === this.targetDocument()?.uri.toString() || uri.toString() === this.followed) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('policyFactCheck')) this.schedule();
      }),
      this.treeView.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) this.schedule(0);
      }),
    ];
    void vscode.commands.executeCommand('setContext', CONTEXT_ACTIVE, true);
    this.setStatus(this.targetDocument() ? 'loading' : 'noDocument');
    this.schedule(0);
  }

  getTreeItem(node: FactsNode): vscode.TreeItem {
    if (node.kind === 'source') {
      const item = new vscode.TreeItem(node.source.key, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = node.source.reference;
      item.iconPath = new vscode.ThemeIcon('book');
      item.contextValue = 'source';
      const counts = (['contradicted', 'stated', 'cited'] as const)
        .map((state) => [state, node.facts.filter((f) => f.fact.state === state).length] as const)
        .filter(([, n]) => n > 0)
        .map(([state, n]) => `${n} ${state}`);
      const tooltip = new vscode.MarkdownString();
      tooltip.appendMarkdown(`${escapeMarkdownText(node.source.reference)}\n\n`);
      tooltip.appendMarkdown(`${node.facts.length} ${node.facts.length === 1 ? 'fact' : 'facts'}${counts.length ? `: ${counts.join(', ')} in this draft` : ', none in this draft'}`);
      item.tooltip = tooltip;
      return item;
    }
    const { fact, source } = node;
    const item = new vscode.TreeItem(fact.claim, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = factDescription(fact);
    item.iconPath = stateIcon(fact.state);
    item.tooltip = factTooltip(source, fact);
    item.contextValue = fact.ranges.length ? 'fact.located' : 'fact';
    item.accessibilityInformation = { label: `${fact.claim} ${STATE_WORDS[fact.state].title}. ${item.description}` };
    item.command = { command: COMMANDS.factsOpen, title: fact.ranges.length ? 'Reveal in Draft' : 'Insert Citation', arguments: [node] };
    return item;
  }

  getChildren(node?: FactsNode): FactsNode[] {
    if (!node) return this.shown?.sources ?? [];
    return node.kind === 'source' ? node.facts : [];
  }

  getParent(node: FactsNode): FactsNode | undefined {
    if (node.kind === 'source') return undefined;
    return this.shown?.sources.find((s) => s.facts.includes(node));
  }

  /** The Markdown draft the view is about: the active editor's, else the one it followed while still in view. */
  private targetDocument(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isCheckedDocument(active)) return active;
    if (!this.followed) return undefined;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.followed)?.document;
  }

  private schedule(delay = REFRESH_DELAY_MS): void {
    this.stale = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.treeView.visible) return;
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks the server for the states of the target draft's facts and shows them. */
  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stale = false;
    const generation = ++this.generation;
    this.inFlight?.cancel();
    this.inFlight = undefined;
    const document = this.targetDocument();
    this.followed = document?.uri.toString();
    if (!document) return this.show(undefined, 'noDocument');
    if (!isEnabledFor(document.uri)) return this.show(undefined, 'disabled');
    const cancellation = new vscode.CancellationTokenSource();
    this.inFlight = cancellation;
    try {
      const version = document.version;
      const result = await this.fetch(document, cancellation.token);
      if (generation !== this.generation) return;
      const uri = document.uri.toString();
      const shown: Shown = { uri, version, label: documentLabel(document.uri), sources: nodesOf(uri, version, result) };
      this.show(shown, shown.sources.length ? 'ready' : 'noFactBase');
    } catch (e) {
      if (generation !== this.generation) return;
      this.show(undefined, 'error', e instanceof Error ? e.message : String(e));
    } finally {
      cancellation.dispose();
      if (this.inFlight === cancellation) this.inFlight = undefined;
    }
  }

  private fetch(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<FactStatesResult> {
    const params: FactStatesParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
    return this.client.sendRequest<FactStatesResult>(FACT_STATES_REQUEST, params, token);
  }

  private show(shown: Shown | undefined, status: FactsViewStatus, problem?: string): void {
    this.shown = shown;
    this.setStatus(status);
    this.treeView.description = shown?.label;
    this.treeView.message = status === 'error' ? `Could not load the facts: ${problem ?? 'unknown error'}` : undefined;
    this.changed.fire();
  }

  private setStatus(status: FactsViewStatus): void {
    if (status === this.status) return;
    this.status = status;
    void vscode.commands.executeCommand('setContext', CONTEXT_FACTS_VIEW, status);
  }

  /** The tree as plain data, freshly loaded for the target draft: what the integration tests read. */
  async snapshot(): Promise<FactsViewSnapshot> {
    await this.refresh();
    const shown = this.shown;
    const text = (value: string | vscode.MarkdownString | undefined) => (typeof value === 'string' ? value : value?.value ?? '');
    return {
      status: this.status ?? 'loading',
      document: shown ? { uri: shown.uri, version: shown.version } : undefined,
      sources: (shown?.sources ?? []).map((source) => {
        const item = this.getTreeItem(source);
        return {
          key: source.source.key,
          label: String(item.label),
          description: String(item.description ?? ''),
          facts: source.facts.map((node) => {
            const fact = this.getTreeItem(node);
            const icon = fact.iconPath as vscode.ThemeIcon;
            return {
              id: node.fact.id,
              label: String(fact.label),
              description: String(fact.description ?? ''),
              tooltip: text(fact.tooltip),
              state: node.fact.state,
              icon: icon.id,
              iconColor: STATE_ICONS[node.fact.state].color,
              contextValue: fact.contextValue ?? '',
              ranges: node.fact.ranges.map(toRange),
              command: fact.command,
            };
          }),
        };
      }),
    };
  }

  /** Selecting a fact: reveal where the draft states or cites it, or else cite it at the cursor. */
  async open(node: FactNode): Promise<void> {
    const editor = await this.editorFor(node.uri, true);
    if (!editor) return;
    const ranges = await this.currentRanges(editor, node);
    if (ranges === undefined) return;
    if (ranges.length) reveal(editor, ranges[0]!);
    else await this.insert(node, editor);
  }

  async revealCommand(node: FactNode): Promise<void> {
    const editor = await this.editorFor(node.uri, false);
    if (!editor) return;
    const ranges = await this.currentRanges(editor, node);
    if (ranges === undefined) return;
    if (ranges.length) reveal(editor, ranges[0]!);
    else void vscode.window.showInformationMessage(`Policy Fact Check: the draft neither states nor cites “${node.fact.claim}”.`);
  }

  async insertCommand(node: FactNode): Promise<void> {
    const editor = await this.editorFor(node.uri, false);
    if (editor) await this.insert(node, editor);
  }

  private async insert(node: FactNode, editor: vscode.TextEditor): Promise<void> {
    if (!(await insertCitationAt(editor, toSummary(node), { replaceSelection: false }))) {
      void vscode.window.showWarningMessage('Policy Fact Check: could not insert the citation: the editor is read-only or was closed.');
    }
  }

  /** The fact's ranges in the document as it is now: asks again if it changed since the view was drawn. */
  private async currentRanges(editor: vscode.TextEditor, node: FactNode): Promise<vscode.Range[] | undefined> {
    if (editor.document.version === node.version) return node.fact.ranges.map((r) => editor.document.validateRange(toRange(r)));
    const result = await this.fetch(editor.document);
    const fact = result.sources.find((s) => s.key === node.source.key)?.facts.find((f) => f.id === node.fact.id);
    if (!fact) {
      void vscode.window.showInformationMessage(`Policy Fact Check: the fact “${node.fact.claim}” is no longer in the loaded fact bases.`);
      return undefined;
    }
    return fact.ranges.map((r) => editor.document.validateRange(toRange(r)));
  }

  /** The editor showing the node's draft, brought forward (in its own editor group) or opened again. */
  private async editorFor(uri: string, preserveFocus: boolean): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    const visible = active?.document.uri.toString() === uri ? active : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    const document = visible?.document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (!document) {
      void vscode.window.showInformationMessage('Policy Fact Check: the draft of this fact is no longer open.');
      return undefined;
    }
    return vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.inFlight?.cancel();
    this.inFlight?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function reveal(editor: vscode.TextEditor, range: vscode.Range): void {
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function isFactNode(value: unknown): value is FactNode {
  return typeof value === 'object' && value !== null && (value as FactNode).kind === 'fact';
}

/** The view and its commands; the returned provider also serves the extension API. */
export function registerFactsView(client: LanguageClient, statuses: StatusStore): { provider: FactsTreeProvider; disposable: vscode.Disposable } {
  const provider = new FactsTreeProvider(client, statuses);
  const withFact = (action: (node: FactNode) => Promise<void>) => async (node: unknown) => {
    if (!isFactNode(node)) return;
    try {
      await action(node);
    } catch (e) {
      void vscode.window.showErrorMessage(`Policy Fact Check: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const disposable = vscode.Disposable.from(
    provider,
    vscode.commands.registerCommand(COMMANDS.factsRefresh, () => provider.refresh()),
    vscode.commands.registerCommand(COMMANDS.factsOpen, withFact((node) => provider.open(node))),
    vscode.commands.registerCommand(COMMANDS.factsReveal, withFact((node) => provider.revealCommand(node))),
    vscode.commands.registerCommand(COMMANDS.factsInsertCitation, withFact((node) => provider.insertCommand(node))),
  );
  return { provider, disposable };
}
