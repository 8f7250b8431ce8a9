import * as vscode from 'vscode';
import { TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { silenceBuiltInConfigurationSync } from './configurationSync';

/** The id also names the trace setting, `policyFactCheck.trace.server`, which the language client reads. */
export const CLIENT_ID = 'policyFactCheck';
export const CLIENT_NAME = 'Policy Fact Check';

/** Markdown from every scheme the editor opens it from; the server reads from disk only for `file`. */
export const MARKDOWN_SELECTOR: Array<{ language: string; scheme: string }> = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: 'vscode-vfs' },
  { language: 'markdown', scheme: 'vscode-remote' },
];

/** Fact base files, which the server validates as they are edited (and which take effect at once). */
export const FACT_BASE_SELECTOR: Array<{ scheme: string; pattern: string }> = [
  { scheme: 'file', pattern: '**/*.facts.{yaml,yml,json}' },
];

export function isCheckedDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(MARKDOWN_SELECTOR, document) > 0;
}

export function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
}

export function clientOptions(outputChannel: vscode.LogOutputChannel): LanguageClientOptions {
  // No `synchronize.configurationSection` (deprecated): see configurationSync.ts.
  return {
    documentSelector: [...MARKDOWN_SELECTOR, ...FACT_BASE_SELECTOR],
    outputChannel,
    middleware: silenceBuiltInConfigurationSync,
    // In Restricted Mode the server reads no source text from outside the workspace.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
}
