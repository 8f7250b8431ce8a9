import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Actors, findMentions } from '../../server/src/core/match/mentions';
import { sentenceWords } from '../../server/src/core/match/phrases';
import { tokenize } from '../../server/src/core/text/tokens';
import { builtinKnowledge } from '../helpers/knowledge';

function mentions(text: string): Array<[string, string]> {
  const tokens = tokenize(text);
  const words = sentenceWords(tokens, 0, tokens.length);
  return findMentions(builtinKnowledge(), words).map((m) => [m.actor, words.slice(m.start, m.end).map((w) => w.text).join(' ')]);
}

describe('findMentions', () => {
  it('finds countries by name, capital and adjective', () => {
    assert.deepEqual(mentions('Pyongyang and Moscow courted China; the Russian parliament and Japanese firms did not.'), [
      ['north-korea', 'Pyongyang'], ['russia', 'Moscow'], ['china', 'China'], ['russian-parliament', 'Russian parliament'], ['japan', 'Japanese'],
    ]);
  });

  it('prefers the longest alias and never overlaps mentions', () => {
    assert.deepEqual(mentions('Kim Jong-un met Russian President Vladimir Putin.'), [['kim-jong-un', 'Kim Jong un'], ['vladimir-putin', 'Russian President Vladimir Putin']]);
    assert.deepEqual(mentions('North Korea and South Korea'), [['north-korea', 'North Korea'], ['south-korea', 'South Korea']]);
  });

  it('reads possessives and curly apostrophes', () => {
    assert.deepEqual(mentions('Russia’s ties and China\'s support'), [['russia', 'Russia’s'], ['china', "China's"]]);
  });

  it('needs the capital of a proper name', () => {
    assert.deepEqual(mentions('the North said'), [['north-korea', 'the North']]);
    assert.deepEqual(mentions('the north said'), []);
  });

  it('does not read bare Korea as either Korea', () => {
    assert.deepEqual(mentions('Korea was divided.'), []);
  });
});

describe('Actors', () => {
  const actors = Actors.of(builtinKnowledge());

  it('follows part-of chains up to the root', () => {
    assert.deepEqual(actors.chain('russian-parliament'), ['russian-parliament', 'russia']);
    assert.equal(actors.root('kim-jong-un'), 'north-korea');
    assert.equal(actors.root('north-korea'), 'north-korea');
  });

  it('relates an actor to its parts and wholes only', () => {
    assert.equal(actors.related('russian-parliament', 'russia'), true);
    assert.equal(actors.related('russia', 'russian-parliament'), true);
    assert.equal(actors.related('chinese-parliament', 'russia'), false);
    assert.equal(actors.related('kim-jong-un', 'vladimir-putin'), false);
  });

  it('tells countries and their parts from other bodies', () => {
    assert.equal(actors.isCountry('north-korea'), true);
    assert.equal(actors.isCountry('xi-jinping'), true, 'a leader belongs to a country');
  });

  it('looks up mentions by their first word', () => {
    const lookup = actors.lookup([{ actor: 'russia', form: 'name', start: 2, end: 3 }]);
    assert.deepEqual(lookup.startingAt(2).map((m) => m.actor), ['russia']);
    assert.deepEqual(lookup.startingAt(1), []);
    assert.equal(lookup.isActorOrPart('russian-parliament', 'russia'), true);
    assert.equal(lookup.isActorOrPart('russia', 'russian-parliament'), false);
  });
});
