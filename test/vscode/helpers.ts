import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyFactCheckApi } from '../../client/src/extensionApi';

export const EXTENSION_ID = 'policy-fact-check.policy-fact-check';
export const DIAGNOSTIC_SOURCE = 'policy-fact-check';
const POLL_MS = 50;
const DEFAULT_TIMEOUT_MS = 20_000;

/** Polls until `probe` returns something other than undefined/false: never a fixed sleep. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export function contradictions(uri: vscode.Uri): vscode.Diagnostic[] {
  return ourDiagnostics(uri).filter((d) => d.code === 'contradiction');
}

export function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.toString(true)} to match ${predicate.toString()}`, () => {
    const diagnostics = ourDiagnostics(uri);
    return predicate(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace (test/fixtures/workspace) open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** Edits go to untitled copies, so that no test changes a fixture file on disk. */
export async function openUntitledMarkdown(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(document);
}

export async function fixtureText(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
}

/** Closes every editor, discarding unsaved changes (only untitled copies are ever changed). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function extensionApi(): Promise<PolicyFactCheckApi> {
  const extension = vscode.extensions.getExtension<PolicyFactCheckApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
}

/**
 * Runs `body` with a workspace setting changed, then puts the setting back and the fixture's
 * .vscode/settings.json back byte for byte, so that a run leaves the repository as it was.
 */
export async function withWorkspaceSetting(section: string, key: string, value: unknown, body: () => Promise<void>): Promise<void> {
  const settingsFile = fixtureUri('.vscode/settings.json');
  const original = await vscode.workspace.fs.readFile(settingsFile);
  const configuration = () => vscode.workspace.getConfiguration(section);
  const before = configuration().inspect(key)?.workspaceValue;
  await configuration().update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    await body();
  } finally {
    await configuration().update(key, before, vscode.ConfigurationTarget.Workspace);
    const now = await vscode.workspace.fs.readFile(settingsFile);
    if (Buffer.compare(Buffer.from(now), Buffer.from(original)) !== 0) await vscode.workspace.fs.writeFile(settingsFile, original);
    await waitFor(`${section}.${key} to be restored`, () => JSON.stringify(configuration().inspect(key)?.workspaceValue) === JSON.stringify(before));
  }
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function isCodeAction(item: vscode.Command | vscode.CodeAction): item is vscode.CodeAction {
  return !('command' in item && typeof item.command === 'string');
}

/** The code actions of every provider for the range, filtered to `kind` (as the lightbulb or a source action asks). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const items = await vscode.commands.executeCommand<Array<vscode.Command | vscode.CodeAction>>('vscode.executeCodeActionProvider', uri, range, kind);
  return items.filter(isCodeAction);
}
