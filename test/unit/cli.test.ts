/**
 * `policy-fact-check check` end to end: the text, JSON and SARIF formats (exact positions, UTF-16
 * columns, CRLF lines), exit codes 0/1/2, folder and glob inputs, binary and empty files, --facts,
 * and `facts` (text and JSON). Drives the bundle (dist/cli.js, `npm run build`) in a temporary folder.
 * Own fact bases in the working folder, `facts --verify` and `extract` are in cliFactBases.test.ts;
 * that the CLI reports what the language server publishes is in test/protocol.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { ARMS_WRONG, NO_CLAIM, RECOGNITION_FACT, RECOGNITION_WRONG, UTF16_LINE, VALUE_COLUMN_UTF16 } from '../protocol/drafts';
import { applyEdits, requireBuild, ROOT, runCli, type CliRun } from '../protocol/lspClient';

// ── Helpers ──────────────────────────────────────────────────────────────────

const ARMS_CONTROL = join(ROOT, 'test', 'fixtures', 'factbases', 'arms-control.yaml');

/** "14 June" on line 3 (1-based), after a flag and an emoji: UTF-16 column 24, code point column 21. */
const WRONG = `# Notes\n\n${UTF16_LINE}\n`;
const WRONG_LINE = 2;
/** The draft with the source's value: what the preferred fix must produce. */
const FIXED = WRONG.replace('14 June', '14 July');
const MESSAGE = 'The source gives 14 July (2022) for North Korea’s recognition of the breakaway republics, not 14 June.';
/** "14 June" at line 4, column 4 (1-based), after three CRLF-terminated lines. */
const CRLF = `# Memo\r\n\r\nFirst paragraph.\r\n${RECOGNITION_WRONG}\r\n\r\n${NO_CLAIM}\r\n`;
const CLEAN = `# Notes\n\n${NO_CLAIM}\n`;

interface FileResult { file: string; diagnostics: Diagnostic[] }


/** Runs the CLI and checks its exit status (showing stderr when it differs). */
async function expectRun(cwd: string, args: string[], status: number): Promise<CliRun> {
  const run = await runCli(cwd, args);
  assert.equal(run.status, status, `exit status of ${args.join(' ')}\nstderr: ${run.stderr}\nstdout: ${run.stdout.slice(0, 2000)}`);
  return run;
}

async function checkJson(cwd: string, args: string[], status: number): Promise<FileResult[]> {
  return JSON.parse((await expectRun(cwd, ['check', '--format', 'json', ...args], status)).stdout) as FileResult[];
}

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');
const factIdOf = (d: Diagnostic) => (d.data as { factId?: string }).factId;
const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];
const SARIF_LEVEL: Record<number, Sarif.Result.level> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

