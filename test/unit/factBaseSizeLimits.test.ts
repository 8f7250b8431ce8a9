/**
 * The two size limits of the user's files: a fact base file (YAML or JSON) holds at most 2 MiB, since
 * composing YAML of a hostile shape costs seconds per megabyte on the language server's one thread;
 * a source text (`source.text`, only searched for quotes) holds at most 10 MiB. Checked where the CLI
 * reads them (loadFactBaseFile, loadKnowledge) and where any text is parsed (parseFactBaseYaml). The
 * language server's registry is tested in factBaseRegistry.test.ts.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MAX_FACT_BASE_SIZE, MAX_SOURCE_TEXT_SIZE, parseFactBaseYaml } from '../../server/src/core/facts/parse';
import { loadFactBaseFile, loadKnowledge } from '../../server/src/node/factFiles';

const MiB = 1024 * 1024;
const FIXTURES = join(__dirname, '..', 'fixtures', 'factbases');
const ARMS_YAML = readFileSync(join(FIXTURES, 'arms-control.yaml'), 'utf8');
const ARMS_TEXT = readFileSync(join(FIXTURES, 'arms-control.txt'), 'utf8');

/** A YAML fact base of exactly `length` characters (one long title). */
function yamlOf(length: number): string {
  const head = 'source: { key: big2024, title: "';
  const tail = '" }\nfacts: []\n';
  return `${head}${'x'.repeat(length - head.length - tail.length)}${tail}`;
}

/** A JSON fact base of exactly `length` characters. */
function jsonOf(length: number): string {
  const empty = JSON.stringify({ source: { key: 'big2024', title: '' }, facts: [] });
  return JSON.stringify({ source: { key: 'big2024', title: 'x'.repeat(length - empty.length) }, facts: [] });
}

/** Runs `f`, failing unless it returns within `ms`. */
function quickly<T>(what: string, ms: number, f: () => T): T {
  const started = Date.now();
  const result = f();
  const took = Date.now() - started;
  assert.ok(took < ms, `${what}: ${took} ms`);
  return result;
}

describe('size limits', () => {
  it('a fact base may hold 2 MiB, a source text 10 MiB', () => {
    assert.equal(MAX_FACT_BASE_SIZE, 2 * MiB);
    assert.equal(MAX_SOURCE_TEXT_SIZE, 10 * MiB);
  });

  describe('parseFactBaseYaml (editor text, any form)', () => {
    it('exactly 2 MiB is parsed; one character more is too large, and says which limit', () => {
      assert.equal(yamlOf(2 * MiB).length, 2 * MiB);
      const at = parseFactBaseYaml(yamlOf(2 * MiB), 'at.facts.yaml');
      assert.deepEqual(at.problems.map((p) => p.code), []);
      assert.equal(at.base?.source.key, 'big2024');
      const over = parseFactBaseYaml(yamlOf(2 * MiB + 1), 'over.facts.yaml');
      assert.equal(over.base, null);
      assert.deepEqual(over.problems.map((p) => p.code), ['too-large']);
      assert.match(over.problems[0]!.message, /larger than 2 MB, the limit for a fact base, and is not loaded/);
      assert.doesNotMatch(over.problems[0]!.message, /10 MB/);
    });

    it('3 MB, YAML or JSON: refused at once as too large', () => {
      for (const text of [yamlOf(3 * MiB), jsonOf(3 * MiB)]) {
        const parsed = quickly('parse', 500, () => parseFactBaseYaml(text, 'big.facts.json'));
        assert.deepEqual(parsed.problems.map((p) => p.code), ['too-large']);
      }
    });
  });

  describe('the CLI (node/factFiles)', () => {
    let dir: string;
    beforeEach(() => {
      dir = realpathSync(mkdtempSync(join(tmpdir(), 'pfc-limits-')));
      copyFileSync(join(FIXTURES, 'arms-control.txt'), join(dir, 'arms-control.txt'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('a 3 MB fact base file, YAML or JSON: too large, not read, naming the file and the limit', () => {
      for (const [name, text] of [['big.facts.yaml', yamlOf(3 * MiB)], ['big.facts.json', jsonOf(3 * MiB)]] as const) {
        const file = join(dir, name);
        writeFileSync(file, text);
        const loaded = quickly(name, 1_000, () => loadFactBaseFile(file));
        assert.equal(loaded.base, null);
        assert.deepEqual(loaded.problems.map((p) => p.code), ['too-large']);
        assert.equal(loaded.problems[0]!.message, `${file} is larger than 2 MB, the limit for a fact base, and is not loaded.`);
      }
    });

    it('a fact base file of exactly 2 MiB is read', () => {
      const file = join(dir, 'at.facts.json');
      writeFileSync(file, jsonOf(2 * MiB));
      assert.deepEqual(loadFactBaseFile(file).problems.filter((p) => p.code === 'too-large'), []);
    });

    it('a 3 MB source text is read; one over 10 MiB is not', () => {
      const factBase = join(dir, 'arms.facts.yaml');
      writeFileSync(factBase, ARMS_YAML.replace('text: arms-control.txt', 'text: article.txt'));
      const article = `${ARMS_TEXT}\n${'filler '.repeat(450_000)}`;
      assert.ok(article.length > 3 * MiB && article.length < 4 * MiB);
      writeFileSync(join(dir, 'article.txt'), article);
      const loaded = loadKnowledge({ builtin: false, files: [factBase] });
      assert.deepEqual(loaded.problems, []);
      assert.ok(loaded.knowledge.sourceTexts.has('doe2023'), 'the 3 MB source text was not read');

      writeFileSync(join(dir, 'article.txt'), `${ARMS_TEXT}\n${'filler '.repeat(1_500_000)}`);
      assert.ok(loadKnowledge({ builtin: false, files: [factBase] }).knowledge.sourceTexts.size === 0, 'a source text over 10 MiB was read');
    });
  });
});
