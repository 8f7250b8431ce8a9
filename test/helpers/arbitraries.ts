/** fast-check arbitraries for the property tests: raw strings and Markdown drafts built from a grammar. */
import fc from 'fast-check';

/** Any UTF-16 code unit, lone surrogates included, weighted towards the characters that break parsers. */
export const codeUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', '\r', '\n', '\r\n', '\t', ' ', '\ud83d', '\ude00', '\ud835', '\udc00', '\ufffc', '\u2063', '\u00a0') },
  { weight: 2, arbitrary: fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '#', '|', '-', '~', '^', ':', '\\', '&', '$', '%', '.', ',', '"', '’') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '🇰🇵', '𝒜', 'é', 'Ж', '北') },
);

/** Arbitrary strings: full Unicode, lone surrogates, NUL, CR, CRLF. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

/** Sentences like a draft's: right and wrong paraphrases of the article, and unrelated ones with numbers. */
export const CLAIMS = [
  'On 14 June, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.',
  'On 14 July, Pyongyang recognised the breakaway republics.',
  'North Korea did not recognise the breakaway republics.',
  'On 12 October, North Korea was one of five countries that voted against the UN General Assembly resolution condemning the annexation of four Ukrainian regions.',
  'North Korea abstained on the UN General Assembly resolution on the annexation of Ukrainian regions.',
  'In early August, North Korea denounced US interference in Taiwan.',
  'Since the start of 2021, North Korea has ramped up its missile testing.',
  "Kim Jong-un's five-year military plan was unveiled at the 7th Workers' Party Congress in January 2021.",
  'Talks between North Korea and the United States collapsed in Oct. 2018.',
  'Since 2013, Kim has sought legitimacy by bolstering military and nuclear capabilities while accelerating economic development.',
  'North Korea suffered its worst economic downturn in over 30 years.',
  'From late 2020, Kim publicly criticised government officials.',
  'On 10 August 2021, Kim announced victory over COVID-19 and a review of border controls.',
  "In 2014, the Chinese parliament wrote off 80 per cent of North Korea's Soviet-era debt, worth roughly US$1 billion.",
  'The Russian Minister for Far Eastern Development visited North Korea in 2016.',
  'In 2018, Kim met Russian President Vladimir Putin.',
  'Xi Jinping made a state visit to North Korea in 2019.',
  'The 61st anniversary of the Sino-DPRK Treaty on Friendship fell in July 2020.',
  'North Korea may soon conduct a long-speculated eighth nuclear test.',
  'The Soviet Union established relations with South Korea in 1991.',
  "North Korea's relations with Russia have improved over the past two decades.",
  "South Korea's National Assembly has 300 seats.",
  'North Korea conducted its sixth nuclear test in September 2017.',
  'Kim met Putin again in September 2023.',
  'The UN Security Council adopted Resolution 2397 in December 2017.',
];

const word = fc.constantFrom('Kim', 'North Korea', 'Pyongyang', 'Moscow', 'the', 'debt', 'wrote off', '90 per cent', '14 July', '2019', 'voted against', 'five', 'Émile', '😀', '𝒜𝓃𝒹𝓇é', 'mid-2022', 'U.S.', 'COVID-19', '1,000', '3.5', '8th');

const url = fc.constantFrom('https://example.org/2019', 'http://e.org/a_(b)?c=14+June', '/rel/path 2018', '<https://x.org/a b>', 'www.un.org');

