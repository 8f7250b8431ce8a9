/**
 * Citation markers in prose (server/src/core/citations/syntax.ts): Pandoc citations, in-text keys,
 * footnote references, and the locators inside them. Offsets are checked by the text they cover.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findCitations, parseLocator, type Citation } from '../../server/src/core/citations/syntax';

/** A citation as a test reads it: the text of the marker, of each key and of each locator number. */
function read(text: string, c: Citation) {
  return {
    kind: c.kind,
    marker: text.slice(c.start, c.end),
    ...(c.label !== undefined ? { label: c.label } : {}),
    keys: c.keys.map((k) => ({
      key: k.key,
      at: text.slice(k.start, k.end),
      locator: k.locator && { kind: k.locator.kind, from: k.locator.from, to: k.locator.to, at: text.slice(k.locator.start, k.locator.end) },
    })),
  };
}

function citations(text: string) {
  return findCitations(text).map((c) => read(text, c));
}

describe('findCitations: Pandoc citations', () => {
  it('[@key]: the whole bracket is the marker, the key is its range without the @', () => {
    assert.deepEqual(citations('North Korea recognised them [@frassineti2022].'), [
      { kind: 'pandoc', marker: '[@frassineti2022]', keys: [{ key: 'frassineti2022', at: 'frassineti2022', locator: null }] },
    ]);
  });

  it('[@key, para. 4]: a paragraph locator whose range is the number', () => {
    assert.deepEqual(citations('Text [@frassineti2022, para. 4].'), [
      { kind: 'pandoc', marker: '[@frassineti2022, para. 4]', keys: [{ key: 'frassineti2022', at: 'frassineti2022', locator: { kind: 'paragraph', from: 4, to: 4, at: '4' } }] },
    ]);
  });

  it('[see @a, p. 3; @b]: prefix, page locator, and a second key without locator', () => {
    assert.deepEqual(citations('Text [see @a, p. 3; @b].'), [
      {
        kind: 'pandoc',
        marker: '[see @a, p. 3; @b]',
        keys: [
          { key: 'a', at: 'a', locator: { kind: 'page', from: 3, to: 3, at: '3' } },
          { key: 'b', at: 'b', locator: null },
        ],
      },
    ]);
  });

  it('[@a; @b, para. 2]: each key gets its own locator', () => {
    const [c] = citations('[@a; @b, para. 2]');
    assert.deepEqual(c!.keys.map((k) => [k.key, k.locator?.from ?? null]), [['a', null], ['b', 2]]);
  });

  it('paragraph ranges with an en dash or a hyphen, and the ¶ sign', () => {
    assert.deepEqual(citations('A [@k, paras. 8–10].')[0]!.keys[0]!.locator, { kind: 'paragraph', from: 8, to: 10, at: '8–10' });
    assert.deepEqual(citations('A [@k, paras. 4-5].')[0]!.keys[0]!.locator, { kind: 'paragraph', from: 4, to: 5, at: '4-5' });
    assert.deepEqual(citations('A [@k, ¶ 4].')[0]!.keys[0]!.locator, { kind: 'paragraph', from: 4, to: 4, at: '4' });
    assert.deepEqual(citations('A [@k, ¶¶ 4–6].')[0]!.keys[0]!.locator, { kind: 'paragraph', from: 4, to: 6, at: '4–6' });
    assert.deepEqual(citations('A [@k, para 4].')[0]!.keys[0]!.locator, { kind: 'paragraph', from: 4, to: 4, at: '4' });
  });

  it('suppress-author [-@key] and keys with internal punctuation', () => {
    assert.deepEqual(citations('Text [-@key].').map((c) => c.keys.map((k) => k.key)), [['key']]);
    assert.deepEqual(citations('Text [@Smith_2020:x-y].').map((c) => c.keys.map((k) => k.key)), [['Smith_2020:x-y']]);
  });

  it('a locator that is neither paragraph nor page is no locator', () => {
    assert.equal(citations('Text [@key, chap. 3].')[0]!.keys[0]!.locator, null);
  });

  it('a citation nested in other brackets is still found', () => {
    assert.deepEqual(citations('(as argued elsewhere [see [@frassineti2022, para. 1]])').map((c) => c.marker), ['[@frassineti2022, para. 1]']);
  });
});

