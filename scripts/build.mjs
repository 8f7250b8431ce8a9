#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI with esbuild, and compiles the
// YAML data (built-in fact base, actor gazetteer) to JSON so that nothing parses YAML at start-up.
//   node scripts/build.mjs [--watch] [--tests]
import { build, context } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // Smaller bundles parse faster: start-up is part of every CLI run and of opening the first draft.
  // No keepNames: it wraps every function and closure in a call that redefines its name property,
  // which cost the server 3% of its time in that helper alone (profiles map names through the source maps).
  minify: true,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  absWorkingDir: root,
};

/**
 * Libraries that only some runs need (YAML for a user's fact base, Ajv to validate it): bundled into
 * files of their own under dist/vendor and required on first use, so that every CLI run and server
 * start does not parse them (they were 40% of the CLI bundle).
 */
const LAZY_LIBRARIES = ['yaml', 'ajv'];
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY_LIBRARIES.join('|')})$`) }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};
const resolveFromRoot = createRequire(join(root, 'package.json')).resolve;

const bundles = [
  { ...common, entryPoints: ['server/src/cli/launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js', plugins: [lazyLibraries] },
  { ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js', plugins: [lazyLibraries] },
  { ...common, entryPoints: Object.fromEntries(LAZY_LIBRARIES.map((name) => [`vendor/${name}`, resolveFromRoot(name)])), outdir: 'dist' },
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The in-editor suite (mocha bundled in) and its @vscode/test-electron launcher: cheap, so always built.
  // Mocha's parallel mode require.resolve()s worker files; the suite runs serially, so they are never needed.
  { ...common, minify: false, entryPoints: ['test/vscode/index.ts', 'test/vscode/runTestElectron.ts'], outdir: 'out/test/vscode', external: ['vscode', '@vscode/test-electron'], logOverride: { 'require-resolve-not-external': 'silent' } },
];

function compileData() {
  const out = join(root, 'dist', 'facts');
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(join(root, 'facts'))) {
    if (!name.endsWith('.yaml')) continue;
    const data = parse(readFileSync(join(root, 'facts', name), 'utf8'));
    writeFileSync(join(out, name.replace(/\.yaml$/, '.json')), JSON.stringify(data));
  }
}

compileData();
if (watch) {
  for (const options of bundles) await (await context(options)).watch();
  console.log('esbuild: watching');
} else {
  const started = Date.now();
  await Promise.all(bundles.map((options) => build(options)));
  chmodSync(join(root, 'dist', 'cli.js'), 0o755);
  console.log(`built dist/ (cli, server, extension, data) in ${Date.now() - started} ms`);
}
