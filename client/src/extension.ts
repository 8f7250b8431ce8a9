import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';
import { CLIENT_ID, CLIENT_NAME, clientOptions, serverOptions } from './clientOptions';
import { registerCommands } from './commands';
import { forwardConfigurationChanges } from './configurationSync';
import type { PolicyFactCheckApi } from './extensionApi';
import { registerFactsView } from './factsView';
import { FactCheckStatusBar } from './statusBar';
import { StatusStore } from './statusStore';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PolicyFactCheckApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const languageClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions(context), clientOptions(output));
  client = languageClient;
  const statuses = new StatusStore();
  const facts = registerFactsView(languageClient, statuses);
  context.subscriptions.push(
    output,
    statuses,
    new FactCheckStatusBar(statuses),
    registerCommands(context, languageClient),
    facts.disposable,
    forwardConfigurationChanges(languageClient),
    languageClient.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
      statuses.update(languageClient.protocol2CodeConverter.asUri(status.uri), status);
    }),
  );
  await languageClient.start();
  return { statusFor: (uri) => statuses.get(uri), factsView: () => facts.provider.snapshot() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
