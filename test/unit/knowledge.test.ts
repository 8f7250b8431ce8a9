import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import { parseFactBaseYaml } from '../../server/src/core/facts/parse';
import { actorChain, compileKnowledge } from '../../server/src/core/match/knowledge';
import type { ActorInfo } from '../../server/src/core/facts/model';
import { loadBuiltinFactBase, loadGazetteer } from '../../server/src/node/factFiles';
import { smallFactBase } from '../helpers/factBases';
import { builtinKnowledge } from '../helpers/knowledge';

const SMALL_BASE = smallFactBase(['published: 2023-05']);

describe('compileKnowledge', () => {
  it('compiles the built-in base without problems, indexing every fact by id', () => {
    const k = builtinKnowledge();
    assert.deepEqual(k.problems, []);
    assert.equal(k.facts.length, loadBuiltinFactBase().facts.length);
    k.facts.forEach((f, i) => assert.equal(k.factIndex.get(f.id), i));
    assert.equal(k.roles.length, k.facts.length);
    k.facts.forEach((f, i) => assert.equal(k.roles[i]!.length, f.values.length));
    assert.ok(k.sources.has('frassineti2022'));
    assert.equal(k.origins.get('frassineti2022'), 'built-in');
  });

  it('merges the source’s actors into the gazetteer, adding aliases to known actors', () => {
    const k = builtinKnowledge();
    const nk = k.actors.get('north-korea')!;
    const aliases = nk.aliases.map((a) => a.text);
    assert.ok(aliases.includes('Pyongyang'), 'gazetteer alias kept');
    assert.ok(aliases.includes('the Hermit Kingdom'), 'fact base alias added');
    assert.equal(new Set(aliases.map((a) => a.toLowerCase())).size, aliases.length, 'no duplicate aliases');
    assert.equal(k.actors.get('russian-parliament')!.partOf, 'russia');
  });

  it('reports a second base with the same citation key and ignores it', () => {
    const base = loadBuiltinFactBase();
    const k = compileKnowledge([base, { ...base, origin: 'copy.yaml' }], loadGazetteer());
    assert.deepEqual(k.problems.map((p) => p.code), ['duplicate-key']);
    assert.match(k.problems[0]!.message, /copy\.yaml is ignored/);
    assert.equal(k.facts.length, base.facts.length);
  });

  it('reports fact ids used by two bases and keeps the first', () => {
    const base = loadBuiltinFactBase();
    const other = { ...base, origin: 'other.yaml', source: { ...base.source, key: 'other2022' }, facts: [{ ...base.facts[0]!, sourceKey: 'other2022' }] };
    const k = compileKnowledge([base, other], loadGazetteer());
    assert.deepEqual(k.problems.map((p) => p.code), ['duplicate-id']);
    assert.equal(k.facts[k.factIndex.get(base.facts[0]!.id)!]!.sourceKey, base.source.key);
  });

  it('checks drafts against a user fact base with its own actors', () => {
    const parsed = parseFactBaseYaml(SMALL_BASE, 'small.yaml');
    assert.deepEqual(parsed.problems, []);
    const k = compileKnowledge([parsed.base!], loadGazetteer());
    const text = 'The Ruritanian summit took place in April 2023.';
    const [finding] = checkDocument(k, text).findings.filter((f) => f.code === 'contradiction');
    assert.equal(finding!.factId, 'small-summit');
    assert.equal(text.slice(finding!.start, finding!.end), 'April 2023');
    assert.equal(finding!.fixes[0]!.edits[0]!.newText, 'March 2023');
    const contradicted = (t: string) => checkDocument(k, t).findings.filter((f) => f.code === 'contradiction');
    assert.deepEqual(contradicted('The Ruritanian summit took place in March 2023.'), []);
    assert.deepEqual(contradicted('On 14 June, Pyongyang recognised the breakaway republics.'), [], 'the built-in base is not loaded');
    assert.deepEqual(checkDocument(k, 'On 14 June, Pyongyang recognised the breakaway republics.').claims, []);
  });

  it('ends part-of chains at cycles', () => {
    const actors = new Map<string, ActorInfo>([
      ['a', { id: 'a', kind: 'organization', name: 'A', partOf: 'b', aliases: [] }],
      ['b', { id: 'b', kind: 'organization', name: 'B', partOf: 'a', aliases: [] }],
    ]);
    assert.deepEqual(actorChain(actors, 'a'), ['a', 'b']);
    assert.deepEqual(actorChain(actors, 'missing'), ['missing']);
  });

  it('compiles the same knowledge from the YAML as from the bundled JSON', () => {
    const yaml = readFileSync(join(__dirname, '..', '..', 'facts', 'frassineti2022.facts.yaml'), 'utf8');
    const parsed = parseFactBaseYaml(yaml, 'built-in');
    assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
    assert.deepEqual(parsed.base!.facts, loadBuiltinFactBase().facts);
  });
});