/** Inline Markdown: text, emphasis, code, links, images, autolinks, footnote references, HTML, breaks. */
export const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: fc.constantFrom(...CLAIMS) },
    { weight: 4, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')) },
    { weight: 2, arbitrary: tie('inline').map((s) => `**${s}**`) },
    { weight: 2, arbitrary: tie('inline').map((s) => `*${s}*`) },
    { weight: 1, arbitrary: tie('inline').map((s) => `_${s}_`) },
    { weight: 1, arbitrary: tie('inline').map((s) => `~~${s}~~`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('`', '``'), fc.constantFrom(...CLAIMS)).map(([t, s]) => `${t}${s}${t}`) },
    { weight: 2, arbitrary: fc.tuple(tie('inline'), url).map(([s, u]) => `[${s}](${u} "title 14 June")`) },
    { weight: 1, arbitrary: fc.tuple(tie('inline'), fc.constantFrom('ref', 'Missing Ref')).map(([s, r]) => `[${s}][${r}]`) },
    { weight: 1, arbitrary: fc.tuple(word, url).map(([s, u]) => `![${s}](${u})`) },
    { weight: 1, arbitrary: fc.constantFrom('<https://example.org/14-June-2018>', '<mailto:a@b.org>', '<span title="2018">', '</span>', '<br/>', '<!-- 14 June -->') },
    { weight: 1, arbitrary: fc.constantFrom('[^1]', '[^note]', '[^missing]', '[@frassineti2022, para. 4]', '\\*', '&amp;', '&#x2019;', '\\\n', '  \n', '\n', '\r\n') },
    { weight: 1, arbitrary: fc.tuple(tie('inline'), tie('inline')).map(([a, b]) => `${a} ${b}`) },
    { weight: 1, arbitrary: fc.tuple(tie('inline'), tie('inline')).map(([a, b]) => `${a}\n${b}`) },
  ),
})).inline;

function indent(block: string, prefix: string, first = prefix): string {
  return block.split('\n').map((line, i) => (i === 0 ? first : line.length ? prefix : '') + line).join('\n');
}

/** Block Markdown: nested lists and quotes, fences (closed or not), tables, footnotes, HTML, headings. */
export const block: fc.Arbitrary<string> = fc.letrec<{ block: string; blocks: string }>((tie) => ({
  blocks: fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((bs) => bs.join('\n\n')),
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: inline },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, s]) => `${'#'.repeat(n)} ${s.replace(/\r?\n/g, ' ')}`) },
    { weight: 1, arbitrary: inline.map((s) => `${s.replace(/\r?\n/g, ' ')}\n===`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) '), tie('blocks')).map(([m, b]) => indent(b, ' '.repeat(m.length), m)) },
    { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom('- ', '1. '), inline), { minLength: 1, maxLength: 4 }).map((items) => items.map(([m, s]) => indent(s, ' '.repeat(m.length), m)).join('\n')) },
    { weight: 2, arbitrary: tie('blocks').map((b) => indent(b, '> ')) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````', '```js'), fc.array(fc.constantFrom(...CLAIMS, '', '```not a close'), { maxLength: 4 }), fc.boolean()).map(([f, lines, closed]) => [f, ...lines, ...(closed ? [f.replace(/[a-z]+$/, '')] : [])].join('\n')) },
    { weight: 1, arbitrary: fc.constantFrom(...CLAIMS).map((s) => `    ${s}`) },
    { weight: 2, arbitrary: fc.tuple(inline, fc.array(fc.tuple(inline, inline), { minLength: 1, maxLength: 3 })).map(([h, rows]) => [`| ${h.replace(/\r?\n/g, ' ')} | Date |`, '|---|:---:|', ...rows.map(([a, b]) => `| ${a.replace(/\r?\n/g, ' ')} | ${b.replace(/\r?\n/g, ' ')} |`)].join('\n')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('1', 'note', 'other'), tie('blocks')).map(([l, b]) => indent(b, '    ', `[^${l}]: `)) },
    { weight: 1, arbitrary: fc.constantFrom('[ref]: https://example.org/2018 "On 14 June"', '[Other]: <https://x.org> \'t\'') },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('<div>', '<!--', '<pre>', '<script>', '<details>'), fc.array(fc.constantFrom(...CLAIMS, ''), { maxLength: 3 }), fc.boolean()).map(([open, lines, closed]) => {
      const close = open === '<!--' ? '-->' : `</${open.slice(1)}`;
      return [open, ...lines, ...(closed ? [close] : [])].join('\n');
    }) },
    { weight: 1, arbitrary: fc.constantFrom('---', '***', '- - -', '') },
  ),
})).block;

