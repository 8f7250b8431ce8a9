/**
 * FactBaseRegistry: the user's fact bases as the language server keeps them. Discovery, the
 * problems of each file at their exact YAML offsets, the last good version, editor text over disk,
 * restricted workspaces, and hostile files. Each test works in its own temporary folder.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LocatedProblem } from '../../server/src/core/facts/parse';
import { FactBaseRegistry } from '../../server/src/lsp/factBaseRegistry';
import { builtinFactBasePath, loadBuiltinFactBase } from '../../server/src/node/factFiles';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'factbases');
const ARMS_YAML = readFileSync(join(FIXTURES, 'arms-control.yaml'), 'utf8');
const FISH_YAML = readFileSync(join(FIXTURES, 'fisheries.yaml'), 'utf8');
const ARMS_TEXT = readFileSync(join(FIXTURES, 'arms-control.txt'), 'utf8');

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `"${from}" is not in the text`);
  return text.replace(from, to);
}

/** The arms-control fact base under another key, every fact id prefixed. */
function armsVariant(key: string, prefix: string, yaml = ARMS_YAML): string {
  return yaml.replace(/^ {2}key: \S+$/m, `  key: ${key}`).replace(/^( {2}- id: )/gm, `$1${prefix}-`);
}

function nth(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  return at;
}

/** Problems as [code, the text their span covers]: where they point is part of what is tested. */
const spans = (text: string, problems: LocatedProblem[]) => problems.map((p) => [p.code, text.slice(p.start, p.end)]);

