import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CELL_SEPARATOR, OPAQUE_CHAR, TokenKind, normalizeWord, tokenize, wordToken, type Token } from '../../server/src/core/text/tokens';

const kinds = ['Word', 'Number', 'Punct', 'Symbol', 'Opaque'];
const texts = (s: string) => tokenize(s).map((t) => t.text);
const brief = (t: Token) => `${kinds[t.kind]}:${t.text}`;

/** Every token's text is exactly its source slice. */
function assertOffsets(source: string, tokens: Token[]): void {
  for (const t of tokens) assert.equal(source.slice(t.start, t.end), t.text, `token ${JSON.stringify(t.text)} at ${t.start}`);
}

describe('tokenize', () => {
  it('splits words and punctuation and keeps exact offsets', () => {
    const s = 'Kim met Putin, then left.';
    const tokens = tokenize(s);
    assert.deepEqual(tokens.map(brief), ['Word:Kim', 'Word:met', 'Word:Putin', 'Punct:,', 'Word:then', 'Word:left', 'Punct:.']);
    assertOffsets(s, tokens);
    assert.deepEqual(tokens.map((t) => t.spaced), [true, true, true, false, true, true, false]);
    assert.equal(tokens[0]!.capitalized, true);
    assert.equal(tokens[1]!.capitalized, false);
    assert.equal(tokens[0]!.norm, 'kim');
  });

  it('reads thousands separators and decimals as one number', () => {
    const tokens = tokenize('1,000 troops and 3.5 per cent and 10,000,000 won');
    const numbers = tokens.filter((t) => t.kind === TokenKind.Number);
    assert.deepEqual(numbers.map((t) => [t.text, t.value]), [['1,000', 1000], ['3.5', 3.5], ['10,000,000', 10000000]]);
  });

  it('reads the value of a number exactly as Number reads its digits without the commas', () => {
    const written = ['0', '007', '26.5', '0.1', '3.14159', '99.999', '1,234.56', '123456789012345', '1234567890123456789', '9,007,199,254,740,993',
      '1.2.3', '0.30000000000000004', '12.3456789012345678', '1,000.000,001'];
    for (let n = 0; n < 2000; n++) {
      const digits = String(Math.floor(Math.random() * 1e9));
      const decimals = Math.floor(Math.random() * 8);
      written.push(decimals ? `${digits}.${String(Math.random()).slice(2, 2 + decimals)}` : digits);
    }
    for (const number of written) {
      const token = tokenize(`${number} troops`)[0]!;
      assert.equal(token.text, number);
      assert.ok(Object.is(token.value, Number(number.replace(/,/g, ''))), `${number} -> ${token.value}`);
    }
  });

  it('reads ordinal suffixes in any case, and no other letters or non-ASCII look-alikes', () => {
    const ordinal = (s: string) => tokenize(s)[0]!.ordinalSuffix;
    for (const s of ['8th', '8TH', '21St', '2ND', '3rD']) assert.equal(ordinal(s), true, s);
    for (const s of ['8ts', '8\u0422h', '8t\u04bb', '2n', '2', '8\u0442\u04bb']) assert.equal(ordinal(s), false, s);
  });

  it('does not glue a list of years with a comma into one number', () => {
    const numbers = tokenize('in 1990,1992 and 2019, then').filter((t) => t.kind === TokenKind.Number);
    assert.deepEqual(numbers.map((t) => t.text), ['1990', '1992', '2019']);
  });

  it('keeps a sentence-final full stop out of a number', () => {
    assert.deepEqual(texts('It was 2019.'), ['It', 'was', '2019', '.']);
  });

  it('marks ordinal suffixes on numbers', () => {
    const tokens = tokenize('the 8th, 21st, 2nd and 3rd congress');
    const ordinals = tokens.filter((t) => t.kind === TokenKind.Number);
    assert.deepEqual(ordinals.map((t) => [t.text, t.value, t.ordinalSuffix]), [['8th', 8, true], ['21st', 21, true], ['2nd', 2, true], ['3rd', 3, true]]);
  });

  it('does not read a suffix glued to more letters as an ordinal (10thousand)', () => {
    const t = tokenize('10thousand')[0]!;
    assert.equal(t.text, '10');
    assert.notEqual(t.ordinalSuffix, true);
  });

  it('strips possessives with straight and curly apostrophes and keeps the written text', () => {
    for (const s of ['Russia’s', "Russia's"]) {
      const [t] = tokenize(s);
      assert.equal(tokenize(s).length, 1, s);
      assert.equal(t!.text, s);
      assert.equal(t!.norm, 'russia');
      assert.equal(t!.possessive, true);
    }
  });

  it('folds curly apostrophes inside words', () => {
    const [t] = tokenize('Workers’');
    assert.equal(t!.text, 'Workers');
    assert.equal(normalizeWord('Don’t'), "don't");
    assert.equal(tokenize('don’t')[0]!.norm, "don't");
  });

  it('reads COVID-19 and Hwasong-17 as one word', () => {
    assert.deepEqual(tokenize('COVID-19 and Hwasong-17 spread').map(brief), ['Word:COVID-19', 'Word:and', 'Word:Hwasong-17', 'Word:spread']);
  });

  it('splits mid-2022, early-2020 and late-2020 into a part word, a hyphen and a year', () => {
    for (const part of ['mid', 'early', 'late']) {
      const tokens = tokenize(`${part}-2022`);
      assert.deepEqual(tokens.map(brief), [`Word:${part}`, 'Punct:-', 'Number:2022']);
      assert.equal(tokens[1]!.norm, '-');
      assert.equal(tokens[2]!.spaced, false);
    }
  });

  it('makes a stand-in word token of the same shape as the tokenizer\'s', () => {
    const made = wordToken('votes', 2);
    const read = tokenize('votes')[0]!;
    assert.deepEqual(Object.keys(made), Object.keys(read), 'one shape: the same fields in the same order');
    assert.deepEqual({ ...made }, { ...read, index: 2, start: 0, end: 0, spaced: false });
  });

  it('keeps URLs opaque, without their sentence-final punctuation', () => {
    const s = 'See https://example.org/a?b=2019. Also www.un.org, or mailto:a@b.org!';
    const tokens = tokenize(s);
    const opaque = tokens.filter((t) => t.kind === TokenKind.Opaque);
    assert.deepEqual(opaque.map((t) => t.text), ['https://example.org/a?b=2019', 'www.un.org', 'mailto:a@b.org']);
    assert.ok(opaque.every((t) => t.norm === OPAQUE_CHAR), 'an opaque token has a normal form no word has');
    assert.ok(!tokens.some((t) => t.kind === TokenKind.Number), 'no number is read out of a URL');
    assertOffsets(s, tokens);
  });

  it('reads U.S. as one dotted word', () => {
    const tokens = tokenize('The U.S. policy');
    assert.deepEqual(tokens.map(brief), ['Word:The', 'Word:U.S.', 'Word:policy']);
    assert.equal(tokens[1]!.norm, 'u.s.');
  });

  it('keeps an emoji whole as one symbol token', () => {
    const s = 'Talks 🎉 resumed';
    const tokens = tokenize(s);
    assert.deepEqual(tokens.map(brief), ['Word:Talks', 'Symbol:🎉', 'Word:resumed']);
    assertOffsets(s, tokens);
  });

  it('keeps accented and non-Latin letters inside words', () => {
    assert.deepEqual(texts('Ca’ Foscari, Zürich and Пхеньян'), ['Ca', '’', 'Foscari', ',', 'Zürich', 'and', 'Пхеньян']);
  });

  it('never splits a surrogate pair, also for astral letters (𝐀𝐁, 𠀀)', () => {
    for (const s of ['𝐀𝐁 and', 'the 𠀀 script', '𝒳']) {
      for (const t of tokenize(s)) {
        const first = t.text.charCodeAt(0);
        const last = t.text.charCodeAt(t.text.length - 1);
        assert.ok(!(first >= 0xdc00 && first <= 0xdfff), `${JSON.stringify(t.text)} starts with a low surrogate`);
        assert.ok(!(last >= 0xd800 && last <= 0xdbff), `${JSON.stringify(t.text)} ends with a high surrogate`);
      }
    }
  });

  it('reads an object replacement character as an opaque token and a cell separator as punctuation', () => {
    const tokens = tokenize(`a ${OPAQUE_CHAR} b ${CELL_SEPARATOR} c`);
    assert.deepEqual(tokens.map((t) => kinds[t.kind]), ['Word', 'Opaque', 'Word', 'Punct', 'Word']);
  });

  it('reads currency and percent signs as symbols and quotes as punctuation', () => {
    const tokens = tokenize('US$10 and 90% and €5 said “no”');
    assert.deepEqual(tokens.filter((t) => t.kind === TokenKind.Symbol).map((t) => t.text), ['$', '%', '€']);
    assert.deepEqual(tokens.filter((t) => t.norm === '"').map((t) => t.text), ['“', '”']);
  });

  it('folds dashes to a hyphen', () => {
    const dashes = tokenize('Sino–DPRK — plan − 2').filter((t) => t.kind === TokenKind.Punct);
    assert.deepEqual(dashes.map((t) => t.norm), ['-', '-', '-']);
  });

  it('tokenizes only the requested range, with offsets in the whole text', () => {
    const s = 'skip this: Kim met Putin';
    const from = s.indexOf('Kim');
    const tokens = tokenize(s, from, s.length);
    assert.deepEqual(tokens.map((t) => t.text), ['Kim', 'met', 'Putin']);
    assertOffsets(s, tokens);
  });

  it('treats non-breaking and thin spaces as spaces', () => {
    assert.deepEqual(texts('90\u00a0per\u2009cent'), ['90', 'per', 'cent']);
  });
});
