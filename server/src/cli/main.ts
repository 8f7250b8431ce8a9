import { basename, join, relative, resolve, sep } from 'node:path';
import { walkFiles } from '../node/files';
import { FACT_BASE_FILE } from '../lsp/factBaseRegistry';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkDocument } from '../core/check';
import { LineIndex } from '../core/text/lineIndex';
import { toDiagnostics } from '../lsp/convert';
import { builtinFactBasePath, loadKnowledge, type LoadedKnowledge } from '../node/factFiles';
import { parseArgs, single, UsageError, type ParsedArgs } from './args';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { expandInputs } from './inputs';
import { readDraft } from '../node/drafts';
import { runFactsCommand } from './factsCommand';
import { runExtractCommand } from './extractCommand';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP = `policy-fact-check ${VERSION}: checks the dates, votes and figures of Markdown drafts against a fact base.

Usage:
  policy-fact-check check [--format text|json|sarif] [--facts FILE]... [--no-builtin] [--no-workspace-facts] PATH...
      PATH: Markdown files, folders (searched for *.md) or globs ("drafts/**/*.md").
      Fact bases: the built-in one, every *.facts.yaml under the working folder, and each --facts FILE.
      Exit status: 0 no contradiction, 1 contradictions found, 2 usage or input error.
  policy-fact-check facts [--format text|json] [--facts FILE]... [--no-builtin] [--no-workspace-facts] [--verify]
      Lists the loaded fact bases and their facts; --verify checks them and exits 1 on problems.
  policy-fact-check extract SOURCE.txt|SOURCE.md --key KEY [--title T] [--authors "A, B"] [--publisher P] [--year Y] [--url U] [--out FILE]
      Drafts a fact base from an article, with comments where a person should review.
  policy-fact-check lsp --stdio | --node-ipc
      Runs the language server (for Neovim, Helix, Emacs, VS Code...).
  policy-fact-check --version | --help
`;

const SPECS = {
  check: { valued: ['format', 'facts'], flags: ['no-builtin', 'no-workspace-facts'] },
  facts: { valued: ['format', 'facts'], flags: ['no-builtin', 'no-workspace-facts', 'verify'] },
  lsp: { valued: ['clientProcessId'], flags: ['stdio', 'node-ipc'] },
  extract: { valued: ['key', 'title', 'authors', 'publisher', 'year', 'url', 'out'], flags: [] },
  help: { valued: [], flags: [] },
} as const;

/** Like the editor: the built-in fact base, the *.facts.yaml files under the working folder, and --facts files. */
function knowledgeFor(args: ParsedArgs): LoadedKnowledge {
  const builtin = builtinFactBasePath();
  const workspace = args.flags.has('no-workspace-facts') ? [] : walkFiles(process.cwd(), (f) => FACT_BASE_FILE.test(basename(f)) && f !== builtin);
  const explicit = (args.options.get('facts') ?? []).map((f) => resolve(f));
  return loadKnowledge({ builtin: !args.flags.has('no-builtin'), files: [...new Set([...workspace, ...explicit])] });
}

function reportFactBaseProblems(loaded: LoadedKnowledge): boolean {
  let errors = false;
  for (const { file, problems } of loaded.problems) {
    for (const p of problems) {
      process.stderr.write(`${file}: ${p.severity}: ${p.message}\n`);
      if (p.severity === 'error') errors = true;
    }
  }
  return errors;
}

/** Paths as a compiler prints them: relative to the working folder when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : file;
}

function runCheck(args: ParsedArgs): number {
  const format = single(args, 'format', ['text', 'json', 'sarif'], 'text');
  if (!args.positionals.length) throw new UsageError('check needs at least one PATH (a Markdown file, folder or glob).');
  const loaded = knowledgeFor(args);
  let inputError = reportFactBaseProblems(loaded);
  const { files, problems } = expandInputs(args.positionals);
  for (const p of problems) {
    process.stderr.write(`policy-fact-check: ${p.path}: ${p.message}\n`);
    inputError = true;
  }
  const results: Array<{ file: string; diagnostics: Diagnostic[] }> = [];
  let contradictions = 0;
  for (const file of files) {
    const read = readDraft(file);
    if ('problem' in read) {
      process.stderr.write(`policy-fact-check: ${displayPath(file)}: ${read.problem}\n`);
      inputError = true;
      continue;
    }
    const result = checkDocument(loaded.knowledge, read.text);
    contradictions += result.stats.contradictions;
    results.push({ file: displayPath(file), diagnostics: toDiagnostics(result.findings, new LineIndex(read.text)) });
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else if (format === 'sarif') process.stdout.write(formatSarif(results, VERSION));
  else process.stdout.write(formatText(results));
  if (inputError) return 2;
  return contradictions > 0 ? 1 : 0;
}

function runLsp(args: ParsedArgs): number | null {
  if (!args.flags.has('stdio') && !args.flags.has('node-ipc')) throw new UsageError('lsp needs --stdio (or --node-ipc when started by VS Code).');
  // The server is its own bundle, so that `check` never loads it.
  require(join(__dirname, 'server.js'));
  return null;
}

export function main(argv: readonly string[]): number | null {
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(HELP);
    return argv.length ? 0 : 2;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    const args = parseArgs(argv, SPECS);
    if (args.command === 'check') return runCheck(args);
    if (args.command === 'facts') return runFactsCommand(args, knowledgeFor(args));
    if (args.command === 'lsp') return runLsp(args);
    if (args.command === 'extract') return runExtractCommand(args);
    process.stdout.write(HELP);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-fact-check: ${e.message}\nRun "policy-fact-check --help" for usage.\n`);
      return 2;
    }
    process.stderr.write(`policy-fact-check: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}