describe('FactBaseRegistry', () => {
  let dir: string;
  let restricted: boolean;
  let folders: string[];
  let registry: FactBaseRegistry;
  const path = (rel: string) => join(dir, rel);
  const put = (rel: string, text: string) => {
    mkdirSync(dirname(path(rel)), { recursive: true });
    writeFileSync(path(rel), text);
    return path(rel);
  };
  /** Writes and loads a file; returns its path. */
  const load = (rel: string, text: string) => {
    const file = put(rel, text);
    registry.loadFromDisk(file);
    return file;
  };
  const problems = (file: string) => registry.problems(file);
  const factIds = (file: string) => registry.bases([file]).flatMap(({ base }) => base.facts.map((f) => f.id));
  /** The month of the norway-ratification date (fact 2 of the arms-control fixture) in the version in use. */
  const ratificationMonth = (file: string) => {
    const value = registry.bases([file])[0]!.base.facts[1]!.values[0]!.value;
    assert.equal(value.kind, 'date');
    return (value as { date: { month?: number } }).date.month;
  };

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-registry-')));
    restricted = false;
    folders = [dir];
    registry = new FactBaseRegistry({ folders: () => folders, restricted: () => restricted });
    copyFileSync(join(FIXTURES, 'arms-control.txt'), path('arms-control.txt'));
    copyFileSync(join(FIXTURES, 'fisheries.txt'), path('fisheries.txt'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('the fixtures', () => {
    it('load without problems, with their source texts', () => {
      const arms = load('arms-control.facts.yaml', ARMS_YAML);
      const fish = load('fisheries.facts.yaml', FISH_YAML);
      assert.deepEqual(problems(arms), []);
      assert.deepEqual(problems(fish), []);
      assert.deepEqual(factIds(arms), ['drone-accord-signing', 'norway-ratification', 'stockpile-cut', 'brazil-first-committee-vote']);
      assert.deepEqual(factIds(fish), ['humboldt-pact-signing', 'anchovy-quota-cut']);
      assert.equal(registry.entry(arms)!.sourceText, ARMS_TEXT);
      const [{ base }] = registry.bases([arms]);
      assert.equal(base!.source.key, 'doe2023');
      assert.equal(base!.origin, arms);
      assert.equal(base!.facts[1]!.paragraph, 3);
      assert.deepEqual(base!.facts[1]!.actors, [['norway']]);
    });

    it('quote their article verbatim, each in the paragraph it names', () => {
      for (const [yaml, textFile] of [[ARMS_YAML, 'arms-control.txt'], [FISH_YAML, 'fisheries.txt']] as const) {
        const paragraphs = readFileSync(join(FIXTURES, textFile), 'utf8').split(/\n\s*\n/).slice(1); // the title and byline come first
        const file = load(`check-${textFile}.facts.yaml`, yaml);
        for (const fact of registry.bases([file])[0]!.base.facts) assert.ok(paragraphs[fact.paragraph - 1]!.includes(fact.quote), `${fact.id}: not in paragraph ${fact.paragraph}`);
      }
    });
  });

  describe('discovery', () => {
    it('finds *.facts.{yaml,yml,json} in every folder, skipping node_modules, .git and dot-folders', () => {
      put('a.facts.yaml', ARMS_YAML);
      put('deep/er/b.facts.yml', FISH_YAML);
      put('c.facts.json', JSON.stringify({ source: { key: 'json2024', title: 'J' }, facts: [] }));
      put('D.FACTS.YAML', armsVariant('upper2023', 'up'));
      put('notes.yaml', 'not: a fact base');
      put('facts.yaml', 'not: a fact base either');
      put('node_modules/x/e.facts.yaml', ARMS_YAML);
      put('.git/f.facts.yaml', ARMS_YAML);
      put('.vscode/g.facts.yaml', ARMS_YAML);
      const second = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-registry-second-')));
      try {
        writeFileSync(join(second, 'h.facts.yaml'), armsVariant('second2023', 'second'));
        folders = [dir, second];
        registry.discover();
        assert.deepEqual(registry.filesUnder(dir), [path('D.FACTS.YAML'), path('a.facts.yaml'), path('c.facts.json'), path('deep/er/b.facts.yml')].sort());
        assert.deepEqual(registry.filesUnder(second), [join(second, 'h.facts.yaml')]);
        assert.equal(registry.filesUnder(null).length, 5);
      } finally {
        rmSync(second, { recursive: true, force: true });
      }
    });

    it('does not load the built-in fact base as a workspace one (the extension’s own repository)', () => {
      const builtin = builtinFactBasePath();
      // Only the fact base folder: walking the whole repository would find the test fixtures too.
      folders = [dirname(builtin)];
      registry.discover();
      assert.ok(!registry.has(builtin));
    });

    it('discover() leaves files it already knows as they are; loadFromDisk() reloads', () => {
      const file = load('a.facts.yaml', ARMS_YAML);
      const version = registry.version;
      writeFileSync(file, edit(ARMS_YAML, 'value: 2023-05-17', 'value: 2023-06-17'));
      registry.discover();
      assert.equal(registry.version, version);
      assert.equal(ratificationMonth(file), 5);
      registry.loadFromDisk(file);
      assert.ok(registry.version > version);
      assert.equal(ratificationMonth(file), 6);
    });

    it('a file deleted from disk is removed (loadFromDisk on ENOENT, or remove())', () => {
      const a = load('a.facts.yaml', ARMS_YAML);
      const b = load('b.facts.yaml', armsVariant('b2023', 'b'));
      unlinkSync(a);
      registry.loadFromDisk(a);
      assert.ok(!registry.has(a));
      registry.remove(b);
      assert.ok(!registry.has(b));
      assert.deepEqual(registry.allFiles(), []);
      assert.deepEqual(registry.bases([a, b]), []);
    });
  });

  describe('problems, at their YAML positions', () => {
    it('a YAML syntax error: yaml-syntax at the offending character', () => {
      const text = edit(ARMS_YAML, 'year: 2023', 'year: @2023');
      const file = load('a.facts.yaml', text);
      const [p, ...rest] = problems(file);
      assert.deepEqual(rest, []);
      assert.equal(p!.code, 'yaml-syntax');
      assert.equal(p!.severity, 'error');
      assert.equal(p!.start, nth(text, '@2023'));
      assert.equal(text.slice(p!.start, p!.end), '@');
      assert.ok(p!.message.startsWith('YAML: '), p!.message);
      assert.equal(registry.bases([file]).length, 0, 'never good: not used');
    });

    it('a repeated mapping key: yaml-syntax at the repeated key', () => {
      const text = edit(ARMS_YAML, '  year: 2023\n', '  year: 2023\n  year: 2024\n');
      const [p, ...rest] = problems(load('a.facts.yaml', text));
      assert.deepEqual(rest, []);
      assert.equal(p!.code, 'yaml-syntax');
      assert.equal(p!.start, nth(text, 'year: 2024'));
      assert.match(p!.message, /unique/);
    });

    it('schema: an unknown field (at its value, message naming it) and a wrong type (at the value)', () => {
      const unknown = edit(ARMS_YAML, '  publisher: Imaginary', '  colour: red\n  publisher: Imaginary');
      const [u, ...more] = problems(load('u.facts.yaml', unknown));
      assert.deepEqual(more, []);
      assert.equal(u!.code, 'schema');
      assert.deepEqual(u!.path, ['source', 'colour']);
      assert.equal(unknown.slice(u!.start, u!.end), 'red');
      assert.equal(u!.message, 'Unknown field "colour" in source.');

      const wrong = edit(ARMS_YAML, 'year: 2023', 'year: "twenty"');
      assert.deepEqual(spans(wrong, problems(load('w.facts.yaml', wrong))), [['schema', '"twenty"']]);
      assert.equal(problems(path('w.facts.yaml'))[0]!.message, 'source.year must be integer.');
    });

    it('schema: a missing required field points at the mapping that should hold it', () => {
      const text = edit(ARMS_YAML, '    locator: { paragraph: 3 }\n', '');
      const [p, ...rest] = problems(load('a.facts.yaml', text));
      assert.deepEqual(rest, []);
      assert.equal(p!.code, 'schema');
      assert.match(p!.message, /^facts\.1 needs "locator"\.$/);
      assert.ok(text.slice(p!.start, p!.end).startsWith('id: norway-ratification'), text.slice(p!.start, p!.start + 40));
    });

    it('a duplicate fact id in one file: duplicate-id at the second id', () => {
      const text = edit(ARMS_YAML, 'id: stockpile-cut', 'id: norway-ratification');
      const file = load('a.facts.yaml', text);
      const [p, ...rest] = problems(file);
      assert.deepEqual(rest, []);
      assert.equal(p!.code, 'duplicate-id');
      assert.equal(p!.start, nth(text, 'id: norway-ratification', 1) + 4);
      assert.equal(text.slice(p!.start, p!.end), 'norway-ratification');
      assert.match(p!.message, /Duplicate fact id "norway-ratification" \(first used by fact 2\)/);
    });

    it('a bad fact or value is dropped with its own problem; the rest of the file is used, no fallback', () => {
      const file = load('a.facts.yaml', ARMS_YAML);
      // A duplicate id: that fact is ignored, as the message says (the CLI does the same).
      load('a.facts.yaml', edit(ARMS_YAML, 'id: stockpile-cut', 'id: norway-ratification'));
      assert.deepEqual(factIds(file), ['drone-accord-signing', 'norway-ratification', 'brazil-first-committee-vote']);
      assert.equal(registry.entry(file)!.usingLastGood, false);
      assert.doesNotMatch(problems(file)[0]!.message, /last good/);
      // A date that does not exist: that value is dropped, its fact kept.
      load('a.facts.yaml', edit(ARMS_YAML, 'value: 2023-05-17', 'value: 2023-02-30'));
      assert.equal(factIds(file).length, 4);
      assert.deepEqual(registry.bases([file])[0]!.base.facts[1]!.values, []);
    });

    it('values: 2022-13-40 is refused by the schema at the value; 2023-02-30 gets invalid-value there', () => {
      const month13 = edit(ARMS_YAML, 'value: 2023-05-17', 'value: 2022-13-40');
      const found = problems(load('m.facts.yaml', month13));
      assert.ok(found.length >= 1);
      for (const p of found) assert.deepEqual([p.code, month13.slice(p.start, p.end)], ['schema', '2022-13-40']);
      assert.ok(found.some((p) => /must match pattern/.test(p.message)));

      const feb30 = edit(ARMS_YAML, 'value: 2023-05-17', 'value: 2023-02-30');
      assert.deepEqual(spans(feb30, problems(load('f.facts.yaml', feb30))), [['invalid-value', '2023-02-30']]);

      const vote = edit(ARMS_YAML, 'kind: vote, value: against', 'kind: vote, value: maybe');
      assert.deepEqual(spans(vote, problems(load('v.facts.yaml', vote))), [['schema', 'maybe']]);
    });

    it('a quote not in the source text: quote-not-in-source at the quote (an error that does not block loading)', () => {
      const text = edit(ARMS_YAML, 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      const file = load('a.facts.yaml', text);
      assert.deepEqual(spans(text, problems(file)), [['quote-not-in-source', 'Norway ratified the accord on 18 May, the first signatory to do so.']]);
      assert.equal(problems(file)[0]!.severity, 'error');
      assert.deepEqual(problems(file)[0]!.path, ['facts', 1, 'quote']);
      assert.equal(factIds(file).length, 4, 'still loaded');
      assert.equal(registry.entry(file)!.usingLastGood, false);
    });

    it('quotes are compared with whitespace folded (a line-wrapped quote is fine)', () => {
      const text = edit(ARMS_YAML, 'quote: Norway ratified the accord on 17 May, the first signatory to do so.', 'quote: >-\n      Norway ratified the accord\n      on 17 May,   the first signatory to do so.');
      assert.deepEqual(problems(load('a.facts.yaml', text)), []);
    });

    it('a source text that cannot be read: missing-text at source.text', () => {
      const text = edit(ARMS_YAML, 'text: arms-control.txt', 'text: nowhere/missing.txt');
      const file = load('a.facts.yaml', text);
      assert.deepEqual(spans(text, problems(file)), [['missing-text', 'nowhere/missing.txt']]);
      assert.match(problems(file)[0]!.message, /Cannot read the source text nowhere\/missing\.txt: ENOENT\./);
    });

    it('across files: the later file by path gets duplicate-key at its key and duplicate-id at each id', () => {
      const early = load('a.facts.yaml', armsVariant('same2023', 'a'));
      const laterText = edit(armsVariant('same2023', 'b'), 'id: b-stockpile-cut', 'id: a-stockpile-cut');
      const later = load('b.facts.yaml', laterText);
      assert.deepEqual(registry.crossFileProblems(early, null), []);
      const cross = registry.crossFileProblems(later, null);
      assert.deepEqual(spans(laterText, cross), [['duplicate-key', 'same2023'], ['duplicate-id', 'a-stockpile-cut']]);
      assert.match(cross[0]!.message, /The citation key "same2023" is already used by a\.facts\.yaml/);
      assert.match(cross[1]!.message, /The fact id "a-stockpile-cut" is already used by a\.facts\.yaml/);
      // Loading order does not matter: the path order does.
      const fresh = new FactBaseRegistry({ folders: () => [dir], restricted: () => false });
      fresh.loadFromDisk(later);
      fresh.loadFromDisk(early);
      assert.deepEqual(fresh.crossFileProblems(early, null), []);
      assert.equal(fresh.crossFileProblems(later, null).length, 2);
    });

    it('across files: the built-in fact base’s key and fact ids count as earlier', () => {
      const builtin = loadBuiltinFactBase();
      const text = edit(armsVariant(builtin.source.key, 'x'), 'id: x-stockpile-cut', 'id: recognition-breakaway-republics');
      const file = load('a.facts.yaml', text);
      const cross = registry.crossFileProblems(file, { key: builtin.source.key, factIds: new Set(builtin.facts.map((f) => f.id)) });
      assert.deepEqual(spans(text, cross), [['duplicate-key', 'frassineti2022'], ['duplicate-id', 'recognition-breakaway-republics']]);
      assert.match(cross[0]!.message, /already used by the built-in fact base/);
    });
  });

  describe('the last good version', () => {
    it('a broken file keeps its last good facts in use, and its errors say so', () => {
      const file = load('a.facts.yaml', ARMS_YAML);
      const good = registry.bases([file])[0]!.base;
      const version = registry.version;
      const broken = edit(ARMS_YAML, 'year: 2023', 'year: @2023');
      load('a.facts.yaml', broken);
      assert.ok(registry.version > version);
      const entry = registry.entry(file)!;
      assert.equal(entry.usingLastGood, true);
      assert.equal(entry.text, broken, 'the problems belong to the newest text');
      assert.equal(registry.bases([file])[0]!.base, good);
      assert.equal(registry.bases([file])[0]!.sourceText, ARMS_TEXT);
      const [p] = problems(file);
      assert.equal(text(broken, p!), '@');
      assert.match(p!.message, / Checks keep using the last good version of this file until this is fixed\.$/);
    });

    it('only errors are told about the last good version, not warnings', () => {
      restricted = true;
      const file = load('a.facts.yaml', edit(ARMS_YAML, 'text: arms-control.txt', 'text: ../elsewhere.txt'));
      assert.deepEqual(problems(file).map((p) => p.code), ['restricted']);
      assert.doesNotMatch(problems(file)[0]!.message, /last good/);
      load('a.facts.yaml', edit(ARMS_YAML, 'year: 2023', 'year: @2023'));
      assert.ok(problems(file).every((p) => p.severity === 'error' && / Checks keep using the last good version/.test(p.message)));
    });

    it('fixed again: the new version takes effect', () => {
      const file = load('a.facts.yaml', ARMS_YAML);
      load('a.facts.yaml', edit(ARMS_YAML, '{ paragraph: 3 }', '{ paragraph: three }'));
      assert.equal(registry.entry(file)!.usingLastGood, true);
      load('a.facts.yaml', edit(ARMS_YAML, '{ paragraph: 3 }', '{ paragraph: 4 }'));
      assert.equal(registry.entry(file)!.usingLastGood, false);
      assert.deepEqual(problems(file), []);
      assert.equal(registry.bases([file])[0]!.base.facts[1]!.paragraph, 4);
    });

    it('a file that was never good has no fallback and says nothing about one', () => {
      const file = load('a.facts.yaml', edit(ARMS_YAML, 'year: 2023', 'year: @2023'));
      assert.equal(registry.entry(file)!.usingLastGood, false);
      assert.deepEqual(registry.bases([file]), []);
      assert.doesNotMatch(problems(file)[0]!.message, /last good/);
    });
  });

  describe('editor text over disk', () => {
    it('setFromEditor wins over the disk until closeInEditor', () => {
      const file = load('a.facts.yaml', ARMS_YAML);
      registry.setFromEditor(file, edit(ARMS_YAML, 'value: 2023-05-17', 'value: 2023-08-17'));
      const month = () => ratificationMonth(file);
      assert.equal(month(), 8);
      assert.equal(registry.entry(file)!.fromEditor, true);
      // A change on disk while the file is open in the editor does not count.
      writeFileSync(file, edit(ARMS_YAML, 'value: 2023-05-17', 'value: 2023-10-17'));
      registry.loadFromDisk(file);
      assert.equal(month(), 8);
      registry.closeInEditor(file);
      assert.equal(registry.entry(file)!.fromEditor, false);
      assert.equal(month(), 10);
    });

    it('unsaved editor text with an error falls back to the last good version, like the disk', () => {
      const file = load('a.facts.yaml', ARMS_YAML);
      const broken = edit(ARMS_YAML, 'facts:\n', 'facts:\n  - [\n');
      registry.setFromEditor(file, broken);
      assert.equal(registry.entry(file)!.usingLastGood, true);
      assert.equal(factIds(file).length, 4);
      assert.ok(problems(file).every((p) => p.code === 'yaml-syntax' && p.start >= 0 && p.end <= broken.length));
    });

    it('a new file opened in the editor before it is saved is known from its text', () => {
      const file = path('unsaved.facts.yaml');
      registry.setFromEditor(file, armsVariant('unsaved2023', 'unsaved'));
      assert.deepEqual(factIds(file).slice(0, 1), ['unsaved-drone-accord-signing']);
      // Closed without saving: nothing on disk, so it is gone.
      registry.closeInEditor(file);
      assert.ok(!registry.has(file));
    });
  });

  describe('restricted workspaces', () => {
    let outside: string;
    beforeEach(() => {
      outside = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-registry-outside-')));
      writeFileSync(join(outside, 'article.txt'), ARMS_TEXT);
      restricted = true;
    });
    afterEach(() => rmSync(outside, { recursive: true, force: true }));

    it('a source text outside the folders is not read: a restricted warning at source.text, quotes not checked, facts used', () => {
      const textPath = join(outside, 'article.txt');
      const text = edit(edit(ARMS_YAML, 'text: arms-control.txt', `text: ${textPath}`), 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      const file = load('a.facts.yaml', text);
      assert.deepEqual(spans(text, problems(file)), [['restricted', textPath]]);
      assert.equal(problems(file)[0]!.severity, 'warning');
      assert.match(problems(file)[0]!.message, /restricted workspace.*not checked/);
      assert.equal(registry.entry(file)!.sourceText, null);
      assert.equal(factIds(file).length, 4);
    });

    it('relative paths that leave the folder (../) count as outside', () => {
      const text = edit(ARMS_YAML, 'text: arms-control.txt', 'text: ../../../../../../../../etc/hostname');
      const file = load('a.facts.yaml', text);
      assert.deepEqual(problems(file).map((p) => p.code), ['restricted']);
      assert.equal(registry.entry(file)!.sourceText, null);
    });

    it('a source text inside the folder is read and checked', () => {
      const text = edit(ARMS_YAML, 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      const file = load('a.facts.yaml', text);
      assert.deepEqual(problems(file).map((p) => p.code), ['quote-not-in-source']);
      assert.equal(registry.entry(file)!.sourceText, ARMS_TEXT);
    });

    it('once trusted, reloading the file reads the outside text', () => {
      const text = edit(edit(ARMS_YAML, 'text: arms-control.txt', `text: ${join(outside, 'article.txt')}`), 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      const file = load('a.facts.yaml', text);
      restricted = false;
      registry.loadFromDisk(file);
      assert.deepEqual(spans(text, problems(file)), [['quote-not-in-source', 'Norway ratified the accord on 18 May, the first signatory to do so.']]);
      assert.equal(registry.entry(file)!.sourceText, ARMS_TEXT);
    });

    it('a symbolic link inside the folder that points outside is not followed', () => {
      symlinkSync(join(outside, 'article.txt'), path('link.txt'));
      const file = load('a.facts.yaml', edit(ARMS_YAML, 'text: arms-control.txt', 'text: link.txt'));
      assert.equal(registry.entry(file)!.sourceText, null, 'the outside file was read through the link');
      assert.deepEqual(problems(file).map((p) => p.code), ['restricted']);
    });
  });

  describe('hostile files: rejected or neutralised, in bounded time', () => {
    /** Loads a file and returns its problems, failing if loading takes unreasonably long. */
    function timedLoad(rel: string, text: string): LocatedProblem[] {
      const started = Date.now();
      const file = load(rel, text);
      const ms = Date.now() - started;
      assert.ok(ms < 20_000, `${rel}: ${ms} ms`);
      return problems(file);
    }

    it('over 2 MB on disk: too-large, not read', () => {
      const found = timedLoad('huge.facts.yaml', `source: { key: huge, title: "${'x'.repeat(2 * 1024 * 1024)}" }\nfacts: []\n`);
      assert.deepEqual(found.map((p) => [p.code, p.start, p.end]), [['too-large', 0, 0]]);
      assert.match(found[0]!.message, /larger than 2 MB, the limit for a fact base, and is not loaded/);
      assert.equal(registry.entry(path('huge.facts.yaml'))!.text, null);
    });

    it('over 2 MB in the editor: too-large, not parsed', () => {
      const file = path('huge.facts.yaml');
      registry.setFromEditor(file, `source: { key: huge, title: "${'x'.repeat(2 * 1024 * 1024)}" }\nfacts: []\n`);
      assert.deepEqual(problems(file).map((p) => p.code), ['too-large']);
      assert.match(problems(file)[0]!.message, /larger than 2 MB, the limit for a fact base/);
    });

    it('a 3 MB fact base is refused at once, a 3 MB source text is read: the two limits differ', () => {
      // 3 MB of ordinary facts: parsed, it would load without a problem.
      const facts = ARMS_YAML.slice(ARMS_YAML.indexOf('\nfacts:\n') + '\nfacts:\n'.length);
      let big = ARMS_YAML;
      for (let i = 0; big.length < 3 * 1024 * 1024; i++) big += facts.replace(/^( {2}- id: )/gm, `$1copy${i}-`);
      for (const [rel, text] of [['big.facts.yaml', big], ['big.facts.json', JSON.stringify({ source: { key: 'big', title: 'x'.repeat(3 * 1024 * 1024) }, facts: [] })]]) {
        const started = Date.now();
        const found = timedLoad(rel, text);
        assert.ok(Date.now() - started < 1_000, `${rel}: not refused at once (${Date.now() - started} ms)`);
        assert.deepEqual(found.map((p) => p.code), ['too-large'], rel);
        assert.match(found[0]!.message, /larger than 2 MB, the limit for a fact base/);
        const started2 = Date.now();
        registry.setFromEditor(path(rel), text);
        assert.ok(Date.now() - started2 < 1_000, `${rel} in the editor: not refused at once (${Date.now() - started2} ms)`);
        assert.deepEqual(problems(path(rel)).map((p) => p.code), ['too-large'], `${rel} in the editor`);
      }
      const article = `${ARMS_TEXT}\n${'filler '.repeat(450_000)}`;
      assert.ok(article.length > 3 * 1024 * 1024 && article.length < 3.5 * 1024 * 1024);
      put('big.txt', article);
      const text = edit(ARMS_YAML, 'text: arms-control.txt', 'text: big.txt');
      assert.deepEqual(timedLoad('a.facts.yaml', text), []);
      assert.equal(registry.entry(path('a.facts.yaml'))!.sourceText, article);
      // And the quotes are checked against it.
      const wrong = edit(text, 'quote: Norway ratified the accord on 17 May', 'quote: Norway ratified the accord on 18 May');
      assert.deepEqual(timedLoad('a.facts.yaml', wrong).map((p) => p.code), ['quote-not-in-source']);
    });

    it('a 1 MB quote: refused by the schema (5,000 characters at most), at the quote', () => {
      const long = 'Norway '.repeat(150_000).trim();
      const text = edit(ARMS_YAML, 'quote: Norway ratified the accord on 17 May, the first signatory to do so.', `quote: ${long}`);
      const found = timedLoad('long.facts.yaml', text);
      assert.deepEqual(spans(text, found), [['schema', long]]);
      assert.match(found[0]!.message, /facts\.1\.quote must NOT have more than 5000 characters/);
    });

    it('over 10 MB of source text: too-large, quotes not checked against it', () => {
      put('big.txt', `${ARMS_TEXT}\n${'filler '.repeat(1_500_000)}`); // 10.0 MiB and a little
      const text = edit(ARMS_YAML, 'text: arms-control.txt', 'text: big.txt');
      const found = timedLoad('a.facts.yaml', text);
      assert.deepEqual(spans(text, found), [['too-large', 'big.txt']]);
      assert.match(found[0]!.message, /source text big\.txt is larger than 10 MB, the limit for a source text/);
      assert.equal(registry.entry(path('a.facts.yaml'))!.sourceText, null);
    });

    it('5,000 nested flow sequences: a YAML error', () => {
      const found = timedLoad('deep.facts.yaml', `source: ${'['.repeat(5_000)}${']'.repeat(5_000)}\nfacts: []\n`);
      assert.ok(found.length >= 1);
      assert.ok(found.every((p) => p.code === 'yaml-syntax'), JSON.stringify(found.map((p) => p.code)));
    });

    it('20,000 nested block sequences (40 KB): a YAML error, not an exception', () => {
      let found: LocatedProblem[] = [];
      assert.doesNotThrow(() => { found = timedLoad('deep.facts.yaml', `source:\n  ${'- '.repeat(20_000)}x\nfacts: []\n`); });
      assert.ok(found.length >= 1 && found.every((p) => p.code === 'yaml-syntax'));
    });

    it('a billion-laughs alias bomb: refused before it expands', () => {
      let yaml = 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
      for (let i = 1; i < 10; i++) yaml += `l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]\n`;
      const found = timedLoad('bomb.facts.yaml', `${yaml}source: { key: bomb, title: Bomb }\nfacts: []\n`);
      assert.deepEqual(found.map((p) => p.code), ['yaml-syntax']);
      assert.match(found[0]!.message, /Excessive alias count/);
    });

    it('aliases inside a fact base (a few) are fine; a self-reference is refused', () => {
      const withAlias = edit(edit(ARMS_YAML, '        - [ratif*]', '        - &ratify [ratif*]'), '      trigger: [ratif*]', '      trigger: *ratify');
      assert.deepEqual(timedLoad('alias.facts.yaml', withAlias), []);
      const self = timedLoad('self.facts.yaml', 'a: &a [*a, *a]\nsource: { key: s, title: S }\nfacts: []\n');
      assert.ok(self.length >= 1 && self.every((p) => p.severity === 'error'));
    });

    it('markup in texts is kept as data (escaping is the hover’s job), and control characters do not break loading', () => {
      const text = edit(ARMS_YAML, 'title: \'The Oslo Drone Accord: A Modest Step – Analysis\'', 'title: "[x](command:workbench.action.quit) <img src=x onerror=alert(1)> \\u0007\\u001b[31m"');
      const file = load('a.facts.yaml', text);
      assert.deepEqual(problems(file), []);
      assert.equal(registry.bases([file])[0]!.base.source.title, '[x](command:workbench.action.quit) <img src=x onerror=alert(1)> \u0007\u001b[31m');
    });
  });
});

function text(source: string, p: LocatedProblem): string {
  return source.slice(p.start, p.end);
}