function makeWorkspace(): { dir: string; put: (rel: string, text: string | Buffer) => string; remove: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-cli-check-')));
  return {
    dir,
    put: (rel, text) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
      return join(dir, rel);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The parts of SARIF 2.1.0 that a consumer (GitHub code scanning) relies on, checked by hand: the
 * schema is not available offline. Returns the log's results.
 */
function assertValidSarif(log: Sarif.Log): Sarif.Result[] {
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema ?? '', /^https:\/\/.*sarif.*2\.1\.0.*\.json$/);
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1, 'one run');
  const run = log.runs[0]!;
  const driver = run.tool.driver;
  assert.equal(driver.name, 'policy-fact-check');
  const rules = driver.rules ?? [];
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z][a-z-]*$/);
    assert.ok(rule.shortDescription?.text, `rule ${rule.id} has a short description`);
  }
  if (run.columnKind !== undefined) assert.equal(run.columnKind, 'utf16CodeUnits', 'columns count UTF-16 code units');
  const bases = run.originalUriBaseIds ?? {};
  for (const base of Object.values(bases)) assert.match(base.uri ?? '', /^file:\/\/\/.*[^/]\/$|^file:\/\/\/$/, 'a base URI is absolute and ends in one slash');
  const assertLocation = (where: Sarif.ArtifactLocation, region: Sarif.Region) => {
    const uri = where.uri ?? '';
    if (where.uriBaseId !== undefined) {
      assert.ok(where.uriBaseId in bases, `uriBaseId ${where.uriBaseId} is declared`);
      assert.doesNotMatch(uri, /^[a-z]+:|^\//i, 'relative to its base');
    } else assert.match(uri, /^file:\/\/\//, 'absolute without a base');
    assert.doesNotThrow(() => new URL(uri, 'file:///base/'), 'a valid URI reference');
    assert.doesNotMatch(uri, /[\s\\]/, 'no spaces or backslashes in a URI');
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
      assert.ok(Number.isInteger(region[key]) && region[key]! >= 1, `${key} is a 1-based integer`);
    }
    assert.ok(region.endLine! > region.startLine! || (region.endLine === region.startLine && region.endColumn! >= region.startColumn!), 'the region does not end before it starts');
  };
  for (const result of run.results ?? []) {
    assert.ok(result.ruleId && ids.includes(result.ruleId), `rule ${result.ruleId} is declared`);
    if (result.ruleIndex !== undefined) assert.equal(ids[result.ruleIndex], result.ruleId, 'ruleIndex points at the rule');
    assert.ok(['none', 'note', 'warning', 'error'].includes(result.level ?? ''), `level ${result.level}`);
    assert.ok(result.message.text, 'a message text');
    assert.ok(result.locations?.length, 'a location');
    const physical = result.locations[0]!.physicalLocation!;
    assertLocation(physical.artifactLocation!, physical.region!);
    for (const fix of result.fixes ?? []) {
      assert.ok(fix.artifactChanges.length, 'a fix changes an artifact');
      for (const change of fix.artifactChanges) {
        assert.ok(change.replacements.length, 'a change has replacements');
        for (const r of change.replacements) {
          assertLocation(change.artifactLocation, r.deletedRegion);
          assert.equal(typeof r.insertedContent?.text, 'string');
        }
      }
    }
  }
  return run.results ?? [];
}

/** Applies SARIF replacements (1-based lines, UTF-16 columns) to a text, as a consumer would. */
function applySarifReplacements(text: string, replacements: Sarif.Replacement[]): string {
  const edits: TextEdit[] = replacements.map((r) => ({
    range: {
      start: { line: r.deletedRegion.startLine! - 1, character: r.deletedRegion.startColumn! - 1 },
      end: { line: r.deletedRegion.endLine! - 1, character: r.deletedRegion.endColumn! - 1 },
    },
    newText: r.insertedContent?.text ?? '',
  }));
  return applyEdits(text, edits);
}

// ── Tests ────────────────────────────────────────────────────────────────────