describe('findCitations: in-text citations', () => {
  it('@key in running text; a full stop after it is not part of the key', () => {
    assert.deepEqual(citations('As @frassineti2022 argue.'), [{ kind: 'intext', marker: '@frassineti2022', keys: [{ key: 'frassineti2022', at: 'frassineti2022', locator: null }] }]);
    assert.deepEqual(citations('So say @frassineti2022.').map((c) => c.marker), ['@frassineti2022']);
  });

  it('@key [para. 4]: the bracketed locator belongs to the marker', () => {
    assert.deepEqual(citations('@frassineti2022 [para. 4] say so.'), [
      { kind: 'intext', marker: '@frassineti2022 [para. 4]', keys: [{ key: 'frassineti2022', at: 'frassineti2022', locator: { kind: 'paragraph', from: 4, to: 4, at: '4' } }] },
    ]);
  });

  it('@key, para. 4 (as footnotes write it): the locator belongs to the marker', () => {
    assert.deepEqual(citations('@frassineti2022, para. 4.'), [
      { kind: 'intext', marker: '@frassineti2022, para. 4', keys: [{ key: 'frassineti2022', at: 'frassineti2022', locator: { kind: 'paragraph', from: 4, to: 4, at: '4' } }] },
    ]);
  });

  it('e-mail addresses are not citations', () => {
    assert.deepEqual(citations('Write to me@example.com or a.b@c.d today.'), []);
  });

  it('a lone @ or an @ before punctuation is not a citation', () => {
    assert.deepEqual(citations('Meet @ noon, or @-later.'), []);
  });
});

describe('findCitations: footnote references', () => {
  it('[^id] references, including ones that no definition defines', () => {
    assert.deepEqual(citations('Claim.[^1] Another[^frassineti2022-p4] and [^note-2].'), [
      { kind: 'footnote', marker: '[^1]', label: '1', keys: [] },
      { kind: 'footnote', marker: '[^frassineti2022-p4]', label: 'frassineti2022-p4', keys: [] },
      { kind: 'footnote', marker: '[^note-2]', label: 'note-2', keys: [] },
    ]);
  });

  it('a definition ([^1]: …) is not a reference', () => {
    assert.deepEqual(citations('[^1]: Frassineti, Howell and Roy.'), []);
  });

  it('a label with a space is not a footnote reference', () => {
    assert.deepEqual(citations('Text [^a b].'), []);
  });

  it('references the Markdown parser found (masked in the prose) are added, in order of position', () => {
    const text = 'One \uFFFC and [@k] then [^2].';
    const found = findCitations(text, [{ label: '1', start: 4, end: 5 }]);
    assert.deepEqual(found.map((c) => [c.kind, c.label ?? null, c.start]), [['footnote', '1', 4], ['pandoc', null, 10], ['footnote', '2', text.indexOf('[^2]')]]);
  });
});

describe('findCitations: not citations', () => {
  it('links, plain brackets, and text without markers', () => {
    assert.deepEqual(citations('A [link](https://x.org/home) and [plain words] here.'), []);
    assert.deepEqual(citations('The weather was fine today.'), []);
  });

  it('finds a citation after a link', () => {
    assert.deepEqual(citations('See [link](http://x) [@k].').map((c) => c.marker), ['[@k]']);
  });
});

describe('parseLocator', () => {
  const loc = (suffix: string) => {
    const l = parseLocator(suffix, 0, suffix.length);
    return l && { kind: l.kind, from: l.from, to: l.to, at: suffix.slice(l.start, l.end) };
  };

  it('para., paras. with a range, ¶, p., pp.', () => {
    assert.deepEqual(loc('para. 4'), { kind: 'paragraph', from: 4, to: 4, at: '4' });
    assert.deepEqual(loc('paras. 4–5'), { kind: 'paragraph', from: 4, to: 5, at: '4–5' });
    assert.deepEqual(loc('¶ 4'), { kind: 'paragraph', from: 4, to: 4, at: '4' });
    assert.deepEqual(loc('p. 3'), { kind: 'page', from: 3, to: 3, at: '3' });
    assert.deepEqual(loc('pp. 3-4'), { kind: 'page', from: 3, to: 4, at: '3-4' });
    assert.deepEqual(loc('pages 12'), { kind: 'page', from: 12, to: 12, at: '12' });
  });

  it('finds the locator after other suffix text, with offsets into the whole text', () => {
    const text = '[@key, emphasis added, para. 12]';
    const l = parseLocator(text, 5, text.length - 1)!;
    assert.equal(l.kind, 'paragraph');
    assert.equal(text.slice(l.start, l.end), '12');
  });

  it('the first locator wins', () => {
    assert.deepEqual(loc('p. 4, para. 2'), { kind: 'page', from: 4, to: 4, at: '4' });
  });

  it('no locator: other words, or a locator word inside another word', () => {
    assert.equal(loc('chapter 3'), null);
    assert.equal(loc('apara. 3'), null);
    assert.equal(loc('para.'), null);
  });

  it('the spelled-out word: "paragraph 7"', () => {
    assert.deepEqual(loc('paragraph 7'), { kind: 'paragraph', from: 7, to: 7, at: '7' });
    assert.deepEqual(loc('paragraphs 4–5'), { kind: 'paragraph', from: 4, to: 5, at: '4–5' });
  });
});
