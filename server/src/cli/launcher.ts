import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { requireCached } from './codeCache';

/**
 * The server writes its code cache this long after it starts, once it has compiled what opening and
 * checking the first drafts needs (usually in its first second), or when it exits before: writing
 * takes ~10 ms, once per version.
 */
const SERVER_CACHE_DELAY_MS = 10_000;

/**
 * The `policy-fact-check` command. Kept tiny so that start-up loads only what the command needs:
 * the language server for `lsp`, the CLI for everything else. Both load through a code cache.
 */
if (process.argv[2] === 'lsp') {
  const server = requireCached(join(__dirname, 'server.js'));
  setTimeout(() => server.save(), SERVER_CACHE_DELAY_MS).unref();
  process.once('exit', () => server.save());
} else {
  // A run of the CLI is short: V8's optimizing compiler costs more time than it saves here (measured
  // on 10 KB to 1 MB drafts), so it stays off. The long-running server keeps it.
  setFlagsFromString('--no-opt');
  const loaded = requireCached(join(__dirname, 'cli-main.js'));
  const code = (loaded.exports as typeof import('./main')).main(process.argv.slice(2));
  loaded.save();
  if (code !== null) process.exitCode = code;
}
