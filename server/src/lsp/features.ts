import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, CompletionItemKind, InsertTextFormat,
  type CodeAction, type CodeActionParams, type CompletionItem, type CompletionParams, type Connection, type Diagnostic, type Hover, type HoverParams,
} from 'vscode-languageserver/node';
import { checkDocument, createChunkCache } from '../core/check';
import { citationCompletions } from '../core/completion';
import { factStates } from '../core/factStates';
import { formatReference, hoverAt } from '../core/hover';
import { displayValue } from '../core/match/report';
import { referencesEdit } from '../core/references';
import { LineIndex } from '../core/text/lineIndex';
import { readDraft } from '../node/drafts';
import { fixAll, FIX_ALL_KIND, quickFixes } from './codeActions';
import { DIAGNOSTIC_SOURCE, toDiagnostics, toTextEdit } from './convert';
import type { DocumentChecks } from './documentChecks';
import type { KnowledgeStore } from './knowledgeStore';
import {
  UPDATE_REFERENCES_KIND,
  type CheckFilesParams, type CheckFilesResult, type FactStatesParams, type FactStatesResult, type FactSummary, type ListFactsParams,
} from './protocol';
import type { SettingsStore } from './settingsStore';

/** The request handlers: each looks the document up and delegates to the core. */
export class Features {
  /** Whether the client shows labelDetails; otherwise the claim goes into the label (Neovim 0.7, for one). */
  labelDetailsSupport = false;

  constructor(
    private readonly connection: Connection,
    private readonly checks: DocumentChecks,
    private readonly settings: SettingsStore,
    private readonly knowledge: KnowledgeStore,
  ) {}

  async hover(params: HoverParams): Promise<Hover | null> {
    const found = await this.checks.fresh(params.textDocument.uri);
    const { result, index, knowledge } = found?.state ?? {};
    if (!result || !index || !knowledge) return null;
    const hover = hoverAt(knowledge, result, index.offsetAt(params.position));
    if (!hover) return null;
    return {
      contents: { kind: 'markdown', value: hover.markdown },
      range: { start: index.positionAt(hover.start), end: index.positionAt(hover.end) },
    };
  }

  async completion(params: CompletionParams): Promise<CompletionItem[]> {
    const found = await this.checks.fresh(params.textDocument.uri);
    const { index, knowledge } = found?.state ?? {};
    if (!found || !index || !knowledge) return [];
    const text = found.doc.getText();
    const footnoteLabels = new Set<string>();
    for (const m of text.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)) footnoteLabels.add(m[1]!);
    return citationCompletions(knowledge, { text, offset: index.offsetAt(params.position), footnoteLabels }).map((item) => ({
      // The claim once, beside the label (or in it, for clients that show no label details); the documentation has the quote.
      label: this.labelDetailsSupport || item.kind !== 'fact' ? item.label : `${item.label} — ${shorten(item.detail, 70)}`,
      labelDetails: this.labelDetailsSupport ? { description: item.detail } : undefined,
      detail: this.labelDetailsSupport ? undefined : item.detail,
      kind: item.kind === 'source' ? CompletionItemKind.Reference : item.kind === 'fact' ? CompletionItemKind.Value : CompletionItemKind.Text,
      documentation: item.documentation ? { kind: 'markdown', value: item.documentation } : undefined,
      textEdit: { range: { start: index.positionAt(item.replaceStart), end: index.positionAt(item.replaceEnd) }, newText: item.insertText },
      insertTextFormat: InsertTextFormat.PlainText,
      filterText: item.filterText,
      sortText: item.sortText,
      additionalTextEdits: item.additionalEdits.map((e) => toTextEdit(e, index)),
    }));
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      // Fixes come from the server's diagnostics of the text as it is now, never from the `data` the
      // client sent back: that may belong to an older version (or be missing, as some clients drop it).
      // A diagnostic that no longer matches one of them is stale and gets no fix.
      const found = ours.length ? await this.checks.fresh(uri) : null;
      const current = ours.flatMap((d) => found?.state.diagnostics.find((x) => x.code === d.code && sameRange(x, d) && x.message === d.message) ?? []);
      actions.push(...quickFixes(uri, current));
    }
    if (wants(FIX_ALL_KIND)) {
      const found = await this.checks.fresh(uri);
      const action = found ? fixAll(uri, found.state.diagnostics) : null;
      if (action) actions.push(action);
    }
    // Only on request (the Source Action menu): it rewrites a whole section.
    if (only?.some((k) => UPDATE_REFERENCES_KIND === k || UPDATE_REFERENCES_KIND.startsWith(`${k}.`))) {
      const action = await this.updateReferences(uri);
      if (action) actions.push(action);
    }
    return actions;
  }

  private async updateReferences(uri: string): Promise<CodeAction | null> {
    const found = await this.checks.fresh(uri);
    const { result, index, knowledge } = found?.state ?? {};
    if (!found || !result || !index || !knowledge) return null;
    const settings = await this.settings.forUri(uri);
    const edit = referencesEdit(knowledge, found.doc.getText(), result, settings.citationStyle);
    if (!edit) return null;
    const title = settings.citationStyle === 'footnote' ? 'Add the missing footnote definitions of cited sources' : 'Update the references section with every cited source';
    return { title, kind: UPDATE_REFERENCES_KIND, edit: { changes: { [uri]: [toTextEdit(edit, index)] } } };
  }

  async listFacts(params: ListFactsParams): Promise<FactSummary[]> {
    const knowledge = this.knowledge.get(await this.settings.forUri(params.uri), params.uri);
    return knowledge.facts.map((fact) => {
      const source = knowledge.sources.get(fact.sourceKey);
      return { id: fact.id, sourceKey: fact.sourceKey, claim: fact.claim, quote: fact.quote, paragraph: fact.paragraph, reference: source ? formatReference(source) : fact.sourceKey };
    });
  }

  async factStates(params: FactStatesParams): Promise<FactStatesResult> {
    const found = await this.checks.fresh(params.uri);
    const knowledge = found?.state.knowledge ?? this.knowledge.get(await this.settings.forUri(params.uri), params.uri);
    const result = found?.state.result;
    const index = found?.state.index;
    const byFact = new Map((result ? factStates(knowledge, result) : []).map((s) => [s.factId, s]));
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

  /** Checks files from disk that the editor has not opened, publishing their diagnostics. */
  async checkFiles(params: CheckFilesParams, isOpen: (uri: string) => boolean): Promise<CheckFilesResult> {
    const result: CheckFilesResult = { files: 0, claims: 0, contradictions: 0, skipped: [] };
    for (const uri of params.uris) {
      if (isOpen(uri)) {
        const found = await this.checks.fresh(uri);
        const stats = found?.state.result?.stats;
        result.files++;
        result.claims += stats?.claims ?? 0;
        result.contradictions += stats?.contradictions ?? 0;
        continue;
      }
      if (!uri.startsWith('file:')) { result.skipped.push({ uri, reason: 'not a file' }); continue; }
      const read = readDraft(fileURLToPath(uri));
      if ('problem' in read) { result.skipped.push({ uri, reason: read.problem }); continue; }
      const settings = await this.settings.forUri(uri);
      if (!settings.enable) continue;
      const checked = checkDocument(this.knowledge.get(settings, uri), read.text, createChunkCache(), this.checks.checkOptions(settings, uri));
      result.files++;
      result.claims += checked.stats.claims;
      result.contradictions += checked.stats.contradictions;
      void this.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(checked.findings, new LineIndex(read.text), settings.severity) });
    }
    return result;
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character
    && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}
