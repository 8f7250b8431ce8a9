import type * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

/** What `activate` returns: other extensions and the integration tests read the check status through it. */
export interface PolicyFactCheckApi {
  /** The latest status the server reported for the document, or undefined before its first check. */
  statusFor(uri: vscode.Uri): StatusParams | undefined;
}
