import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_FILES_REQUEST, type CheckFilesParams, type CheckFilesResult } from '../../server/src/lsp/protocol';

/** Small enough that progress moves and cancelling takes effect soon; large enough to keep round trips few. */
const BATCH_SIZE = 20;

/** Checks every Markdown file of the workspace, open or not, so the Problems view lists them all. */
export async function recheckWorkspace(client: LanguageClient): Promise<CheckFilesResult | undefined> {
  const files = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**');
  if (!files.length) {
    void vscode.window.showInformationMessage('Policy Fact Check: no Markdown files in this workspace.');
    return undefined;
  }
  const total: CheckFilesResult = { files: 0, claims: 0, contradictions: 0, skipped: [] };
  const cancelled = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Policy Fact Check', cancellable: true },
    async (progress, token) => {
      for (let start = 0; start < files.length; start += BATCH_SIZE) {
        if (token.isCancellationRequested) return true;
        const batch = files.slice(start, start + BATCH_SIZE);
        progress.report({ message: `checking ${start + 1}–${start + batch.length} of ${files.length} files`, increment: (100 * batch.length) / files.length });
        const params: CheckFilesParams = { uris: batch.map((uri) => client.code2ProtocolConverter.asUri(uri)) };
        let result: CheckFilesResult;
        try {
          result = await client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, params, token);
        } catch (e) {
          if (token.isCancellationRequested) return true;
          throw e;
        }
        total.files += result.files;
        total.claims += result.claims;
        total.contradictions += result.contradictions;
        total.skipped.push(...result.skipped);
      }
      return false;
    },
  );
  void vscode.window.showInformationMessage(summary(total, cancelled));
  if (total.skipped.length) {
    client.outputChannel.appendLine(`Re-check skipped ${total.skipped.length} file(s):`);
    for (const { uri, reason } of total.skipped) client.outputChannel.appendLine(`  ${uri}: ${reason}`);
  }
  return total;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summary(result: CheckFilesResult, cancelled: boolean): string {
  const head = cancelled ? 'Re-check cancelled after' : 'Checked';
  const verdict = result.contradictions === 0 ? 'none contradicts its source' : `${result.contradictions} ${result.contradictions === 1 ? 'contradicts' : 'contradict'} the source`;
  const skipped = result.skipped.length ? ` ${plural(result.skipped.length, 'file')} skipped (see the output).` : '';
  return `Policy Fact Check: ${head} ${plural(result.files, 'file')}: ${plural(result.claims, 'claim')}, ${verdict}.${skipped}`;
}
