/**
 * The CLI with the user's own fact bases: `check` finds *.facts.yaml under the working folder,
 * `facts --verify` fails on problems, and `extract` drafts a fact base that the other commands accept.
 * Drives the bundle (dist/cli.js, `npm run build`), each run in its own temporary folder.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ARMS_WRONG, RECOGNITION_WRONG } from '../protocol/drafts';
import { requireBuild, ROOT, runCli, type CliRun } from '../protocol/lspClient';
import { MAX_SOURCE_TEXT_SIZE } from '../../server/src/core/facts/parse';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'factbases');
const ARMS_YAML = readFileSync(join(FIXTURES, 'arms-control.yaml'), 'utf8');
const ARTICLE = join(ROOT, 'facts', 'frassineti2022.txt');




/** What `check --format json` found in the one file it checked. */
function diagnosticsOf(run: CliRun): Diagnostic[] {
  const results = JSON.parse(run.stdout) as Array<{ file: string; diagnostics: Diagnostic[] }>;
  assert.equal(results.length, 1, run.stdout);
  return results[0]!.diagnostics;
}

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');
const factIds = (diagnostics: Diagnostic[]) => contradictions(diagnostics).map((d) => (d.data as { factId?: string }).factId).sort();

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `"${from}" is not in the text`);
  return text.replace(from, to);
}

function armsVariant(key: string, prefix: string, yaml = ARMS_YAML): string {
  return yaml.replace(/^ {2}key: \S+$/m, `  key: ${key}`).replace(/^( {2}- id: )/gm, `$1${prefix}-`);
}

