/**
 * Snapshot tests: the findings on each fixture draft in test/fixtures/drafts, rendered readably
 * (see test/helpers/snapshot.ts). Run with UPDATE_SNAPSHOTS=1 to create or update them, then
 * review every changed .snap against the article before keeping it.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyFix, check } from '../helpers/knowledge';
import { matchSnapshot, renderFindings } from '../helpers/snapshot';

const DRAFTS = join(__dirname, '..', 'fixtures', 'drafts');
const names = readdirSync(DRAFTS).filter((n) => n.endsWith('.md')).sort();

describe('snapshots of findings on fixture drafts', () => {
  it('has fixture drafts', () => assert.ok(names.length >= 4, names.join(', ')));

  for (const name of names) {
    const text = readFileSync(join(DRAFTS, name), 'utf8');

    it(`${name}: findings match the snapshot`, () => {
      matchSnapshot(name.replace(/\.md$/, ''), renderFindings(text, check(text)));
    });

    it(`${name}: each preferred fix removes its contradiction and adds none`, () => {
      const before = check(text).findings.filter((f) => f.code === 'contradiction');
      for (const finding of before) {
        const fix = finding.fixes[0];
        if (!fix) continue;
        const fixed = applyFix(text, fix);
        const delta = fixed.length - text.length;
        const after = check(fixed).findings.filter((f) => f.code === 'contradiction');
        // Every other finding is still there (shifted past the edit), and nothing new appears.
        const expected = before.filter((f) => f !== finding).map((f) => (f.start >= finding.end ? f.start + delta : f.start));
        assert.deepEqual(after.map((f) => f.start), expected, `after applying "${fix.title}" at ${finding.start}`);
      }
    });
  }
});
