import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findCitations } from '../../server/src/core/citations/syntax';
import { maskCitations } from '../../server/src/core/match/citations';
import { compilePhrase, compileTokenized, matchElements, matchesAnywhere, PhraseIndex, sentenceWords, type MentionLookup, type Word } from '../../server/src/core/match/phrases';
import { loadBuiltinFactBase, loadGazetteer } from '../../server/src/node/factFiles';
import { RUNS } from '../helpers/property';
import { OPAQUE_CHAR, tokenize } from '../../server/src/core/text/tokens';

function words(text: string): Word[] {
  const tokens = tokenize(text);
  return sentenceWords(tokens, 0, tokens.length);
}

const NONE: MentionLookup = { startingAt: () => [], isActorOrPart: () => false };

/** Where a phrase matches in a text, as the matched words. */
function matches(phrase: string, text: string, proper = false): string[] {
  const elements = compilePhrase(phrase, proper);
  const ws = words(text);
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const end = matchElements(elements, 0, ws, i, NONE);
    if (end > i) out.push(ws.slice(i, end).map((w) => w.text).join(' '));
  }
  return out;
}

describe('compilePhrase', () => {
  it('reads a plain phrase as the tokenizer does: every built-in alias, term, noun and cue', () => {
    const aliases = loadGazetteer().flatMap((actor) => actor.aliases.map((alias) => alias.text));
    const base = loadBuiltinFactBase();
    const terms = base.facts.flatMap((fact) => [...fact.event.terms.flat(), ...fact.event.context, ...fact.event.exclude, ...fact.event.trigger, ...fact.values.flatMap((v) => [...v.nouns, ...v.cues])]);
    const phrases = [...aliases, ...base.actors.flatMap((actor) => actor.aliases.map((alias) => alias.text)), ...terms];
    assert.ok(phrases.length > 1000);
    for (const phrase of phrases) {
      for (const proper of [true, false]) assert.deepEqual(compilePhrase(phrase, proper), compileTokenized(phrase, proper), `${phrase} (${proper ? 'proper' : 'term'})`);
    }
  });

  it('reads any phrase of ASCII words as the tokenizer does', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (words, proper) => {
      const phrase = words.join(' ');
      assert.deepEqual(compilePhrase(phrase, proper), compileTokenized(phrase, proper));
    }), { numRuns: RUNS });
  });
});

describe('sentenceWords', () => {
  it('keeps words, numbers and opaque tokens, and drops punctuation', () => {
    const ws = words(`Kim’s 2019 visit, ${OPAQUE_CHAR} and $5.`);
    assert.deepEqual(ws.map((w) => w.norm), ['kim', '2019', 'visit', '\ufffc', 'and', '5']);
    assert.deepEqual(ws.map((w) => w.index), [0, 1, 2, 4, 5, 7]);
  });

  it('gives a citation marker\'s tokens as opaque words that match no pattern', () => {
    const text = 'Turnout rose [@UN2020] in May.';
    const tokens = tokenize(text);
    maskCitations(tokens, findCitations(text));
    const ws = sentenceWords(tokens, 0, tokens.length);
    assert.deepEqual(ws.map((w) => w.norm), ['turnout', 'rose', '\ufffc', '\ufffc', '\ufffc', '\ufffc', '\ufffc', 'in', 'may']);
    assert.ok(ws.every((w) => tokens[w.index] === w), 'each word is its own token');
    assert.ok(!ws.some((w) => w.norm === OPAQUE_CHAR && w.capitalized), 'a masked word is not capitalized');
  });
});

describe('compilePhrase', () => {
  it('compiles words, prefixes, actor references and gaps', () => {
    assert.deepEqual(compilePhrase('wrote off', false), [
      { kind: 'word', norm: 'wrote', capitalized: false, exact: null },
      { kind: 'word', norm: 'off', capitalized: false, exact: null },
    ]);
    assert.deepEqual(compilePhrase('recognis*', false), [{ kind: 'prefix', stem: 'recognis' }]);
    assert.deepEqual(compilePhrase('visit* ... {north-korea}', false), [{ kind: 'prefix', stem: 'visit' }, { kind: 'gap', max: 3 }, { kind: 'actor', actor: 'north-korea' }]);
    assert.deepEqual(compilePhrase('… a …', false), [{ kind: 'word', norm: 'a', capitalized: false, exact: null }], 'no leading or trailing gap');
  });

  it('keeps capitals significant for proper names, and the spelling of acronyms', () => {
    assert.deepEqual(compilePhrase('WPK', true), [{ kind: 'word', norm: 'wpk', capitalized: true, exact: 'WPK' }]);
    assert.equal((compilePhrase('the North', true)[1] as { capitalized: boolean }).capitalized, true);
  });
});

