import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

/** `npm run test:vscode`: the in-editor suite in a downloaded VS Code desktop (needs network access once). */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve(root, 'out', 'test', 'vscode', 'index.js'),
    launchArgs: [resolve(root, 'test', 'fixtures', 'workspace'), '--disable-extensions'],
  });
}

main().catch((error: unknown) => {
  console.error('In-editor tests failed:', error);
  process.exit(1);
});
