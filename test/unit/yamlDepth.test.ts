import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Parser } from 'yaml';
import { parseFactBaseYaml } from '../../server/src/core/facts/parse';
import { MAX_YAML_DEPTH, tooDeepAt } from '../../server/src/core/facts/yamlDepth';

const depthOf = (text: string) => tooDeepAt(new Parser().parse(text));
const flow = (levels: number) => `${'['.repeat(levels)}x${']'.repeat(levels)}\n`;
const block = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';

describe('tooDeepAt: nesting measured before the recursive YAML composer runs', () => {
  it('lets through nesting up to the limit, flow and block alike', () => {
    assert.equal(depthOf(flow(MAX_YAML_DEPTH)), null);
    assert.equal(depthOf(block(MAX_YAML_DEPTH)), null);
    assert.equal(depthOf('facts:\n  - id: a\n    values:\n      - role: date\n        value: 2022-07-14\n'), null);
  });

  it('points at the first collection past the limit', () => {
    const text = flow(MAX_YAML_DEPTH + 2);
    const at = depthOf(text);
    assert.ok(at !== null && at > MAX_YAML_DEPTH - 2 && at <= MAX_YAML_DEPTH + 2, `at ${at}`);
    assert.ok(depthOf(block(MAX_YAML_DEPTH + 2)) !== null);
    assert.ok(depthOf(`${'- '.repeat(MAX_YAML_DEPTH + 2)}x\n`) !== null);
  });

  it('a fact base nested 20 000 levels deep is refused with a clear problem, three times running in one process', () => {
    for (let i = 0; i < 3; i++) {
      const parsed = parseFactBaseYaml(flow(20_000), 'deep.facts.yaml');
      assert.equal(parsed.base, null);
      assert.equal(parsed.problems.length, 1);
      assert.match(parsed.problems[0]!.message, new RegExp(`nested more than ${MAX_YAML_DEPTH} levels`));
      assert.equal(parsed.problems[0]!.code, 'yaml-syntax');
    }
  });
});
