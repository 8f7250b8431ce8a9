import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { CONFIGURATION_SECTION } from './settings';
import { TRUST_NOTIFICATION, type TrustParams } from '../../server/src/lsp/protocol';

/**
 * The server pulls settings per document (workspace/configuration) and only needs to hear that
 * `policyFactCheck.*` may have changed. This module is the one place that tells it, also when
 * workspace trust is granted: that changes what the restricted settings resolve to without any
 * settings file changing.
 */
export function forwardConfigurationChanges(client: LanguageClient): vscode.Disposable {
  const notify = () => {
    if (!client.isRunning()) return;
    client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch((e: unknown) => {
      client.error('Could not tell the server that the settings changed', e);
    });
  };
  const trusted = () => {
    if (client.isRunning()) void client.sendNotification(TRUST_NOTIFICATION, { trusted: true } satisfies TrustParams);
    notify();
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(CONFIGURATION_SECTION)) notify();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(trusted),
  );
}

/**
 * When the server registers for the notification, the language client would forward every
 * change too (and once right away): the server would re-check every open document twice.
 */
export const silenceBuiltInConfigurationSync: Middleware = {
  workspace: { didChangeConfiguration: () => Promise.resolve() },
};
