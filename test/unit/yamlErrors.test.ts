import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { MAX_YAML_ERRORS, parseFactBaseYaml } from '../../server/src/core/facts/parse';

const ROOT = join(__dirname, '..', '..');
const parse = (text: string) => parseFactBaseYaml(text, 'broken.facts.yaml');
const SUMMARY = /^YAML: (\d+) more errors? from here on, not listed; only the first 20 are\./;

describe('YAML syntax errors: the first ones reported exactly, the rest counted', () => {
  it('100 000 stray "]": the first 20 at their places, then one summary at the 21st that counts the rest', () => {
    const { base, problems } = parse(']'.repeat(100_000));
    assert.equal(base, null);
    assert.equal(MAX_YAML_ERRORS, 20);
    assert.equal(problems.length, MAX_YAML_ERRORS + 1);
    for (let i = 0; i < MAX_YAML_ERRORS; i++) {
      assert.deepEqual([problems[i]!.start, problems[i]!.end, problems[i]!.code, problems[i]!.severity], [i, i + 1, 'yaml-syntax', 'error']);
      assert.equal(problems[i]!.message, 'YAML: Unexpected flow-seq-end token in YAML document: "]"');
    }
    const summary = problems[MAX_YAML_ERRORS]!;
    assert.deepEqual([summary.start, summary.end, summary.code, summary.severity], [20, 21, 'yaml-syntax', 'error']);
    assert.equal(summary.message.match(SUMMARY)?.[1], String(100_000 - MAX_YAML_ERRORS));
  });

  it('errors the composer finds are capped too: 50 000 unterminated quotes, 25 000 duplicate keys', () => {
    const quotes = parse('"'.repeat(100_000)).problems;
    assert.equal(quotes.length, MAX_YAML_ERRORS + 1);
    assert.deepEqual(quotes.slice(0, 3).map((p) => [p.start, p.end, p.message]), [
      [2, 4, 'YAML: Unexpected double-quoted-scalar at node end'],
      [4, 6, 'YAML: Unexpected double-quoted-scalar at node end'],
      [6, 8, 'YAML: Unexpected double-quoted-scalar at node end'],
    ]);
    assert.equal(quotes[MAX_YAML_ERRORS]!.message.match(SUMMARY)?.[1], String(49_999 - MAX_YAML_ERRORS));

    const keys = parse('a:\n '.repeat(25_000)).problems;
    assert.equal(keys.length, MAX_YAML_ERRORS + 1);
    assert.deepEqual([keys[0]!.start, keys[0]!.message], [6, 'YAML: Map keys must be unique']);
    assert.match(keys[MAX_YAML_ERRORS]!.message, SUMMARY);
  });

  it('21 errors: all 20 listed, "1 more error" at the last', () => {
    const problems = parse(']'.repeat(21)).problems;
    assert.equal(problems.length, 21);
    assert.equal(problems[20]!.message.match(SUMMARY)?.[1], '1');
    assert.deepEqual([problems[20]!.start, problems[20]!.end], [20, 21]);
    assert.equal(parse(']'.repeat(20)).problems.length, 20);
    assert.ok(!parse(']'.repeat(20)).problems.some((p) => SUMMARY.test(p.message)));
  });

  it('the first problem is the first error in the text, even when the parser reports it after later ones', () => {
    // The parser yields the "]" errors before the document that holds the anchors before them.
    const problems = parse(`&a &b ${']'.repeat(30)} x`).problems;
    assert.deepEqual([problems[0]!.start, problems[0]!.end, problems[0]!.message], [3, 5, 'YAML: A node can have at most one anchor']);
    assert.deepEqual(problems.slice(1, MAX_YAML_ERRORS).map((p) => p.start), Array.from({ length: MAX_YAML_ERRORS - 1 }, (_, i) => 6 + i));
    assert.equal(problems[MAX_YAML_ERRORS]!.start, 6 + MAX_YAML_ERRORS - 1);
    assert.equal(problems[MAX_YAML_ERRORS]!.message.match(SUMMARY)?.[1], String(31 - MAX_YAML_ERRORS));
  });

  it('a stray "]" in a real fact base: the first problem exactly there, the rest summed up, nothing validated', () => {
    const good = readFileSync(join(ROOT, 'facts', 'frassineti2022.facts.yaml'), 'utf8');
    assert.deepEqual(parse(good).problems.filter((p) => p.severity === 'error'), []);
    const at = good.indexOf('\nfacts:') + 1;
    const broken = `${good.slice(0, at)}]\n${good.slice(at)}`;
    let validated = false;
    const { base, problems } = parseFactBaseYaml(broken, 'broken.facts.yaml', () => { validated = true; return []; });
    assert.equal(base, null);
    assert.equal(validated, false);
    // The yaml library reads all that follows as errors, one per token (some 2 500 here).
    assert.deepEqual([problems[0]!.start, problems[0]!.end, problems[0]!.message], [at, at + 1, 'YAML: Unexpected flow-seq-end token in YAML stream: "]"']);
    assert.equal(problems.length, MAX_YAML_ERRORS + 1);
    assert.ok(Number(problems[MAX_YAML_ERRORS]!.message.match(SUMMARY)?.[1]) > 1000);
  });

  it('several documents: reported as before, once', () => {
    const problems = parse('a: 1\n---\nb: 2\n---\nc: 3\n').problems;
    assert.deepEqual(problems.map((p) => [p.start, p.message]), [[5, 'YAML: Source contains multiple documents; please use YAML.parseAllDocuments()']]);
  });
});

describe('YAML syntax errors cost no Error object each', () => {
  // The yaml library built an Error (with a stack trace) for every error, which made 1 MB of "]"
  // take 20 s; the parser now collects them itself. Counted by wrapping the library's error class.
  const errors = require(join(dirname(require.resolve('yaml')), 'errors.js')) as { YAMLParseError: new (...args: unknown[]) => Error };
  const original = errors.YAMLParseError;
  let built = 0;
  before(() => {
    errors.YAMLParseError = class extends original {
      constructor(...args: unknown[]) {
        super(...args);
        built++;
      }
    };
  });
  after(() => {
    errors.YAMLParseError = original;
  });

  it('the count works: the library on its own builds one per error', () => {
    built = 0;
    parseDocument(']'.repeat(1000), { prettyErrors: false });
    assert.equal(built, 1000);
  });

  it('parseFactBaseYaml builds at most one per error reported (20 000 "]", 10 000 quotes, 5 000 duplicate keys)', () => {
    for (const text of [']'.repeat(20_000), '"'.repeat(20_000), 'a:\n '.repeat(5_000)]) {
      built = 0;
      const problems = parse(text).problems;
      assert.equal(problems.length, MAX_YAML_ERRORS + 1);
      assert.ok(built <= MAX_YAML_ERRORS + 1, `${built} errors built for ${JSON.stringify(text.slice(0, 4))}…`);
    }
  });
});
