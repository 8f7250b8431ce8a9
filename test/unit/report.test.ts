import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { displayValue } from '../../server/src/core/match/report';
import { applyFix, builtinKnowledge, check, fact } from '../helpers/knowledge';

describe('displayValue', () => {
  it('adds an inferred year in brackets, and only then', () => {
    assert.equal(displayValue(fact('recognition-breakaway-republics').values[0]!), '14 July (2022)');
    assert.equal(displayValue(fact('missile-launches-early-november').values[0]!), 'early November (2022)');
    assert.equal(displayValue(fact('covid-victory-10-august-2022').values[0]!), '10 August 2022');
    assert.equal(displayValue(fact('debt-write-off-2014').values[1]!), '90 per cent');
  });
});

describe('reportBlock, through checkDocument', () => {
  it('reports every contradiction as a warning with a fact id, a source value and at least one fix', () => {
    const text = [
      'On 14 June, Pyongyang recognised the breakaway republics.',
      'North Korea did not recognise the breakaway republics.',
      "In 2014, the Chinese parliament wrote off 90 per cent of North Korea's Soviet-era debt.",
      'In 2018, Kim met Russian President Vladimir Putin.',
    ].join('\n\n');
    const result = check(text);
    const found = result.findings.filter((f) => f.code === 'contradiction');
    assert.equal(found.length, 4);
    for (const f of found) {
      assert.equal(f.code, 'contradiction');
      assert.equal(f.severity, 'warning');
      assert.ok(f.factId && builtinKnowledge().factIndex.has(f.factId));
      assert.ok(f.sourceValue);
      assert.ok(f.fixes.length >= 1);
      for (const fix of f.fixes) {
        assert.ok(fix.title.startsWith('Change to'));
        for (const e of fix.edits) assert.ok(e.start >= f.start && e.end <= f.end, 'fixes edit the finding’s range');
      }
    }
  });

  it('gives each claim the sentence range and its compared values', () => {
    const text = 'Intro. In 2014, the Russian parliament wrote off 80 per cent of North Korea’s Soviet-era debt.';
    const [claim] = check(text).claims;
    assert.equal(text.slice(claim!.start, claim!.end), 'In 2014, the Russian parliament wrote off 80 per cent of North Korea’s Soviet-era debt.');
    assert.deepEqual(claim!.values.map((v) => [text.slice(v.start, v.end), v.verdict]), [['2014', 'supported'], ['80 per cent', 'contradicted']]);
    assert.equal(claim!.verdict, 'contradicted');
  });

  it('marks a matched sentence without values as unchecked', () => {
    const [claim] = check('Pyongyang recognised the breakaway republics in Eastern Ukraine.').claims;
    assert.equal(claim!.factId, 'recognition-breakaway-republics');
    assert.equal(claim!.verdict, 'unchecked');
    assert.deepEqual(claim!.values, []);
  });
});

describe('uncited claims, through checkDocument', () => {
  it('offers to insert a citation before the sentence’s full stop', () => {
    const text = 'In 2019, Kim met Russian President Vladimir Putin.';
    const hint = check(text).findings.find((f) => f.code === 'uncited-claim')!;
    assert.ok(hint, 'a claim without a citation gets a hint');
    assert.equal(hint.severity, 'hint');
    assert.equal(hint.factId, 'kim-putin-meeting-2019');
    assert.equal(applyFix(text, hint.fixes[0]!), 'In 2019, Kim met Russian President Vladimir Putin [@frassineti2022, para. 9].');
    assert.deepEqual(check(applyFix(text, hint.fixes[0]!)).findings, [], 'the cited sentence has no finding left');
  });

  it('inserts the citation after a closing quotation mark, not inside the quotation', () => {
    const text = 'In 2018, Kim outlined a "new strategic line".';
    const hint = check(text).findings.find((f) => f.code === 'uncited-claim')!;
    assert.equal(applyFix(text, hint.fixes[0]!), 'In 2018, Kim outlined a "new strategic line" [@frassineti2022, para. 6].');
  });
});
