/**
 * The "update references" edit (server/src/core/references.ts): a references section listing the
 * cited sources (Pandoc style), or the footnote definitions that footnote citations lack.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import type { Knowledge } from '../../server/src/core/match/knowledge';
import { referencesEdit } from '../../server/src/core/references';
import { loadKnowledge } from '../../server/src/node/factFiles';
import { smallFactBase, withBuiltin } from '../helpers/factBases';

const builtin = loadKnowledge({ builtin: true, files: [] }).knowledge;
const REFERENCE = 'Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear – Analysis”, East Asia Forum, 2022';
const ENTRY = `- ${REFERENCE}.`;
const CITED = 'North Korea recognised the republics [@frassineti2022, para. 4].';

const SMALL_BASE = smallFactBase(['url: https://example.org/small']);
const twoSources: Knowledge = withBuiltin(SMALL_BASE);

/** The document after the edit, or null when there is none. */
function updated(text: string, style: 'pandoc' | 'footnote' = 'pandoc', knowledge = builtin, bibliographyKeys?: Set<string>): string | null {
  const result = checkDocument(knowledge, text, undefined, { citationStyle: style, bibliographyKeys });
  const edit = referencesEdit(knowledge, text, result, style);
  return edit && text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('references edit: Pandoc style', () => {
  it('adds a "## References" section at the end, after a blank line', () => {
    assert.equal(updated(`${CITED}\n`), `${CITED}\n\n## References\n\n${ENTRY}\n`);
    assert.equal(updated(CITED), `${CITED}\n\n## References\n\n${ENTRY}\n`);
    assert.equal(updated(`${CITED}\n\n`), `${CITED}\n\n## References\n\n${ENTRY}\n`);
  });

  it('lists every cited source once, whatever the form of citation, sorted, with its URL', () => {
    const text = `${CITED} As @frassineti2022 say, the summit was in March 2023 [@small2023, para. 1].\n\nMore [@frassineti2022].\n`;
    assert.equal(updated(text, 'pandoc', twoSources), `${text}\n## References\n\n- A. Writer, “A small test source”, 2023. <https://example.org/small>\n${ENTRY}\n`);
  });

  it('counts citations made through footnotes', () => {
    const text = 'Recognised.[^1]\n\n[^1]: @frassineti2022, para. 4.\n';
    assert.equal(updated(text), `${text}\n## References\n\n${ENTRY}\n`);
  });

  it('adds missing entries to an existing "## References" section, keeping the writer’s own lines and what follows', () => {
    const text = `${CITED}\n\n## References\n\n- an old entry\n- another\n\n## Appendix\n\nKept as it is.\n`;
    assert.equal(updated(text), `${CITED}\n\n## References\n\n- an old entry\n- another\n${ENTRY}\n\n## Appendix\n\nKept as it is.\n`);
  });

  it('updates the entry of a cited source in place', () => {
    const text = `# Memo\n\n${CITED}\n\n## References\n\n- Frassineti et al., “North Korea Pokes The Polarization Bear – Analysis” (draft)\n- old\n`;
    assert.equal(updated(text), `# Memo\n\n${CITED}\n\n## References\n\n${ENTRY}\n- old\n`);
  });

  it('recognises other names and levels of the section', () => {
    for (const heading of ['# References', '### Sources', '## Bibliography', '## Works Cited', '## references']) {
      const text = `${CITED}\n\n${heading}\n\n- old\n`;
      assert.equal(updated(text), `${CITED}\n\n${heading}\n\n- old\n${ENTRY}\n`, heading);
    }
  });

  it('is idempotent: nothing to do once the section is up to date', () => {
    const once = updated(`${CITED}\n\n## References\n\nold\n\n## Appendix\n\nx\n`)!;
    assert.equal(updated(once), null);
    const appended = updated(`${CITED}\n`)!;
    assert.equal(updated(appended), null);
  });

  it('nothing when nothing is cited, or only unknown or bibliography keys', () => {
    assert.equal(updated('No citations here.\n'), null);
    assert.equal(updated(''), null);
    assert.equal(updated('Text [@smith2020].\n'), null);
    assert.equal(updated('Text [@smith2020].\n', 'pandoc', builtin, new Set(['smith2020'])), null);
  });

  it('a "## References" heading inside a fenced code block is not the section', () => {
    const text = 'Text [@frassineti2022].\n\n```md\n## References\n\nexample\n```\n';
    assert.equal(updated(text), `${text}\n## References\n\n${ENTRY}\n`);
  });

  it('keeps entries of cited bibliography sources that no fact base can write', () => {
    const text = `${CITED} See also [@smith2020].\n\n## References\n\n- Smith, J. (2020). Another paper.\n`;
    const next = updated(text, 'pandoc', builtin, new Set(['smith2020']))!;
    assert.ok(next.includes('- Smith, J. (2020). Another paper.'), next);
  });
});

describe('references edit: footnote style', () => {
  const P4 = `[^frassineti2022-p4]: ${REFERENCE}, para. 4: “On 14 July, Pyongyang recognised Russia-controlled breakaway republics in Eastern Ukraine.”`;
  const P9 = `[^frassineti2022-p9]: ${REFERENCE}, para. 9: “In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt, worth over US$10 billion.”`;

  it('adds only the missing definitions of footnotes named after a source, one per label', () => {
    const text = 'Recognised[^frassineti2022-p4] and written off[^frassineti2022-p9], again[^frassineti2022-p4], and[^frassineti2022] and[^1].\n\n[^1]: Our own notes.\n';
    assert.equal(updated(text, 'footnote'), `${text}\n${P4}\n${P9}\n[^frassineti2022]: ${REFERENCE}.\n`);
  });

  it('leaves defined footnotes alone, and does nothing when none is missing', () => {
    const text = `Recognised.[^frassineti2022-p4] Written off.[^frassineti2022-p9]\n\n${P4}\n`;
    assert.equal(updated(text, 'footnote'), `${text}\n${P9}\n`);
    assert.equal(updated(`Recognised.[^frassineti2022-p4]\n\n${P4}\n`, 'footnote'), null);
    assert.equal(updated('No footnotes.\n', 'footnote'), null);
  });

  it('adds no definition for labels that name no source, nor a references section', () => {
    assert.equal(updated('Text.[^note] and [@frassineti2022, para. 4].\n', 'footnote'), null);
  });

  it('the added definitions are read back as citations of their paragraphs', () => {
    const text = 'Recognised[^frassineti2022-p4] and written off[^frassineti2022-p9].';
    const next = updated(text, 'footnote')!;
    assert.ok(next.startsWith(`${text}\n\n${P4}\n${P9}\n`), next);
    const result = checkDocument(builtin, next, undefined, { citationStyle: 'footnote' });
    const markers = result.citations.filter((c) => c.kind === 'footnote').map((c) => [c.label, c.sources.map((s) => [s.key, s.locator?.from ?? null])]);
    assert.deepEqual(markers, [['frassineti2022-p4', [['frassineti2022', 4]]], ['frassineti2022-p9', [['frassineti2022', 9]]]]);
  });
});
