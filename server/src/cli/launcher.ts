import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { requireCached } from './codeCache';

/**
 * The `policy-fact-check` command. Kept tiny so that start-up loads only what the command needs:
 * the language server for `lsp`, the CLI for everything else.
 */
if (process.argv[2] === 'lsp') {
  // Not through the code cache: a server loaded by vm.Script held ~5 MiB more with a 1 MB draft open
  // (measured), and a long-running server starts once; the CLI starts on every run.
  require(join(__dirname, 'server.js'));
} else {
  // A run of the CLI is short: V8's optimizing compiler costs more time than it saves here (measured
  // on 10 KB to 1 MB drafts), so it stays off. The long-running server keeps it.
  setFlagsFromString('--no-opt');
  const loaded = requireCached(join(__dirname, 'cli-main.js'));
  const code = (loaded.exports as typeof import('./main')).main(process.argv.slice(2));
  loaded.save();
  if (code !== null) process.exitCode = code;
}
