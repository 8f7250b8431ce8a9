/**
 * The citation checks (server/src/core/citations/checks.ts) through checkDocument: unknown keys,
 * unsupported citations, wrong locators, uncited claims and misquotes, their ranges, messages and
 * fixes, in Pandoc and in footnote style. Paragraph numbers are those of the built-in fact base
 * (para. 1 "After Russia’s invasion of Ukraine", para. 4 the 14 July recognition, para. 9 the 2014
 * debt write-off, para. 10 the 2019 Xi visit).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkDocument, createChunkCache, type CheckOptions } from '../../server/src/core/check';
import { compileKnowledge, type Knowledge } from '../../server/src/core/match/knowledge';
import type { CheckResult, Finding, TextEdit } from '../../server/src/core/types';
import { loadBuiltinFactBase, loadGazetteer, loadKnowledge } from '../../server/src/node/factFiles';
import { ARTICLE, smallFactBase, withBuiltin } from '../helpers/factBases';

const CITATION_CODES = new Set(['unknown-citation', 'unsupported-citation', 'wrong-locator', 'uncited-claim', 'misquote']);
const REFERENCE = 'Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear – Analysis”, East Asia Forum, 2022';
const RECOGNITION = 'On 14 July, Pyongyang recognised Russia-controlled breakaway republics in Eastern Ukraine';
const RECOGNITION_QUOTE = `${RECOGNITION}.`;
const XI_VISIT = 'In 2019, Xi made a state visit to North Korea';
const DEBT = 'In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt';

const builtin: Knowledge = loadKnowledge({ builtin: true, files: [] }).knowledge;

/** A second source, so that citing the wrong one can be told from citing none. */
const SMALL_BASE = smallFactBase();
const twoSources: Knowledge = withBuiltin(SMALL_BASE);

const URL = 'https://www.eastasiaforum.org/2022/11/18/north-korea-pokes-the-polarization-bear/';
/** The built-in base with a URL on its source (the shipped one has none). */
const withUrl: Knowledge = (() => {
  const base = loadBuiltinFactBase();
  return compileKnowledge([{ ...base, source: { ...base.source, url: URL } }], loadGazetteer(), new Map([['frassineti2022', ARTICLE]]));
})();

interface View {
  code: string;
  severity: string;
  covered: string;
  message: string;
  factId?: string;
  finding: Finding;
}

function check(text: string, options: CheckOptions = {}, knowledge = builtin): CheckResult {
  return checkDocument(knowledge, text, undefined, options);
}

function views(text: string, result: CheckResult): View[] {
  return result.findings.map((f) => ({ code: f.code, severity: f.severity, covered: text.slice(f.start, f.end), message: f.message, factId: f.factId, finding: f }));
}

/** Findings of the citation codes only. */
function cited(text: string, options: CheckOptions = {}, knowledge = builtin): View[] {
  return views(text, check(text, options, knowledge)).filter((v) => CITATION_CODES.has(v.code));
}

function codes(text: string, options: CheckOptions = {}, knowledge = builtin): string[] {
  return cited(text, options, knowledge).map((v) => v.code);
}