// Three independent suites, each in its own temporary folder: side by side, their tests in order.
describe('cli: own fact bases', { concurrency: true }, () => {
  describe('cli: fact bases of the working folder and --facts', { concurrency: 1 }, () => {
    let dir: string;
    const put = (rel: string, text: string) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
      return join(dir, rel);
    };

    before(() => {
      requireBuild();
      dir = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-cli-')));
      // The fact base in a subfolder: discovery searches the whole working folder.
      mkdirSync(join(dir, 'sources'));
      copyFileSync(join(FIXTURES, 'arms-control.yaml'), join(dir, 'sources', 'arms-control.facts.yaml'));
      copyFileSync(join(FIXTURES, 'arms-control.txt'), join(dir, 'sources', 'arms-control.txt'));
      // Never loaded: under node_modules, .git and dot-folders (each would clash with @doe2023 if it were).
      put('node_modules/pkg/clash.facts.yaml', ARMS_YAML);
      put('.git/clash.facts.yaml', ARMS_YAML);
      put('.hidden/clash.facts.yaml', ARMS_YAML);
      put('draft.md', `# Notes\n\n${ARMS_WRONG}\n`);
    });
    after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

    it('check finds *.facts.yaml under the working folder and flags the draft (exit 1)', async () => {
      const run = await runCli(dir, ['check', '--format', 'json', 'draft.md']);
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, '', 'no problems: skipped folders are not loaded');
      const diagnostics = diagnosticsOf(run);
      assert.deepEqual(factIds(diagnostics), ['norway-ratification']);
      assert.match(contradictions(diagnostics)[0]!.message as string, /^The source gives 17 May \(2023\) for Norway’s ratification of the Oslo Drone Accord, not 17 June\.$/);
    });

    it('the text report names the file, line and message', async () => {
      const run = await runCli(dir, ['check', 'draft.md']);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^draft\.md:3:4 warning contradiction The source gives 17 May \(2023\)/m);
    });

    it('--no-workspace-facts turns discovery off (exit 0, nothing flagged)', async () => {
      const run = await runCli(dir, ['check', '--format', 'json', '--no-workspace-facts', 'draft.md']);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(contradictions(diagnosticsOf(run)), []);
    });

    it('--facts FILE adds a fact base from anywhere, also without discovery', async () => {
      const elsewhere = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-cli-elsewhere-')));
      try {
        writeFileSync(join(elsewhere, 'draft.md'), `${ARMS_WRONG}\n`);
        const run = await runCli(elsewhere, ['check', '--format', 'json', '--no-builtin', '--facts', join(dir, 'sources', 'arms-control.facts.yaml'), 'draft.md']);
        assert.equal(run.status, 1, run.stderr);
        assert.deepEqual(factIds(diagnosticsOf(run)), ['norway-ratification']);
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    });

    it('a broken workspace fact base is reported on stderr with its file, and check exits 2', async () => {
      const broken = put('broken.facts.yaml', edit(armsVariant('broken2023', 'broken'), '{ paragraph: 3 }', '{ paragraph: three }'));
      try {
        const run = await runCli(dir, ['check', '--format', 'json', 'draft.md']);
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: facts\\.1\\.locator\\.paragraph must be integer\\.`));
        // The good fact base is still used.
        assert.deepEqual(factIds(diagnosticsOf(run)), ['norway-ratification']);
      } finally {
        rmSync(broken);
      }
    });

    it('a hostile, deeply nested workspace fact base is reported as a problem of that file, not an internal error', async () => {
      const deep = put('deep.facts.yaml', `source:\n  ${'- '.repeat(20_000)}x\nfacts: []\n`);
      try {
        const run = await runCli(dir, ['check', '--format', 'json', 'draft.md']);
        assert.doesNotMatch(run.stderr, /internal error/);
        assert.match(run.stderr, /deep\.facts\.yaml: error: /);
        assert.deepEqual(factIds(diagnosticsOf(run)), ['norway-ratification']);
      } finally {
        rmSync(deep);
      }
    });
  });

  describe('cli: facts --verify', { concurrency: 1 }, () => {
    let dir: string;
    before(() => {
      requireBuild();
      dir = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-cli-verify-')));
      copyFileSync(join(FIXTURES, 'arms-control.txt'), join(dir, 'arms-control.txt'));
    });
    after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

    it('exits 0 for the fixture fact bases, with the built-in one', async () => {
      const run = await runCli(FIXTURES, ['facts', '--verify', '--facts', 'arms-control.yaml', '--facts', 'fisheries.yaml']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /All fact bases verified\./);
      assert.match(run.stdout, /^@doe2023: Jane Doe, “The Oslo Drone Accord: A Modest Step – Analysis”, Imaginary Policy Review, 2023 \(4 facts\)$/m);
      assert.match(run.stdout, /^@roe2024: .*\(2 facts\)$/m);
      assert.match(run.stdout, /^@frassineti2022: /m);
    });

    it('exits 1 for a quote that is not in the source text, naming the fact and the text file', async () => {
      const file = join(dir, 'bad-quote.facts.yaml');
      writeFileSync(file, edit(ARMS_YAML, 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May'));
      const run = await runCli(dir, ['facts', '--verify', '--no-builtin', '--no-workspace-facts', '--facts', file]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /bad-quote\.facts\.yaml: error: The quote of fact norway-ratification does not appear in .*arms-control\.txt\./);
      assert.match(run.stderr, /^1 problem\(s\) found\.$/m);
      rmSync(file);
    });

    it('exits 1 for a schema error, with a message naming the field', async () => {
      const file = join(dir, 'schema.facts.yaml');
      writeFileSync(file, edit(ARMS_YAML, '  publisher: Imaginary', '  colour: red\n  publisher: Imaginary'));
      const run = await runCli(dir, ['facts', '--verify', '--no-builtin', '--no-workspace-facts', '--facts', file]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /schema\.facts\.yaml: error: Unknown field "colour" in source\./);
      rmSync(file);
    });

    it('exits 1 for a source text that does not exist', async () => {
      const file = join(dir, 'no-text.facts.yaml');
      writeFileSync(file, edit(ARMS_YAML, 'text: arms-control.txt', 'text: missing.txt'));
      const run = await runCli(dir, ['facts', '--verify', '--no-builtin', '--no-workspace-facts', '--facts', file]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /The source text .*missing\.txt does not exist\./);
      rmSync(file);
    });

    it('exits 1 for a source text over the source text limit, which is not read', async () => {
      const big = join(dir, 'huge.txt');
      writeFileSync(big, 'Norway ratified the accord on 17 May. '.repeat(Math.ceil((MAX_SOURCE_TEXT_SIZE + 1) / 38)));
      const file = join(dir, 'huge-text.facts.yaml');
      writeFileSync(file, edit(ARMS_YAML, 'text: arms-control.txt', 'text: huge.txt'));
      const run = await runCli(dir, ['facts', '--verify', '--no-builtin', '--no-workspace-facts', '--facts', file]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /The source text .*huge\.txt is larger than 10 MB, the limit for a source text, and is not read/);
      rmSync(file);
      rmSync(big);
    });

    it('without --verify, lists the facts and exits 0 even with a bad quote', async () => {
      const file = join(dir, 'listed.facts.yaml');
      writeFileSync(file, edit(ARMS_YAML, 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May'));
      const run = await runCli(dir, ['facts', '--no-builtin', '--no-workspace-facts', '--facts', file]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /norway-ratification \(para\. 3\) \[17 May \(2023\)\]/);
      rmSync(file);
    });
  });

  describe('cli: extract drafts a fact base from an article', { concurrency: 1 }, () => {
    let dir: string;
    before(() => {
      requireBuild();
      dir = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-cli-extract-')));
      writeFileSync(join(dir, 'draft.md'), `${RECOGNITION_WRONG}\n`);
    });
    after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

    async function extract(out: string, extra: string[] = []): Promise<CliRun> {
      const run = await runCli(dir, ['extract', ARTICLE, '--key', 'drafted2022', ...extra, '--out', out]);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(existsSync(join(dir, out)), `${out} was written`);
      assert.match(run.stderr, new RegExp(`^Drafted \\d+ facts from \\d+ paragraphs into ${out.replace(/\./g, '\\.')}\\.`));
      return run;
    }

    it('without --year: writes a fact base that facts --verify accepts and that flags the 14 June recognition', async () => {
      await extract('plain.facts.yaml');
      const yaml = readFileSync(join(dir, 'plain.facts.yaml'), 'utf8');
      assert.match(yaml, /^ {2}key: drafted2022$/m);
      assert.match(yaml, /^ {4}quote: On 14 July, Pyongyang recognised Russia-controlled breakaway republics in Eastern Ukraine\.$/m);
      assert.doesNotMatch(yaml, /value: null/, 'every drafted value is a value');
      const verify = await runCli(dir, ['facts', '--verify', '--no-builtin', '--no-workspace-facts', '--facts', 'plain.facts.yaml']);
      assert.equal(verify.status, 0, verify.stderr);
      const check = await runCli(dir, ['check', '--format', 'json', '--no-builtin', '--no-workspace-facts', '--facts', 'plain.facts.yaml', 'draft.md']);
      assert.equal(check.status, 1, check.stderr);
      const found = contradictions(diagnosticsOf(check));
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.match(found[0]!.message as string, /^The source gives 14 July \(2022\) for .*, not 14 June\.$/);
    });

    it('with --year 2022: verify exits 0, and check flags the 14 June recognition', async () => {
      await extract('drafted.facts.yaml', ['--year', '2022']);
      const yaml = readFileSync(join(dir, 'drafted.facts.yaml'), 'utf8');
      assert.match(yaml, /\{ kind: date, value: 2022-07-14, yearInferred: true, text: 14 July \}/);
      // The source text is referenced relative to the written file, so quotes can be verified.
      assert.match(yaml, /^ {2}text: .*facts\/frassineti2022\.txt$/m);
      const verify = await runCli(dir, ['facts', '--verify', '--no-builtin', '--no-workspace-facts', '--facts', 'drafted.facts.yaml']);
      assert.equal(verify.status, 0, verify.stderr);
      assert.match(verify.stderr, /All fact bases verified\./);
      const check = await runCli(dir, ['check', '--format', 'json', '--no-builtin', '--no-workspace-facts', '--facts', 'drafted.facts.yaml', 'draft.md']);
      assert.equal(check.status, 1, check.stderr);
      const found = contradictions(diagnosticsOf(check));
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.match(found[0]!.message as string, /^The source gives 14 July \(2022\) for .*, not 14 June\.$/);
      assert.equal(found[0]!.range.start.character, RECOGNITION_WRONG.indexOf('14 June'));
    });

    it('refuses an invalid key and a missing source with exit 2 and a usage message', async () => {
      const badKey = await runCli(dir, ['extract', ARTICLE, '--key', 'bad key']);
      assert.equal(badKey.status, 2);
      assert.match(badKey.stderr, /--key "bad key" is not a valid citation key/);
      const missing = await runCli(dir, ['extract', join(dir, 'nope.txt'), '--key', 'k']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /nope\.txt/);
    });
  });
});
