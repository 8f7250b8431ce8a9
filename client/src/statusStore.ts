import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

/** The latest check result per document, as the server reported it. */
export class StatusStore implements vscode.Disposable {
  private readonly byUri = new Map<string, StatusParams>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly closing: vscode.Disposable;

  constructor() {
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri));
  }

  /** Ignores a report older than the one kept; a re-check of the same version (after a settings change) replaces it. */
  update(uri: vscode.Uri, status: StatusParams): void {
    const key = uri.toString();
    const known = this.byUri.get(key);
    if (known && known.version > status.version) return;
    this.byUri.set(key, status);
    this.changed.fire(uri);
  }

  get(uri: vscode.Uri): StatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  private forget(uri: vscode.Uri): void {
    if (this.byUri.delete(uri.toString())) this.changed.fire(uri);
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
  }
}