/** Applies offset edits as LSP does: by position, edits at the same position in array order. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    assert.ok(e.start >= at, `overlapping edits: ${JSON.stringify(edits)}`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

describe('citations: a correct citation yields nothing', () => {
  it('every fact’s quote, cited with its paragraph, in Pandoc, ¶, in-text and footnote form', () => {
    for (const fact of builtin.facts) {
      const body = fact.quote.replace(/\.$/, '');
      const drafts = [
        `${body} [@frassineti2022, para. ${fact.paragraph}].\n`,
        `${body} [@frassineti2022, ¶ ${fact.paragraph}].\n`,
        `${body} [see @frassineti2022, paras. ${fact.paragraph - 1}–${fact.paragraph + 1}].\n`,
        `${body}.[^1]\n\n[^1]: @frassineti2022, para. ${fact.paragraph}.\n`,
      ];
      for (const text of drafts) {
        const result = check(text);
        assert.ok(result.claims.some((c) => c.factId === fact.id), `${fact.id} is not matched in ${JSON.stringify(text)}`);
        assert.deepEqual(views(text, result).map((v) => `${v.code}: ${v.covered}`), [], `${fact.id}: ${JSON.stringify(text)}`);
      }
    }
  });

  it('every fact’s claim (the fact base’s paraphrase), cited with its paragraph', () => {
    for (const fact of builtin.facts) {
      const text = `${fact.claim.replace(/\.$/, '')} [@frassineti2022, para. ${fact.paragraph}].\n`;
      assert.deepEqual(codes(text), [], `${fact.id}: ${text}`);
    }
  });

  it('in-text citations with a locator: "@key [para. N]" and "As @key, para. N, …"', () => {
    assert.deepEqual(codes(`As @frassineti2022 [para. 10] note, Xi made a state visit to North Korea in 2019.\n`), []);
    assert.deepEqual(codes(`${XI_VISIT}, as @frassineti2022, para. 10, note.\n`), []);
  });

  it('a citation of a bibliography key is known and not checked', () => {
    assert.deepEqual(codes(`${RECOGNITION} [@smith2020, p. 3].\n`, { bibliographyKeys: new Set(['smith2020']) }), []);
    assert.deepEqual(codes('Unemployment rose to 7 per cent in 2031 [@smith2020].\n', { bibliographyKeys: new Set(['smith2020']) }), []);
  });

  it('a cited sentence with nothing checkable in it', () => {
    assert.deepEqual(codes('The rapprochement is transactional [@frassineti2022, para. 1].\n'), []);
  });

  it('a cited sentence that contradicts the source: a contradiction, not a citation finding', () => {
    const text = 'On 14 June, Pyongyang recognised the breakaway republics in Eastern Ukraine [@frassineti2022, para. 4].\n';
    const all = views(text, check(text));
    assert.deepEqual(all.map((v) => [v.code, v.covered]), [['contradiction', '14 June']]);
  });
});

describe('citations: citations after the full stop belong to the sentence they end', () => {
  it('a Pandoc citation after the full stop cites the sentence before it', () => {
    const text = `${RECOGNITION}. [@frassineti2022, para. 4] The weather was fine.\n`;
    assert.deepEqual(codes(text), []);
  });

  it('the next sentence is not cited by it', () => {
    const text = `${RECOGNITION}. [@frassineti2022, para. 4] ${DEBT}.\n`;
    const found = cited(text);
    assert.deepEqual(found.map((v) => [v.code, v.covered]), [['uncited-claim', `${DEBT}.`]]);
  });

  it('a wrong locator after the full stop is checked against the sentence it ends', () => {
    const text = `${XI_VISIT}. [@frassineti2022, para. 9] ${RECOGNITION}.\n`;
    const found = cited(text);
    assert.deepEqual(found.map((v) => [v.code, v.covered]), [['wrong-locator', '9'], ['uncited-claim', `${RECOGNITION}.`]]);
  });

  it('a footnote reference right after the full stop', () => {
    const text = `${RECOGNITION}.[^1] ${DEBT}.[^2]\n\n[^1]: @frassineti2022, para. 4.\n[^2]: @frassineti2022, para. 9.\n`;
    assert.deepEqual(codes(text), []);
  });
});

describe('citations: misquote', () => {
  it('a correct elided quotation is not flagged', () => {
    const text = 'The rapprochement is “a way for North Korea to benefit economically … accelerating the scope and sophistication” of its arsenal [@frassineti2022, para. 1].\n';
    assert.deepEqual(codes(text), []);
  });

  it('correct quotations with other quote marks, [insertions] and […] are not flagged', () => {
    for (const text of [
      'Kim outlined "a \'new strategic line\'" in 2018 [@frassineti2022, para. 6].\n',
      'The authors call it ‘transactional’ [@frassineti2022, para. 1].\n',
      'It is “a way for [Pyongyang] to benefit economically” [@frassineti2022, para. 1].\n',
      '“[I]t is transactional […] a way for North Korea to benefit economically” [@frassineti2022, para. 1].\n',
      'It is “a way for North Korea to benefit\neconomically” [@frassineti2022, para. 1].\n',
    ]) assert.deepEqual(codes(text), [], text);
  });

  it('a changed word: flagged at the quoted words, with the closest passage and a fix that quotes it', () => {
    const quoted = 'a way for North Korea to benefit politically while accelerating the scope and sophistication';
    const text = `It is “${quoted}” of its arsenal [@frassineti2022, para. 1].\n`;
    const found = cited(text);
    assert.equal(found.length, 1, JSON.stringify(found.map((v) => v.code)));
    const [misquote] = found;
    assert.equal(misquote!.code, 'misquote');
    assert.equal(misquote!.severity, 'warning');
    assert.equal(misquote!.covered, quoted, 'the range is the quoted words, without the marks');
    const passage = 'a way for North Korea to benefit economically while accelerating the scope and sophistication';
    assert.equal(misquote!.message, `These words are not in @frassineti2022. The closest passage (frassineti2022, para. 1) reads: “${passage}”.`);
    const [fix] = misquote!.finding.fixes;
    assert.ok(fix, 'a fix when the passage is close');
    assert.equal(fix.title, 'Quote the source’s words (frassineti2022, para. 1)');
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, text.replace(quoted, passage));
    assert.deepEqual(codes(fixed), []);
  });

  it('a negated quotation is flagged, and the fix drops the negation', () => {
    const text = 'It is “a way for North Korea not to benefit economically” [@frassineti2022, para. 1].\n';
    const [misquote] = cited(text);
    assert.equal(misquote?.code, 'misquote');
    assert.equal(misquote!.covered, 'a way for North Korea not to benefit economically');
    assert.match(misquote!.message, /reads: “a way for North Korea to benefit economically”/);
    assert.equal(applyEdits(text, misquote!.finding.fixes[0]!.edits), text.replace(' not', ''));
  });

  it('words far from any passage: flagged without a fix', () => {
    const text = 'He called it “a complete fabrication of intelligence reports” [@frassineti2022].\n';
    const [misquote] = cited(text);
    assert.equal(misquote?.code, 'misquote');
    assert.equal(misquote!.covered, 'a complete fabrication of intelligence reports');
    assert.match(misquote!.message, /^These words are not in @frassineti2022\./);
    assert.deepEqual(misquote!.finding.fixes, []);
  });

  it('a quotation attributed by an author’s surname, without a citation, is checked too', () => {
    const text = 'Frassineti and colleagues call it “a way for North Korea to benefit politically”.\n';
    assert.deepEqual(cited(text).map((v) => [v.code, v.covered]), [['misquote', 'a way for North Korea to benefit politically']]);
    assert.deepEqual(codes('Frassineti and colleagues call it “a way for North Korea to benefit economically”.\n'), []);
  });

  it('a quotation attributed to nobody, or to a source without text, is not checked', () => {
    assert.deepEqual(codes('The minister said “we will win this year” at the summit.\n'), []);
    assert.deepEqual(codes('The minister said “we will win this year” [@smith2020].\n', { bibliographyKeys: new Set(['smith2020']) }), []);
  });

  it('a quotation whose last word is changed gets a fix with the source’s word, not a shortened quotation', () => {
    const text = 'North Korea is “reviving ties with its Cold War enemies” [@frassineti2022, para. 1].\n';
    const [misquote] = cited(text);
    assert.equal(misquote?.finding.fixes[0]?.edits[0]?.newText, 'reviving ties with its Cold War partners');
  });

  it('a quotation in British style (single outside, double inside) is not flagged', () => {
    assert.deepEqual(codes('Roy writes that ‘Keeping Pyongyang “on side” allows Beijing and Moscow’ to oppose the US.\n'), []);
  });

  it('an elided decade is not a quotation', () => {
    assert.deepEqual(codes("Ties have improved since the '90s, the authors' analysis shows [@frassineti2022].\n"), []);
  });

  it('a quotation written twice, and checked again after an edit before it, is judged the same each time', () => {
    const sentence = 'It is “a way for North Korea to benefit politically” [@frassineti2022, para. 1].';
    const text = `${sentence}\n\n${sentence}\n`;
    const cache = createChunkCache();
    const misquotes = (result: CheckResult) => result.findings.filter((f) => f.code === 'misquote');
    const first = misquotes(checkDocument(builtin, text, cache));
    assert.equal(first.length, 2);
    assert.equal(first[0]!.message, first[1]!.message);
    const again = misquotes(checkDocument(builtin, `Indeed. ${text}`, cache));
    assert.deepEqual(again.map((f) => [f.start, f.end, f.message, f.fixes]), first.map((f) => [f.start + 8, f.end + 8, f.message, f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + 8, end: e.end + 8 })) }))]));
  });

  it('after an edit before them, every citation finding and fix is where a fresh check puts it, in both styles', () => {
    const text = [
      'Intro.',
      `${RECOGNITION} [@frassineti2022, para. 9].`,
      `${XI_VISIT}.`,
      'It is “a way for North Korea to benefit politically” [@frassineti2022, para. 1].',
      `${DEBT} [@frasineti2022].`,
      `${RECOGNITION}.[^n]`,
      '[^n]: Frassineti, Howell and Roy, para. 2.',
    ].join('\n\n');
    for (const citationStyle of ['pandoc', 'footnote'] as const) {
      const cache = createChunkCache();
      const first = checkDocument(builtin, `${text}\n`, cache, { citationStyle });
      assert.ok(first.findings.some((f) => f.code === 'wrong-locator') && first.findings.some((f) => f.code === 'uncited-claim'), 'the draft has citation findings');
      const edited = `Intro, longer now.${text.slice('Intro.'.length)}\n`;
      assert.deepEqual(checkDocument(builtin, edited, cache, { citationStyle }), checkDocument(builtin, edited, undefined, { citationStyle }), citationStyle);
    }
  });

  it('a source title quoted in a reference is not checked as a quotation of the text', () => {
    const text = `${DEBT}.[^a]\n\n[^a]: Frassineti, Howell and Roy, “North Korea Pokes the Polarization Bear”, East Asia Forum, 2022, para. 9.\n`;
    assert.deepEqual(codes(text), []);
  });
});

describe('citations: unknown-citation', () => {
  it('a near miss: flagged at the key, with a did-you-mean fix', () => {
    const text = `${RECOGNITION} [@frasineti2022, para. 4].\n`;
    const found = cited(text);
    assert.equal(found.length, 1, JSON.stringify(found.map((v) => v.code)));
    const [unknown] = found;
    assert.equal(unknown!.code, 'unknown-citation');
    assert.equal(unknown!.severity, 'warning');
    assert.equal(unknown!.covered, 'frasineti2022', 'the range is the key, without @');
    assert.equal(unknown!.message, 'Unknown citation key “@frasineti2022”: no loaded fact base or bibliography defines it. Did you mean @frassineti2022?');
    assert.equal(unknown!.finding.fixes.length, 1);
    assert.equal(unknown!.finding.fixes[0]!.title, 'Change to @frassineti2022');
    const fixed = applyEdits(text, unknown!.finding.fixes[0]!.edits);
    assert.equal(fixed, `${RECOGNITION} [@frassineti2022, para. 4].\n`);
    assert.deepEqual(codes(fixed), []);
  });

  it('a far key: flagged at the key, without a suggestion or a fix', () => {
    const text = `${RECOGNITION} [@smith1999, para. 4].\n`;
    const [unknown] = cited(text);
    assert.equal(unknown?.code, 'unknown-citation');
    assert.equal(unknown!.covered, 'smith1999');
    assert.doesNotMatch(unknown!.message, /Did you mean/);
    assert.deepEqual(unknown!.finding.fixes, []);
  });

  it('in-text keys, and one unknown key among known ones: only that key', () => {
    const intext = 'As @frassineti2020 note, the rapprochement is transactional.\n';
    const [a] = cited(intext);
    assert.deepEqual([a?.code, a?.covered, a?.finding.fixes[0]?.edits[0]?.newText], ['unknown-citation', 'frassineti2020', 'frassineti2022']);
    const several = `${XI_VISIT} [see @frassineti2022, para. 10; @kim2019, p. 4].\n`;
    assert.deepEqual(cited(several).map((v) => [v.code, v.covered]), [['unknown-citation', 'kim2019']]);
  });

  it('bibliography keys are known, and are suggested for near misses', () => {
    const keys = new Set(['smith1999']);
    assert.deepEqual(codes(`${RECOGNITION} [@smith1999, para. 4].\n`, { bibliographyKeys: keys }), []);
    const [near] = cited(`${RECOGNITION} [@smith199].\n`, { bibliographyKeys: keys });
    assert.equal(near?.code, 'unknown-citation');
    assert.match(near!.message, /Did you mean @smith1999\?/);
    assert.equal(near!.finding.fixes[0]!.edits[0]!.newText, 'smith1999');
  });

  it('a key in a footnote definition is checked where it is written', () => {
    const text = `${RECOGNITION}.[^1]\n\n[^1]: @frasineti2022, para. 4.\n`;
    const found = cited(text).filter((v) => v.code === 'unknown-citation');
    assert.ok(found.length >= 1);
    assert.equal(found[0]!.covered, 'frasineti2022');
    assert.equal(found[0]!.finding.start, text.lastIndexOf('frasineti2022'));
    assert.deepEqual(codes(text, { bibliographyKeys: new Set(['frasineti2022']) }), []);
  });

  it('a key in a footnote definition is reported once', () => {
    const text = `${XI_VISIT} [@frassineti2022, para. 10].\n\n[^1]: @smith2020, p. 3.\n`;
    assert.equal(cited(text).filter((v) => v.code === 'unknown-citation').length, 1);
  });

  it('an @ inside a bare URL is not a citation', () => {
    assert.deepEqual(codes('See https://medium.com/@analyst/north-korea for more.\n'), []);
  });

  it('e-mail addresses, link destinations and code are not citations', () => {
    assert.deepEqual(codes('Write to press@eastasiaforum.org or <me@example.com>.\n'), []);
    assert.deepEqual(codes('See [the post](https://medium.com/@analyst/north-korea) and `npm i @types/node`.\n'), []);
  });
});

describe('citations: unsupported-citation', () => {
  it('a cited sentence with figures that no fact of the cited source gives', () => {
    const text = 'Unemployment rose to 7 per cent in 2031 [@frassineti2022].\n';
    const found = cited(text);
    assert.equal(found.length, 1, JSON.stringify(found.map((v) => v.code)));
    const [unsupported] = found;
    assert.equal(unsupported!.code, 'unsupported-citation');
    assert.equal(unsupported!.severity, 'warning');
    assert.equal(unsupported!.covered, '[@frassineti2022]', 'the range is the citation marker');
    assert.equal(unsupported!.message, '@frassineti2022 does not state this: none of its facts gives “7 per cent”, “2031” for what this sentence says.');
    assert.deepEqual(unsupported!.finding.fixes, []);
  });

  it('through a footnote and through an in-text citation', () => {
    const footnote = 'Unemployment rose to 7 per cent in 2031.[^1]\n\n[^1]: @frassineti2022, para. 4.\n';
    assert.deepEqual(cited(footnote).map((v) => [v.code, v.covered]), [['unsupported-citation', '[^1]']]);
    const intext = 'As @frassineti2022 report, unemployment rose to 7 per cent in 2031.\n';
    assert.deepEqual(cited(intext).map((v) => [v.code, v.covered]), [['unsupported-citation', '@frassineti2022']]);
  });

  it('citing the wrong source for a fact of another', () => {
    const text = `${RECOGNITION} [@small2023, para. 1].\n`;
    const found = cited(text, {}, twoSources);
    assert.deepEqual(found.map((v) => [v.code, v.covered]), [['unsupported-citation', '[@small2023, para. 1]']]);
    assert.match(found[0]!.message, /^@small2023 does not state this: none of its facts gives “14 July”/);
  });
});

describe('citations: wrong-locator', () => {
  it('the right source, the wrong paragraph: information on the locator, with a fix to the right one', () => {
    const text = `${XI_VISIT} [@frassineti2022, para. 9].\n`;
    const found = cited(text);
    assert.equal(found.length, 1, JSON.stringify(found.map((v) => v.code)));
    const [wrong] = found;
    assert.equal(wrong!.code, 'wrong-locator');
    assert.equal(wrong!.severity, 'information');
    assert.equal(wrong!.covered, '9');
    assert.equal(wrong!.factId, 'xi-state-visit-2019');
    assert.equal(wrong!.message, '@frassineti2022 makes this claim in para. 10, not para. 9.');
    assert.equal(wrong!.finding.fixes[0]!.title, 'Change the locator to para. 10');
    const fixed = applyEdits(text, wrong!.finding.fixes[0]!.edits);
    assert.equal(fixed, `${XI_VISIT} [@frassineti2022, para. 10].\n`);
    assert.deepEqual(codes(fixed), []);
  });

  it('a range covering the paragraph is right; a range missing it is replaced whole', () => {
    assert.deepEqual(codes(`${XI_VISIT} [@frassineti2022, paras. 8–10].\n`), []);
    const text = `${XI_VISIT} [@frassineti2022, paras. 8–9].\n`;
    const [wrong] = cited(text);
    assert.equal(wrong?.code, 'wrong-locator');
    assert.equal(wrong!.covered, '8–9');
    assert.equal(wrong!.message, '@frassineti2022 makes this claim in para. 10, not para. 8–9.');
    assert.equal(applyEdits(text, wrong!.finding.fixes[0]!.edits), `${XI_VISIT} [@frassineti2022, paras. 10].\n`);
  });

  it('in-text and footnote locators', () => {
    const intext = 'As @frassineti2022 [para. 9] note, Xi made a state visit to North Korea in 2019.\n';
    assert.deepEqual(cited(intext).map((v) => [v.code, v.covered, v.finding.start]), [['wrong-locator', '9', intext.indexOf('9]')]]);
    const footnote = `${XI_VISIT}.[^x]\n\n[^x]: @frassineti2022, para. 9.\n`;
    const [wrong] = cited(footnote);
    assert.deepEqual([wrong?.code, wrong?.covered, wrong?.finding.start], ['wrong-locator', '9', footnote.lastIndexOf('9')]);
    assert.deepEqual(codes(applyEdits(footnote, wrong!.finding.fixes[0]!.edits)), []);
  });

  it('page locators and citations without a locator are not checked for the paragraph', () => {
    assert.deepEqual(codes(`${XI_VISIT} [@frassineti2022, p. 3].\n`), []);
    assert.deepEqual(codes(`${XI_VISIT} [@frassineti2022].\n`), []);
  });
});

describe('citations: uncited-claim', () => {
  it('a sentence stating a fact and citing nothing: a hint on the sentence, with a fix inserting the citation before the full stop', () => {
    const text = `Intro.\n\n${RECOGNITION_QUOTE}\n`;
    const found = cited(text);
    assert.equal(found.length, 1, JSON.stringify(found.map((v) => v.code)));
    const [uncited] = found;
    assert.equal(uncited!.code, 'uncited-claim');
    assert.equal(uncited!.severity, 'hint');
    assert.equal(uncited!.covered, RECOGNITION_QUOTE);
    assert.equal(uncited!.factId, 'recognition-breakaway-republics');
    assert.equal(uncited!.message, `This claim is in ${REFERENCE}, para. 4, but the sentence cites nothing.`);
    const [fix] = uncited!.finding.fixes;
    assert.equal(fix!.title, 'Cite [@frassineti2022, para. 4]');
    const fixed = applyEdits(text, fix!.edits);
    assert.equal(fixed, `Intro.\n\n${RECOGNITION} [@frassineti2022, para. 4].\n`);
    assert.deepEqual(codes(fixed), []);
  });

  it('a sentence contradicting a fact gets the hint too, beside the contradiction', () => {
    const text = 'On 14 June, Pyongyang recognised the breakaway republics in Eastern Ukraine.\n';
    assert.deepEqual(views(text, check(text)).map((v) => v.code).sort(), ['contradiction', 'uncited-claim']);
  });

  it('the fix cites the paragraph of the fact, for every fact', () => {
    for (const fact of builtin.facts) {
      const text = `${fact.quote}\n`;
      const uncited = cited(text).filter((v) => v.code === 'uncited-claim');
      if (!uncited.length) continue; // a few quotes need context to be matched at all
      assert.equal(uncited.length, 1, fact.id);
      const fixed = applyEdits(text, uncited[0]!.finding.fixes[0]!.edits);
      assert.ok(fixed.includes(` [@frassineti2022, para. ${fact.paragraph}]`), `${fact.id}: ${fixed}`);
      assert.deepEqual(codes(fixed), [], `${fact.id}: ${fixed}`);
    }
  });

  it('sentences ending with "!" or without punctuation', () => {
    const bang = `${RECOGNITION}! The weather was fine.\n`;
    assert.equal(applyEdits(bang, cited(bang)[0]!.finding.fixes[0]!.edits), `${RECOGNITION} [@frassineti2022, para. 4]! The weather was fine.\n`);
    const bare = `${RECOGNITION}\n`;
    assert.equal(applyEdits(bare, cited(bare)[0]!.finding.fixes[0]!.edits), `${RECOGNITION} [@frassineti2022, para. 4]\n`);
  });

  it('list items, block quotes and table cells', () => {
    for (const text of [`- ${RECOGNITION_QUOTE}\n`, `> ${RECOGNITION_QUOTE}\n`, `| Event |\n|---|\n| ${RECOGNITION_QUOTE} |\n`]) {
      const [uncited] = cited(text);
      assert.equal(uncited?.code, 'uncited-claim', text);
      assert.equal(uncited!.covered, RECOGNITION_QUOTE, text);
    }
  });

  it('not for sentences unrelated to the fact base', () => {
    assert.deepEqual(codes('The weather was fine today. Talks in Geneva resumed on 3 March 2021 with 12 delegations.\n'), []);
  });

  it('not for code, HTML comments or sentences that cite something', () => {
    for (const text of [
      `\`${RECOGNITION_QUOTE}\`\n`,
      `\`\`\`\n${RECOGNITION_QUOTE}\n\`\`\`\n`,
      `    ${RECOGNITION_QUOTE}\n`,
      `<!-- ${RECOGNITION_QUOTE} -->\n`,
      `${RECOGNITION} [@smith2020].\n`,
      `${RECOGNITION}.[^1]\n\n[^1]: Our own notes.\n`,
    ]) assert.deepEqual(codes(text, { bibliographyKeys: new Set(['smith2020']) }), [], text);
  });

  it('the Pandoc fix goes after a closing quotation mark, not inside the quotation', () => {
    const text = `The authors write: “${RECOGNITION_QUOTE}”\n`;
    const [uncited] = cited(text).filter((v) => v.code === 'uncited-claim');
    const fixed = applyEdits(text, uncited!.finding.fixes[0]!.edits);
    assert.ok(fixed.includes(`${RECOGNITION_QUOTE}”`), fixed);
  });

  it('the Pandoc fix goes after a closing parenthesis, not inside it', () => {
    const text = `${RECOGNITION} (see below).\n`;
    assert.equal(applyEdits(text, cited(text)[0]!.finding.fixes[0]!.edits), `${RECOGNITION} (see below) [@frassineti2022, para. 4].\n`);
  });
});

describe('citations: uncited-claim in footnote style', () => {
  const footnote: CheckOptions = { citationStyle: 'footnote' };
  const DEFINITION = `[^frassineti2022-p4]: ${REFERENCE}, para. 4: “${RECOGNITION_QUOTE}”`;

  it('the fix puts a footnote reference after the sentence and appends its definition', () => {
    const text = `Intro.\n\n${RECOGNITION_QUOTE}\n\nThe weather was fine.\n`;
    const [uncited] = cited(text, footnote);
    assert.equal(uncited?.code, 'uncited-claim');
    const [fix] = uncited!.finding.fixes;
    assert.equal(fix!.title, 'Cite frassineti2022, para. 4 in a footnote');
    assert.equal(fix!.edits.length, 2);
    assert.equal(applyEdits(text, fix!.edits), `Intro.\n\n${RECOGNITION_QUOTE}[^frassineti2022-p4]\n\nThe weather was fine.\n\n${DEFINITION}\n`);
  });

  it('a document without a final line break gets a blank line before the definition', () => {
    const text = `${RECOGNITION_QUOTE}`;
    const [uncited] = cited(text, footnote);
    assert.equal(applyEdits(text, uncited!.finding.fixes[0]!.edits), `${RECOGNITION_QUOTE}[^frassineti2022-p4]\n\n${DEFINITION}\n`);
  });

  it('two sentences needing the same footnote: ONE definition, even when both fixes are applied', () => {
    const second = 'On 12 October, North Korea was among the four countries that voted against the UN General Assembly resolution.';
    const text = `${RECOGNITION_QUOTE}\n\n${second}\n`;
    const uncited = cited(text, footnote).filter((v) => v.code === 'uncited-claim');
    assert.equal(uncited.length, 2);
    assert.deepEqual(uncited.map((v) => v.finding.fixes[0]!.edits[0]!.newText), ['[^frassineti2022-p4]', '[^frassineti2022-p4]']);
    const all = uncited.flatMap((v) => v.finding.fixes[0]!.edits);
    const fixed = applyEdits(text, all);
    assert.equal(fixed.split('[^frassineti2022-p4]:').length - 1, 1, fixed);
    assert.equal(fixed.split('[^frassineti2022-p4]').length - 1, 3, 'two references and one definition');
    assert.ok(fixed.startsWith(`${RECOGNITION_QUOTE}[^frassineti2022-p4]\n\n${second}[^frassineti2022-p4]\n`), fixed);
  });

  it('sentences of different paragraphs get a definition each', () => {
    const text = `${RECOGNITION_QUOTE}\n\n${DEBT}.\n`;
    const uncited = cited(text, footnote).filter((v) => v.code === 'uncited-claim');
    const fixed = applyEdits(text, uncited.flatMap((v) => v.finding.fixes[0]!.edits));
    assert.ok(fixed.includes('\n[^frassineti2022-p4]: '), fixed);
    assert.ok(fixed.includes('\n[^frassineti2022-p9]: '), fixed);
  });

  it('a definition already in the document is not added again', () => {
    const text = `${RECOGNITION_QUOTE}\n\n${DEFINITION}\n`;
    const uncited = cited(text, footnote).filter((v) => v.code === 'uncited-claim' && v.covered === RECOGNITION_QUOTE);
    assert.equal(uncited.length, 1);
    assert.deepEqual(uncited[0]!.finding.fixes[0]!.edits.map((e) => e.newText), ['[^frassineti2022-p4]']);
  });

  it('after the fix, the sentence cites the source through the definition', () => {
    const text = `${RECOGNITION_QUOTE}\n`;
    const fixed = applyEdits(text, cited(text, footnote)[0]!.finding.fixes[0]!.edits);
    const result = check(fixed, footnote);
    const marker = result.citations.find((c) => c.kind === 'footnote');
    assert.ok(marker, JSON.stringify(result.citations));
    assert.equal(marker.label, 'frassineti2022-p4');
    assert.deepEqual(marker.sources.map((s) => [s.key, s.locator?.from]), [['frassineti2022', 4]]);
    assert.ok(!views(fixed, result).some((v) => v.code === 'uncited-claim' && v.finding.start < text.length), 'the sentence itself is cited');
    assert.ok(!views(fixed, result).some((v) => v.code !== 'uncited-claim' && CITATION_CODES.has(v.code)));
  });

  it('after the fix, the inserted definition is not itself an uncited claim', () => {
    const text = `${RECOGNITION_QUOTE}\n`;
    const fixed = applyEdits(text, cited(text, footnote)[0]!.finding.fixes[0]!.edits);
    assert.deepEqual(codes(fixed, footnote), []);
  });
});

describe('citations: footnotes', () => {
  const XI_CITED = (definition: string) => `${XI_VISIT}.[^1]\n\n[^1]: ${definition}\n`;

  function sourcesOf(text: string, knowledge = builtin) {
    const result = check(text, {}, knowledge);
    return result.citations.filter((c) => c.kind === 'footnote').map((c) => ({ label: c.label, sources: c.sources.map((s) => [s.key, s.locator?.from ?? null]) }));
  }

  it('a definition citing @key, with its locator', () => {
    assert.deepEqual(sourcesOf(XI_CITED('See @frassineti2022, para. 10.')), [{ label: '1', sources: [['frassineti2022', 10]] }]);
    assert.deepEqual(sourcesOf(XI_CITED('See [@frassineti2022, para. 10].')), [{ label: '1', sources: [['frassineti2022', 10]] }]);
  });

  it('a definition naming the title, with or without its subtitle', () => {
    assert.deepEqual(sourcesOf(XI_CITED(`${REFERENCE}, para. 10.`)), [{ label: '1', sources: [['frassineti2022', 10]] }]);
    assert.deepEqual(sourcesOf(XI_CITED('East Asia Forum, “North Korea Pokes The Polarization Bear”, para. 10.')), [{ label: '1', sources: [['frassineti2022', 10]] }]);
    assert.deepEqual(codes(XI_CITED(`${REFERENCE}, para. 10.`)), []);
  });

  it('a definition giving the URL', () => {
    const text = XI_CITED(`${URL}, para. 10.`);
    assert.deepEqual(sourcesOf(text, withUrl), [{ label: '1', sources: [['frassineti2022', 10]] }]);
    assert.deepEqual(codes(text, {}, withUrl), []);
    const wrong = XI_CITED(`${URL}, para. 9.`);
    assert.deepEqual(cited(wrong, {}, withUrl).map((v) => [v.code, v.covered]), [['wrong-locator', '9']]);
    // Without the URL in the knowledge, the same definition names no source.
    assert.deepEqual(sourcesOf(text), [{ label: '1', sources: [] }]);
  });

  it('a definition naming no known source cites nothing checkable', () => {
    const text = XI_CITED('Interview with a diplomat, Seoul, 2021.');
    assert.deepEqual(sourcesOf(text), [{ label: '1', sources: [] }]);
    assert.deepEqual(codes(text), []);
  });

  it('undefined footnote references named after a key cite that source', () => {
    assert.deepEqual(sourcesOf(`${XI_VISIT}.[^frassineti2022-p10]\n`), [{ label: 'frassineti2022-p10', sources: [['frassineti2022', null]] }]);
    assert.deepEqual(sourcesOf(`${XI_VISIT}.[^frassineti2022]\n`), [{ label: 'frassineti2022', sources: [['frassineti2022', null]] }]);
    assert.deepEqual(codes(`${XI_VISIT}.[^frassineti2022-p10]\n`), []);
    // Other labels name nothing, and are not unknown citation keys.
    assert.deepEqual(sourcesOf(`${XI_VISIT}.[^frasineti2022-p10]\n`), [{ label: 'frasineti2022-p10', sources: [] }]);
    assert.deepEqual(codes(`${XI_VISIT}.[^frasineti2022-p10]\n`), []);
  });

  it('an undefined footnote reference named after a key has no locator, so an unrelated figure is unsupported', () => {
    const text = 'Unemployment rose to 7 per cent in 2031.[^frassineti2022-p4]\n';
    assert.deepEqual(cited(text).map((v) => [v.code, v.covered]), [['unsupported-citation', '[^frassineti2022-p4]']]);
  });
});
