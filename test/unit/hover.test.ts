import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { claimsAt, escapeMarkdown, formatReference, hoverAt } from '../../server/src/core/hover';
import { builtinKnowledge, check, fact } from '../helpers/knowledge';

describe('escapeMarkdown', () => {
  it('escapes what starts Markdown syntax and leaves prose readable', () => {
    assert.equal(escapeMarkdown('a *b* _c_ `d` [e](f) <g> ~h~ \\'), 'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\~h\\~ \\\\');
    assert.equal(escapeMarkdown('North Korea’s ‘new strategic line’, 90 per cent.'), 'North Korea’s ‘new strategic line’, 90 per cent.');
  });

  it('defuses URLs, entities, control characters and block markers', () => {
    assert.equal(escapeMarkdown('https://x.org'), 'https\\://x.org');
    assert.equal(escapeMarkdown('&amp; &#60;'), '\\&amp; \\&#60;');
    assert.equal(escapeMarkdown('a\u0000b\u0007c'), 'abc');
    assert.equal(escapeMarkdown('# h\n- i\n> q\n1. n'), '\\# h\n\\- i\n\\> q\n1\\. n');
  });
});

describe('hoverAt', () => {
  const knowledge = builtinKnowledge();

  it('shows the verdict, the verbatim quote and the reference at a contradicted value', () => {
    const text = 'On 14 June, Pyongyang recognised the breakaway republics.';
    const result = check(text);
    const hover = hoverAt(knowledge, result, text.indexOf('June'))!;
    assert.ok(hover);
    assert.equal(text.slice(hover.start, hover.end), '14 June');
    assert.match(hover.markdown, /\*\*Contradicted\.\*\* The source gives 14 July \(2022\)/);
    assert.ok(hover.markdown.includes(`> ${escapeMarkdown(fact('recognition-breakaway-republics').quote)}`));
    assert.ok(hover.markdown.includes('para. 4'));
    assert.ok(hover.markdown.includes('`@frassineti2022`'));
  });

  it('covers the sentence for supported claims and returns null outside claims', () => {
    const text = 'Intro sentence. In 2019, Kim met Russian President Vladimir Putin.';
    const result = check(text);
    const hover = hoverAt(knowledge, result, text.indexOf('Putin'))!;
    assert.match(hover.markdown, /\*\*Supported\*\* by the source\./);
    assert.equal(text.slice(hover.start, hover.end), 'In 2019, Kim met Russian President Vladimir Putin.');
    assert.equal(hoverAt(knowledge, result, 2), null);
    assert.deepEqual(claimsAt(result, 2), []);
  });

  it('formats the source reference with surnames', () => {
    assert.equal(formatReference(knowledge.sources.get('frassineti2022')!), 'Frassineti, Howell and Roy, “North Korea Pokes The Polarization Bear – Analysis”, East Asia Forum, 2022');
  });
});
