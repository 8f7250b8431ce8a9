/** The snapshot helper itself: carets in UTF-16 columns, fixes shown, and a readable diff. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lineDiff, renderFindings } from '../helpers/snapshot';
import { check } from '../helpers/knowledge';

describe('renderFindings', () => {
  it('places carets by UTF-16 columns after emoji and shows line:col 1-based', () => {
    const text = '# Notes\n\n🎉 On 14 June, Pyongyang recognised the breakaway republics [@frassineti2022, para. 4].\n';
    const out = renderFindings(text, check(text));
    const lines = out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('3:7 contradiction warning recognition-breakaway-republics'));
    assert.ok(head > 0, out);
    assert.equal(lines[head + 1], '  | 🎉 On 14 June, Pyongyang recognised the breakaway republics [@frassineti2022, para. 4].');
    assert.equal(lines[head + 2], `  | ${' '.repeat(6)}^^^^^^^`);
    assert.ok(lines.includes('  fix: 14 July'));
    assert.ok(lines[0]!.startsWith('findings: '));
  });

  it('renders a document without findings as a count of zero', () => {
    assert.equal(renderFindings('Nothing here.', check('Nothing here.')), 'findings: 0 (contradictions: 0)\n');
  });
});

describe('lineDiff', () => {
  it('marks removed and added lines and elides distant unchanged ones', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n');
    const b = ['1', '2', '3', '4', '5', '6', 'seven', '8'].join('\n');
    assert.equal(lineDiff(a, b, 1), ['  …', '  6', '- 7', '+ seven', '  8'].join('\n'));
  });
});
