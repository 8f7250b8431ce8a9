import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { isCheckedDocument } from './clientOptions';
import { COMMANDS } from './commandIds';
import { isEnabledFor } from './settings';
import type { StatusStore } from './statusStore';

/** One status bar item that follows the active editor: what the last check of its document found. */
export class FactCheckStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyFactCheck.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly statuses: StatusStore) {
    this.item.name = 'Policy Fact Check';
    this.item.command = COMMANDS.showProblems;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      statuses.onDidChange((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.render();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('policyFactCheck.enable')) this.render();
      }),
    ];
    this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isCheckedDocument(document) || !isEnabledFor(document.uri)) {
      this.item.hide();
      return;
    }
    const status = this.statuses.get(document.uri);
    this.item.text = status ? statusText(status) : '$(sync~spin) Checking claims';
    this.item.tooltip = status ? statusTooltip(status) : 'Policy Fact Check is checking this document against the fact bases.';
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function statusText(status: StatusParams): string {
  if (status.contradictions > 0) return `$(checklist) ${count(status.claims, 'claim')} · ${status.contradictions} ${status.contradictions === 1 ? 'contradicts' : 'contradict'}`;
  if (status.claims === 0) return '$(checklist) No checkable claims';
  return `$(check) ${count(status.claims, 'claim')} checked`;
}

export function statusTooltip(status: StatusParams): vscode.MarkdownString {
  const claims = status.claims === 1 ? '1 makes a claim' : `${status.claims} make a claim`;
  const verdict = status.contradictions === 0
    ? 'none contradicts its source.'
    : `${status.contradictions} ${status.contradictions === 1 ? 'contradicts' : 'contradict'} the source.`;
  const summary = status.claims === 0
    ? `No claim that a fact base covers in ${count(status.sentences, 'sentence')}.`
    : `Of ${count(status.sentences, 'sentence')}, ${claims} that a fact base covers; ${verdict}`;
  return new vscode.MarkdownString(['**Policy Fact Check**', '', summary, '', 'Click to open the Problems view.'].join('\n'));
}
