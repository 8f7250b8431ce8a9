import Mocha from 'mocha';
import * as vscode from 'vscode';
import { activationSuite } from './activation.test';
import { checkingSuite } from './checking.test';
import { citationsSuite } from './citations.test';
import { commandsSuite } from './commands.test';
import { factsViewSuite } from './factsView.test';
import { fixesSuite } from './fixes.test';
import { settingsSuite } from './settings.test';
import { snippetsSuite } from './snippets.test';

/**
 * The in-editor suite: the extension host (of @vscode/test-electron or of VS Code for the web)
 * require()s this bundle and awaits run(). The suites are bundled in rather than loaded as files,
 * so they are defined after mocha's BDD globals exist.
 */
export function run(): Promise<void> {
  // VS Code for the web runs the suite in an untrusted folder (Restricted Mode), test-electron in a trusted one: both must pass.
  console.log(`Policy Fact Check in-editor suite: workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted (Restricted Mode)'}`);
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'test/vscode', mocha);
  for (const defineSuite of [activationSuite, checkingSuite, fixesSuite, citationsSuite, factsViewSuite, snippetsSuite, commandsSuite, settingsSuite]) defineSuite();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} in-editor test(s) failed`)) : resolve()));
  });
}