describe('cli', () => {
  let ws: ReturnType<typeof makeWorkspace>;
  before(() => {
    requireBuild();
    ws = makeWorkspace();
    ws.put('wrong.md', WRONG);
    ws.put('crlf.md', CRLF);
    ws.put('clean.md', CLEAN);
    ws.put('empty.md', '');
    ws.put('binary.md', Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0x0a]));
    ws.put('my draft.md', WRONG);
    ws.put('arms.md', `${ARMS_WRONG}\n\n${RECOGNITION_WRONG}\n`);
    // Folder and glob inputs: only Markdown files, never node_modules or dot-folders.
    ws.put('docs/a.md', WRONG);
    ws.put('docs/sub/b.markdown', CLEAN);
    ws.put('docs/notes.txt', RECOGNITION_WRONG);
    ws.put('docs/image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    ws.put('docs/node_modules/pkg/readme.md', WRONG);
    ws.put('docs/.hidden/c.md', WRONG);
    ws.put('no-markdown/notes.txt', RECOGNITION_WRONG);
  });
  after(() => ws?.remove());

  describe('check --format text', () => {
    it('prints file:line:col severity code message, 1-based, with UTF-16 columns (exit 1)', async () => {
      const run = await expectRun(ws.dir, ['check', 'wrong.md'], 1);
      assert.equal(run.stderr, '');
      const lines = run.stdout.split('\n');
      assert.equal(lines.pop(), '', 'ends with a newline');
      // 🇰🇵 is 4 UTF-16 units and 🎉 2: "14 June" is at UTF-16 column 24, code point column 21.
      assert.equal(VALUE_COLUMN_UTF16, 23);
      assert.ok(lines.includes(`wrong.md:3:24 warning contradiction ${MESSAGE}`), run.stdout);
      for (const line of lines) assert.match(line, /^wrong\.md:\d+:\d+ (error|warning|information|hint) [a-z-]+ \S.*$/);
    });

    it('is the JSON report, line for line, with lines and columns plus one', async () => {
      const [text, [json]] = await Promise.all([expectRun(ws.dir, ['check', 'wrong.md', 'crlf.md'], 1), checkJson(ws.dir, ['wrong.md'], 1)]);
      const expected = json!.diagnostics.map((d) => `wrong.md:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity!]} ${d.code} ${message(d)}`);
      assert.ok(expected.length >= 1);
      assert.deepEqual(text.stdout.split('\n').filter((l) => l.startsWith('wrong.md:')), expected);
    });

    it('counts CRLF line ends once: "14 June" is at 4:4', async () => {
      const run = await expectRun(ws.dir, ['check', 'crlf.md'], 1);
      assert.match(run.stdout, /^crlf\.md:4:4 warning contradiction The source gives 14 July \(2022\) .*, not 14 June\.$/m);
    });

    it('prints nothing for a clean draft and exits 0', async () => {
      const run = await expectRun(ws.dir, ['check', 'clean.md'], 0);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, '');
    });
  });

  describe('check --format json', () => {
    it('gives per file the LSP diagnostics: zero-based line, UTF-16 character, numeric severity, code, source, message, data', async () => {
      const results = await checkJson(ws.dir, ['wrong.md'], 1);
      assert.deepEqual(results.map((r) => Object.keys(r).sort()), [['diagnostics', 'file']]);
      assert.equal(results[0]!.file, 'wrong.md');
      const found = contradictions(results[0]!.diagnostics);
      assert.equal(found.length, 1, JSON.stringify(found));
      const start = { line: WRONG_LINE, character: VALUE_COLUMN_UTF16 };
      const range = { start, end: { line: WRONG_LINE, character: VALUE_COLUMN_UTF16 + '14 June'.length } };
      assert.deepEqual(found[0], {
        range,
        severity: 2,
        code: 'contradiction',
        source: 'policy-fact-check',
        message: MESSAGE,
        data: {
          fixes: [{ range, newText: '14 July' }],
          fixTitles: ['Change to “14 July” (frassineti2022, para. 4)'],
          factId: RECOGNITION_FACT,
          sourceValue: '14 July (2022)',
        },
      });
    });

    it('every diagnostic has exactly the LSP keys, and every fix is one TextEdit inside the document', async () => {
      const [result] = await checkJson(ws.dir, ['wrong.md'], 1);
      const lines = WRONG.split('\n');
      const inside = (p: { line: number; character: number }) => p.line < lines.length && p.character <= lines[p.line]!.length;
      assert.ok(result!.diagnostics.length >= 1);
      for (const d of result!.diagnostics) {
        assert.deepEqual(Object.keys(d).sort(), ['code', 'data', 'message', 'range', 'severity', 'source']);
        assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
        assert.ok([1, 2, 3, 4].includes(d.severity!));
        assert.equal(d.source, 'policy-fact-check');
        assert.equal(typeof d.message, 'string');
        const data = d.data as { fixes: unknown[]; fixTitles: unknown[]; factId?: unknown };
        for (const key of Object.keys(data)) assert.ok(['fixes', 'fixTitles', 'factId', 'sourceValue'].includes(key), `unexpected data.${key}`);
        assert.equal(data.fixTitles.length, data.fixes.length);
        for (const fix of data.fixes as TextEdit[]) {
          assert.deepEqual(Object.keys(fix).sort(), ['newText', 'range']);
          assert.ok(inside(fix.range.start) && inside(fix.range.end), JSON.stringify(fix));
        }
      }
    });

    it('data.fixes[0] applied to the draft puts in the source’s value', async () => {
      const [result] = await checkJson(ws.dir, ['wrong.md'], 1);
      const [contradiction] = contradictions(result!.diagnostics);
      const preferred = (contradiction!.data as { fixes: TextEdit[] }).fixes[0]!;
      assert.equal(applyEdits(WRONG, [preferred]), FIXED);
    });

    it('CRLF draft: zero-based line 3, character 3', async () => {
      const [result] = await checkJson(ws.dir, ['crlf.md'], 1);
      const [contradiction] = contradictions(result!.diagnostics);
      assert.deepEqual(contradiction!.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 10 } });
      assert.equal(applyEdits(CRLF, (contradiction!.data as { fixes: TextEdit[] }).fixes.slice(0, 1)), CRLF.replace('14 June', '14 July'));
    });

    it('an empty file is checked and has no diagnostics (exit 0)', async () => {
      assert.deepEqual(await checkJson(ws.dir, ['empty.md', 'clean.md'], 0), [{ file: 'empty.md', diagnostics: [] }, { file: 'clean.md', diagnostics: [] }]);
    });
  });

  describe('check --format sarif', () => {
    async function sarif(args: string[], status: number, cwd = ws.dir): Promise<Sarif.Log> {
      return JSON.parse((await expectRun(cwd, ['check', '--format', 'sarif', ...args], status)).stdout) as Sarif.Log;
    }

    it('is structurally valid SARIF 2.1.0 with a rule for every code reported', async () => {
      const log = await sarif(['wrong.md', 'crlf.md'], 1);
      const results = assertValidSarif(log);
      assert.ok(results.some((r) => r.ruleId === 'contradiction'));
      assert.equal(log.runs[0]!.originalUriBaseIds?.['%SRCROOT%']?.uri, `${pathToFileURL(ws.dir).href}/`);
    });

    it('locates "14 June" at line 3, UTF-16 column 24, relative to the working folder', async () => {
      const log = await sarif(['wrong.md'], 1);
      assert.equal(log.runs[0]!.columnKind, 'utf16CodeUnits');
      const [result] = assertValidSarif(log).filter((r) => r.ruleId === 'contradiction');
      assert.equal(result!.level, 'warning');
      assert.equal(result!.message.text, MESSAGE);
      assert.deepEqual(result!.locations![0]!.physicalLocation, {
        artifactLocation: { uri: 'wrong.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 3, startColumn: VALUE_COLUMN_UTF16 + 1, endLine: 3, endColumn: VALUE_COLUMN_UTF16 + 8 },
      });
      assert.deepEqual(result!.properties, { factId: RECOGNITION_FACT });
    });

    it('has one result per JSON diagnostic, in order, at the same place plus one', async () => {
      const [log, json] = await Promise.all([sarif(['wrong.md', 'crlf.md'], 1), checkJson(ws.dir, ['wrong.md', 'crlf.md'], 1)]);
      const expected = json.flatMap(({ file, diagnostics }) => diagnostics.map((d) => ({
        ruleId: d.code, level: SARIF_LEVEL[d.severity!], text: message(d), uri: file,
        line: d.range.start.line + 1, column: d.range.start.character + 1,
      })));
      const actual = assertValidSarif(log).map((r) => {
        const { artifactLocation, region } = r.locations![0]!.physicalLocation!;
        return { ruleId: r.ruleId, level: r.level, text: r.message.text, uri: artifactLocation!.uri, line: region!.startLine, column: region!.startColumn };
      });
      assert.deepEqual(actual, expected);
    });

    it('its first fix, applied as a consumer would, puts in the source’s value', async () => {
      const [result] = assertValidSarif(await sarif(['wrong.md'], 1)).filter((r) => r.ruleId === 'contradiction');
      const [change] = result!.fixes![0]!.artifactChanges;
      assert.deepEqual(change!.artifactLocation, { uri: 'wrong.md', uriBaseId: '%SRCROOT%' });
      assert.equal(applySarifReplacements(WRONG, change!.replacements), FIXED);
    });

    it('percent-encodes file names, and gives files outside the working folder as file URIs', async () => {
      const spaced = assertValidSarif(await sarif(['my draft.md'], 1));
      assert.equal(spaced[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'my%20draft.md');
      const outside = assertValidSarif(await sarif([join(ws.dir, 'wrong.md')], 1, join(ws.dir, 'docs')));
      assert.deepEqual(outside[0]!.locations![0]!.physicalLocation!.artifactLocation, { uri: pathToFileURL(join(ws.dir, 'wrong.md')).href });
    });

    it('a clean draft gives a valid log with no results (exit 0)', async () => {
      const log = await sarif(['clean.md'], 0);
      assert.deepEqual(assertValidSarif(log), []);
      assert.ok(log.runs[0]!.tool.driver.rules!.length > 0);
    });
  });

  describe('check exit codes and input errors', () => {
    it('0 without contradictions, 1 with one', async () => {
      await expectRun(ws.dir, ['check', 'clean.md'], 0);
      await expectRun(ws.dir, ['check', 'clean.md', 'wrong.md'], 1);
    });

    const usageErrors: Array<[string, string[], RegExp]> = [
      ['an unknown option', ['check', '--bogus', 'wrong.md'], /Unknown option --bogus for "check"/],
      ['an unknown format', ['check', '--format', 'xml', 'wrong.md'], /--format must be one of text, json, sarif \(got "xml"\)/],
      ['--format without a value', ['check', 'wrong.md', '--format'], /--format needs a value/],
      ['no PATH', ['check', '--format', 'json'], /check needs at least one PATH/],
      ['an unknown command', ['chekc', 'wrong.md'], /Unknown command "chekc"/],
    ];
    for (const [what, args, pattern] of usageErrors) {
      it(`2 for ${what}, with a message and a pointer to --help, and nothing on stdout`, async () => {
        const run = await expectRun(ws.dir, args, 2);
        assert.match(run.stderr, pattern);
        assert.match(run.stderr, /Run "policy-fact-check --help" for usage\./);
        assert.equal(run.stdout, '');
      });
    }

    const inputErrors: Array<[string, string, string]> = [
      ['a path that does not exist', 'missing.md', 'missing.md: no such file or folder'],
      ['a glob that matches nothing', 'nowhere/*.md', 'nowhere/*.md: no Markdown files match this pattern'],
      ['a glob that matches no Markdown file', 'docs/*.txt', 'docs/*.txt: no Markdown files match this pattern'],
      ['a folder without Markdown files', 'no-markdown', 'no-markdown: no Markdown files in this folder'],
    ];
    for (const [what, path, problem] of inputErrors) {
      it(`2 for ${what}, even when another file has contradictions, which are still reported`, async () => {
        const run = await expectRun(ws.dir, ['check', '--format', 'json', path, 'wrong.md'], 2);
        assert.equal(run.stderr, `policy-fact-check: ${problem}\n`);
        const results = JSON.parse(run.stdout) as FileResult[];
        assert.deepEqual(results.map((r) => r.file), ['wrong.md']);
        assert.equal(contradictions(results[0]!.diagnostics).length, 1);
      });
    }

    it('2 for a binary file, skipped with a clear message and no crash; the other files are checked', async () => {
      const run = await expectRun(ws.dir, ['check', 'binary.md', 'wrong.md'], 2);
      assert.equal(run.stderr, 'policy-fact-check: binary.md: looks like a binary file (it contains NUL bytes); skipped\n');
      assert.match(run.stdout, /^wrong\.md:3:24 warning contradiction /m);
      assert.doesNotMatch(run.stdout, /binary\.md/);
    });
  });

  describe('check inputs: folders and globs', () => {
    const DOCS = ['docs/a.md', 'docs/sub/b.markdown'];

    it('a folder yields its Markdown files only, skipping node_modules and dot-folders', async () => {
      const results = await checkJson(ws.dir, ['docs'], 1);
      assert.deepEqual(results.map((r) => r.file), DOCS);
      assert.equal(contradictions(results[0]!.diagnostics)[0]!.range.start.character, VALUE_COLUMN_UTF16);
    });

    it('a glob yields the Markdown files it matches, skipping node_modules (no binary image read)', async () => {
      const run = await expectRun(ws.dir, ['check', '--format', 'json', 'docs/**/*'], 1);
      assert.equal(run.stderr, '');
      assert.deepEqual((JSON.parse(run.stdout) as FileResult[]).map((r) => r.file), DOCS);
      assert.deepEqual((await checkJson(ws.dir, ['docs/**/*.md'], 1)).map((r) => r.file), ['docs/a.md']);
    });

    it('a file named twice (directly and through its folder) is checked once', async () => {
      const results = await checkJson(ws.dir, ['docs/a.md', 'docs', 'docs/*.md'], 1);
      assert.deepEqual(results.map((r) => r.file), ['docs/a.md', 'docs/sub/b.markdown']);
    });
  });

  describe('check --facts', () => {
    it('adds the fact base’s findings to the built-in one’s', async () => {
      const without = await checkJson(ws.dir, ['--no-workspace-facts', 'arms.md'], 1);
      assert.deepEqual(contradictions(without[0]!.diagnostics).map(factIdOf), [RECOGNITION_FACT]);
      const run = await expectRun(ws.dir, ['check', '--no-workspace-facts', '--facts', ARMS_CONTROL, 'arms.md'], 1);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /^arms\.md:1:4 warning contradiction The source gives 17 May \(2023\) for Norway’s ratification of the Oslo Drone Accord, not 17 June\.$/m);
      assert.match(run.stdout, /^arms\.md:3:4 warning contradiction The source gives 14 July \(2022\) /m);
    });

    it('a --facts file that does not exist is an input error (exit 2)', async () => {
      const run = await expectRun(ws.dir, ['check', '--no-workspace-facts', '--facts', 'nope.facts.yaml', 'clean.md'], 2);
      assert.match(run.stderr, /nope\.facts\.yaml: error: /);
    });
  });

  describe('facts', () => {
    interface FactsJson {
      sources: Array<{ key: string; title: string; authors: string[]; facts: Array<{ id: string; sourceKey: string; claim: string; quote: string; paragraph: number; values: unknown[] }> }>;
      problems: unknown[];
    }

    it('--format json lists each source with its facts, and no problems', async () => {
      const run = await expectRun(ws.dir, ['facts', '--format', 'json', '--no-workspace-facts', '--facts', ARMS_CONTROL], 0);
      const parsed = JSON.parse(run.stdout) as FactsJson;
      assert.deepEqual(Object.keys(parsed).sort(), ['problems', 'sources']);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.sources.map((s) => s.key).sort(), ['doe2023', 'frassineti2022']);
      const doe = parsed.sources.find((s) => s.key === 'doe2023')!;
      assert.equal(doe.title, 'The Oslo Drone Accord: A Modest Step – Analysis');
      assert.deepEqual(doe.authors, ['Jane Doe']);
      assert.equal(doe.facts.length, 4);
      assert.ok(doe.facts.some((f) => f.id === 'norway-ratification' && f.paragraph === 3 && f.quote === 'Norway ratified the accord on 17 May, the first signatory to do so.'));
      const builtin = parsed.sources.find((s) => s.key === 'frassineti2022')!;
      assert.ok(builtin.facts.some((f) => f.id === RECOGNITION_FACT));
      for (const source of parsed.sources) {
        for (const fact of source.facts) {
          assert.equal(fact.sourceKey, source.key);
          assert.ok(fact.id && fact.claim && fact.quote && Number.isInteger(fact.paragraph) && Array.isArray(fact.values), JSON.stringify(fact));
        }
      }
    });

    it('text lists a header per source with its fact count, then each fact with its locator and values, as JSON has them', async () => {
      const [text, json] = await Promise.all([
        expectRun(ws.dir, ['facts', '--no-workspace-facts', '--facts', ARMS_CONTROL], 0),
        expectRun(ws.dir, ['facts', '--format', 'json', '--no-workspace-facts', '--facts', ARMS_CONTROL], 0),
      ]);
      assert.equal(text.stderr, '');
      const { sources } = JSON.parse(json.stdout) as FactsJson;
      assert.match(text.stdout, /^@doe2023: Jane Doe, “The Oslo Drone Accord: A Modest Step – Analysis”, Imaginary Policy Review, 2023 \(4 facts\)$/m);
      assert.match(text.stdout, /^ {2}norway-ratification \(para\. 3\) \[17 May \(2023\)\]\n {4}Norway ratified the Oslo Drone Accord on 17 May 2023, the first signatory to do so\.$/m);
      const headers = text.stdout.split('\n').filter((l) => l.startsWith('@'));
      assert.deepEqual(headers.map((h) => h.slice(1, h.indexOf(':'))), sources.map((s) => s.key));
      for (const source of sources) {
        assert.ok(headers.some((h) => h.startsWith(`@${source.key}: `) && h.endsWith(` (${source.facts.length} facts)`)), source.key);
        for (const fact of source.facts) assert.ok(text.stdout.includes(`\n  ${fact.id} (para. ${fact.paragraph})`), fact.id);
      }
    });

    it('refuses --format sarif (exit 2)', async () => {
      const run = await expectRun(ws.dir, ['facts', '--format', 'sarif'], 2);
      assert.match(run.stderr, /--format must be one of text, json \(got "sarif"\)/);
    });
  });
});