describe('matchElements', () => {
  it('matches words case-insensitively, with folded apostrophes and possessives', () => {
    assert.deepEqual(matches('wrote off', 'The Duma Wrote Off the debt.'), ['Wrote Off']);
    assert.deepEqual(matches("Workers' Party", 'the Workers’ Party met'), ['Workers Party']);
    assert.deepEqual(matches('Russia', "Russia's parliament"), ["Russia's"]);
  });

  it('matches prefixes against the start of a word', () => {
    assert.deepEqual(matches('recognis*', 'It recognised and recognises recognition.'), ['recognised', 'recognises']);
  });

  it('lets a gap skip up to three words', () => {
    assert.deepEqual(matches('visit* ... Pyongyang', 'a visit to Pyongyang'), ['visit to Pyongyang']);
    assert.deepEqual(matches('visit* ... Pyongyang', 'a visit to the capital Pyongyang'), ['visit to the capital Pyongyang']);
    assert.deepEqual(matches('visit* ... Pyongyang', 'a visit to the old capital city Pyongyang'), []);
  });

  it('requires the capital of a proper name, and the exact spelling of an acronym', () => {
    assert.deepEqual(matches('the North', 'the North said', true), ['the North']);
    assert.deepEqual(matches('the North', 'the north said', true), []);
    assert.deepEqual(matches('NPC', 'the NPC met', true), ['NPC']);
    assert.deepEqual(matches('NPC', 'an npc met', true), []);
    assert.deepEqual(matches('NPC', "the NPC's session", true), ["NPC's"]);
  });

  it('matches actor elements through the mentions it is given', () => {
    const elements = compilePhrase('visit* ... {north-korea}', false);
    const ws = words('a visit to North Korea');
    const lookup: MentionLookup = {
      startingAt: (w) => (w === 3 ? [{ actor: 'north-korea', end: 5 }] : []),
      isActorOrPart: (actor, of) => actor === of,
    };
    assert.equal(matchElements(elements, 0, ws, 1, lookup), 5);
    assert.equal(matchElements(elements, 0, ws, 1, NONE), -1);
  });
});

describe('matchesAnywhere', () => {
  it('finds a pattern inside a word range only', () => {
    const patterns = [compilePhrase('nuclear test*', false)];
    const ws = words('a nuclear test in 2017 and more');
    assert.equal(matchesAnywhere(patterns, ws), true);
    assert.equal(matchesAnywhere(patterns, ws, 3), false);
  });
});

describe('PhraseIndex', () => {
  it('finds every pattern at every word, by first word and by stem', () => {
    const index = new PhraseIndex<string>();
    for (const p of ['wrote off', 'debt*', 'Soviet-era debt', 'forgive*']) index.add({ elements: compilePhrase(p, false), payload: p, source: p });
    const found: Array<[string, number, number]> = [];
    // Russia0 wrote1 off2 the3 Soviet4 era5 debt6 and7 forgives8 more9 debts10
    index.findAll(words('Russia wrote off the Soviet-era debt and forgives more debts.'), undefined, (pattern, start, end) => found.push([pattern.payload, start, end]));
    assert.deepEqual(found.sort(), [['Soviet-era debt', 4, 7], ['debt*', 6, 7], ['debt*', 10, 11], ['forgive*', 8, 9], ['wrote off', 1, 3]].sort());
  });

  it('gives the longest match at a word', () => {
    const index = new PhraseIndex<string>();
    for (const p of ['Kim', 'Kim Jong-un', 'Kim Jong Un']) index.add({ elements: compilePhrase(p, true), payload: p, source: p });
    const ws = words('Kim Jong Un met Kim');
    const longest = index.longestAt(ws, 0)!;
    assert.equal(longest.end, 3);
    assert.ok(['Kim Jong Un', 'Kim Jong-un'].includes(longest.pattern.payload), 'hyphen and space spellings compile alike');
    assert.equal(index.longestAt(ws, 4)!.pattern.payload, 'Kim');
    assert.equal(index.longestAt(ws, 3), null);
  });

  it('rules out a word by its shape only when no pattern can start with it', () => {
    const phrases = ['a*', 'x', 'un', 'sanction*', 'de-escalat*', 'Côte d’Ivoire', '2397', 'internationalisation of the conflict', 'ab*'];
    const index = new PhraseIndex<string>();
    for (const p of phrases) index.add({ elements: compilePhrase(p, false), payload: p, source: p });
    const mayStartNaively = (norm: string) => phrases.some((p) => matchesAnywhere([compilePhrase(p, false).slice(0, 1)], words(norm)));
    const probes = ['a', 'abc', 'and', 'x', 'xy', 'un', 'u', 'unx', 'sanction', 'sanctions', 'sanctio', 'de', 'côte', 'cote', '2397', '239', '23970',
      'internationalisation', 'internationalisations', 'internationalisatio', 'b', 'ab', 'zz', 'é', '\u{1d400}\u{1d401}'];
    for (const probe of probes) assert.equal(index.mayStart(probe), mayStartNaively(probe), probe);
  });

  it('tells patterns that share a first word apart by the next word, at the end of a sentence too', () => {
    const index = new PhraseIndex<string>();
    for (const p of ['the Gambia', 'the Netherlands', 'the … Bahamas', 'the']) index.add({ elements: compilePhrase(p, true), payload: p, source: p });
    const found = (text: string) => {
      const out: string[] = [];
      index.findAll(words(text), undefined, (pattern, start, end) => out.push(`${pattern.payload}@${start}-${end}`));
      return out.sort();
    };
    assert.deepEqual(found('the Netherlands and the Gambia'), ['the Gambia@3-5', 'the Netherlands@0-2', 'the@0-1', 'the@3-4']);
    assert.deepEqual(found('the lovely Bahamas, the'), ['the … Bahamas@0-3', 'the@0-1', 'the@3-4']);
    assert.equal(index.longestAt(words('visit the Netherlands'), 1)!.pattern.payload, 'the Netherlands');
    assert.equal(index.longestAt(words('visit the'), 1)!.pattern.payload, 'the');
  });

  it('ignores empty patterns', () => {
    const index = new PhraseIndex<string>();
    index.add({ elements: compilePhrase('…', false), payload: 'gap', source: '…' });
    let calls = 0;
    index.findAll(words('anything at all'), undefined, () => calls++);
    assert.equal(calls, 0);
  });
});