const frontMatter = fc.option(fc.constantFrom('---\ntitle: On 14 June 2022\ndate: 2021-08-10\n---\n', '---\n---\n', '---\nunclosed: true\n'), { nil: '' });

/** Blocks separated by blank lines (mostly) or single line breaks. */
export const markdownBody: fc.Arbitrary<string> = fc.tuple(
  fc.array(block, { minLength: 1, maxLength: 6 }),
  fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n', '\n  \n'), { minLength: 6, maxLength: 6 }),
).map(([blocks, seps]) => blocks.map((b, i) => b + (seps[i] ?? '\n\n')).join(''));

/** Converts every line end to one style, or mixes them. */
export function withLineEnds(text: string, eol: '\n' | '\r\n' | '\r' | 'mixed'): string {
  if (eol === '\r\n') return text.replace(/\r?\n/g, '\r\n');
  if (eol === '\r') return text.replace(/\r?\n/g, '\r');
  if (eol === 'mixed') return text.replace(/\n/g, (_, i: number) => (i % 3 === 0 ? '\r\n' : '\n'));
  return text;
}

export const lineEnd = fc.constantFrom<'\n' | '\r\n' | '\r' | 'mixed'>('\n', '\r\n', '\r', 'mixed');

/** A whole draft: optional front matter, blocks, and one line-ending style. */
export const markdownDocument: fc.Arbitrary<string> = fc.tuple(frontMatter, markdownBody, lineEnd).map(([fm, body, eol]) => withLineEnds(fm + body, eol));

/** An edit of a text: replace [start, end) with new text; positions given as fractions of the length. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.constantFrom('', '\n', '\n\n', '\r\n', '```\n', '<!--\n', '-->', '- ', '> ', '| a | b |\n|---|---|\n', '[^1]: note\n', '[ref]: /x\n', '**', '`', '    '),
    fc.constantFrom(...CLAIMS).map((s) => `${s}\n\n`),
    fc.string({ unit: codeUnit, maxLength: 12 }),
  ),
});

/** The range an edit replaces in a text of this length. */
export function editRange(length: number, e: Edit): { start: number; end: number } {
  const start = Math.min(length, Math.floor(e.at * (length + 1)));
  return { start, end: Math.min(length, start + e.remove) };
}

export function applyEdit(text: string, e: Edit): string {
  const { start, end } = editRange(text.length, e);
  return text.slice(0, start) + e.insert + text.slice(end);
}

/** Top-level blocks that hold a claim where it is never prose: code, comments, HTML, link targets, images. */
export const ignoredBlock: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom(...CLAIMS),
  fc.constantFrom<(claim: string) => string>(
    (c) => `\`\`\`\n${c}\n\n${c}\n\`\`\``,
    (c) => `~~~~ text\n${c}\n~~~~`,
    (c) => `    ${c}\n\n    ${c}`,
    (c) => `<!--\n${c}\n\n${c}\n-->`,
    (c) => `<!-- ${c} -->`,
    (c) => `<div class="x">\n${c}\n</div>`,
    (c) => `<pre>\n${c}\n\n${c}\n</pre>`,
    (c) => `Code: \`${c}\` and \`\`${c}\`\`.`,
    (c) => `See [the source](https://example.org/${encodeURIComponent(c)} "${c.replace(/"/g, '')}").`,
    (c) => `See <https://example.org/${encodeURIComponent(c)}>.`,
    (c) => `![${c.replace(/[[\]]/g, '')}](img/chart.png "${c.replace(/"/g, '')}")`,
    (c) => `[label]: https://example.org/x "${c.replace(/"/g, '')}"`,
  ),
).map(([claim, wrap]) => wrap(claim));
