import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { validateFactBaseSchema } from '../../server/src/core/facts/schema';
import { loadBuiltinFactBase } from '../../server/src/node/factFiles';

const root = join(__dirname, '..', '..');
const articlePath = join(root, '..', 'shared', 'source', 'north-korea-pokes-the-polarization-bear.txt');

describe('built-in fact base', () => {
  const raw = parse(readFileSync(join(root, 'facts', 'frassineti2022.facts.yaml'), 'utf8'));
  const base = loadBuiltinFactBase();

  it('matches the shipped JSON schema', () => {
    assert.deepEqual(validateFactBaseSchema(raw), []);
  });

  it('has unique ids and a value on every fact', () => {
    const ids = base.facts.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const fact of base.facts) assert.ok(fact.values.length > 0, `${fact.id} has no value`);
  });

  it('quotes the article verbatim, curly quotes as printed', { skip: !existsSync(articlePath) && 'the article is not present here' }, () => {
    const article = readFileSync(articlePath, 'utf8');
    for (const fact of base.facts) assert.ok(article.includes(fact.quote), `quote of ${fact.id} is not verbatim`);
  });

  it('locates each quote in the paragraph it names', { skip: !existsSync(articlePath) && 'the article is not present here' }, () => {
    const lines = readFileSync(articlePath, 'utf8').split('\n');
    const first = lines.findIndex((l) => l.startsWith('After Russia’s invasion of Ukraine'));
    for (const fact of base.facts) assert.ok(lines[first + fact.paragraph - 1]!.includes(fact.quote), `${fact.id}: not in paragraph ${fact.paragraph}`);
  });

  it('ships the article it quotes, unchanged', { skip: !existsSync(articlePath) && 'the article is not present here' }, () => {
    assert.equal(readFileSync(join(root, 'facts', 'frassineti2022.txt'), 'utf8'), readFileSync(articlePath, 'utf8'));
  });
});
