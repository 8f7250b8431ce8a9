// Bundles bench/inprocess.ts with the same esbuild settings as the production bundles (scripts/build.mjs).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');
export const INPROCESS_BUNDLE = join(here, '.out', 'inprocess.js');

export async function buildInprocess() {
  await build({
    entryPoints: [join(here, 'inprocess.ts')],
    outfile: INPROCESS_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    define: { __VERSION__: '"bench"' },
    absWorkingDir: root,
  });
  return INPROCESS_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await buildInprocess());
}
