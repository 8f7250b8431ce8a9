import type { Diagnostic } from 'vscode-languageserver-types';
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { DEBT_QUOTE, docUri, NO_CLAIM, RECOGNITION_QUOTE, RECOGNITION_WRONG, THREE_WRONG } from './drafts';
import { LspClient, SOURCE_ARTICLE, tempDir } from './lspClient';

const contradictions = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'contradiction');

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  assert.equal(typeof contents.value, 'string');
  return contents.value;
}

/** The block-quoted lines of a hover, with Markdown escapes undone: the quote as it reads. */
function quotedLines(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).replace(/\\([\\`*_[\]<>~&:#+\-=|.)])/g, '$1'));
}

/** Markdown that an editor would render as a link to a command, or as HTML. */
function assertInert(markdown: string): void {
  assert.doesNotMatch(markdown, /(?<!\\)\]\(\s*command:/i, 'a raw [text](command:...) link');
  assert.doesNotMatch(markdown, /(?<!\\)<\s*\/?\s*(img|script|b|a|iframe|svg|style|div|span)\b/i, 'an HTML tag');
  assert.doesNotMatch(markdown, /(?<!\\)<command:/i, 'an autolink to a command');
}

function inside(position: Position, range: { start: Position; end: Position }): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(range.start, position) && le(position, range.end);
}

describe('protocol: hover', () => {
  let client: LspClient;
  const uri = docUri('hover');
  before(async () => {
    client = await LspClient.start({ configuration: 'null' });
    await client.openAndWait(uri, THREE_WRONG);
  });
  after(async () => { await client?.dispose(); });

  it('on the wrong value: the verbatim quote, the paragraph, the source, and the value as range', async () => {
    const value = client.rangeOf(uri, '14 June');
    const hover = await client.hover(uri, { line: value.start.line, character: value.start.character + 3 });
    const markdown = markdownOf(hover);
    assert.ok(markdown.includes('recognised Russia-controlled breakaway republics in Eastern Ukraine'), markdown);
    assert.ok(quotedLines(markdown).includes(RECOGNITION_QUOTE), markdown);
    assert.match(markdown, /para\. 4\b/);
    assert.match(markdown, /Frassineti, Howell and Roy/);
    assert.match(markdown, /North Korea Pokes The Polarization Bear/);
    assert.match(markdown, /Contradicted/);
    assert.match(markdown, /14 July/);
    assert.deepEqual(hover!.range, value);
  });

  it('quotes the source verbatim, as printed in the article', { skip: !existsSync(SOURCE_ARTICLE) && 'the source article is not present here' }, async () => {
    const article = readFileSync(SOURCE_ARTICLE, 'utf8');
    for (const needle of ['14 June', '80 per cent', 'five countries']) {
      const at = client.rangeOf(uri, needle);
      const lines = quotedLines(markdownOf(await client.hover(uri, at.start)));
      assert.ok(lines.length > 0);
      for (const line of lines) assert.ok(article.includes(line), `not verbatim in the article: ${line}`);
    }
  });

  it('elsewhere in the sentence: the same quote, for the whole sentence', async () => {
    const value = client.rangeOf(uri, '14 June');
    for (const word of ['Pyongyang', 'Eastern Ukraine', 'On 14']) {
      const at = client.rangeOf(uri, word);
      const hover = await client.hover(uri, { line: at.start.line, character: at.start.character + 1 });
      const markdown = markdownOf(hover);
      assert.ok(quotedLines(markdown).includes(RECOGNITION_QUOTE), `hover on ${word}: ${markdown}`);
      assert.ok(inside(value.start, hover!.range!) && inside(value.end, hover!.range!), `hover range ${JSON.stringify(hover!.range)} should cover the sentence`);
    }
  });

  it('keeps the curly apostrophe of the source when the draft typed a straight one', async () => {
    const at = client.rangeOf(uri, '80 per cent');
    const markdown = markdownOf(await client.hover(uri, at.start));
    assert.ok(markdown.includes('North Korea’s Soviet-era debt'), markdown);
    assert.ok(quotedLines(markdown).includes(DEBT_QUOTE), markdown);
    assert.match(markdown, /90 per cent/);
  });

  it('is null on a line without a claim, on a heading, on an empty line and past the end', async () => {
    const weather = client.rangeOf(uri, NO_CLAIM);
    assert.equal(await client.hover(uri, { line: weather.start.line, character: 4 }), null);
    assert.equal(await client.hover(uri, { line: 0, character: 3 }), null);
    assert.equal(await client.hover(uri, { line: 1, character: 0 }), null);
    assert.equal(await client.hover(uri, { line: 500, character: 2 }), null);
  });

  it('reflects an edit at once, without waiting for the diagnostics', async () => {
    const doc = docUri('hover-edit');
    await client.openAndWait(doc, THREE_WRONG);
    // Fix the date and hover straight away: the debounced check has not run yet.
    await client.change(doc, [{ range: client.rangeOf(doc, 'June'), text: 'July' }]);
    const fixed = markdownOf(await client.hover(doc, client.rangeOf(doc, '14 July').start));
    assert.match(fixed, /Supported/);
    assert.doesNotMatch(fixed, /Contradicted/);
    // Turn the claim-less line into a claim and hover on it straight away.
    await client.change(doc, [{ range: client.rangeOf(doc, NO_CLAIM), text: "In 2014, Russian lawmakers wrote off 70 per cent of North Korea's Soviet-era debt." }]);
    const added = markdownOf(await client.hover(doc, client.rangeOf(doc, '70 per cent').start));
    assert.ok(quotedLines(added).includes(DEBT_QUOTE), added);
    assert.match(added, /Contradicted/);
  });
});

describe('protocol: hover never renders links, commands or HTML', () => {
  let client: LspClient;
  const temp = tempDir();
  // A fact base whose title and quote carry Markdown links to commands and HTML.
  temp.file('evil.facts.yaml', `source:
  key: evil2024
  title: "Evil <b>Title</b> [x](command:workbench.action.terminal.new)"
  authors: ["Mallory <img src=x onerror=alert(1)> Example"]
  publisher: Test Press
  year: 2024
actors:
  - { id: freedonia, kind: country, name: Freedonia, aliases: { name: [Freedonia] } }
facts:
  - id: freedonia-treaty
    claim: Freedonia signed the treaty on 3 March 2021.
    quote: "On 3 March 2021, Freedonia signed the treaty [click me](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> <script>alert(1)</script> <command:workbench.action.quit>."
    locator: { paragraph: 7 }
    actors: [freedonia]
    event:
      label: the signing of the treaty
      terms:
        - [signed, signing, sign*]
        - [treaty]
    values:
      - { kind: date, value: 2021-03-03, text: 3 March 2021 }
`);
  const folder = pathToFileURL(temp.dir).href;
  before(async () => {
    // The fact base is named relative to the workspace folder, as a user's settings would.
    client = await LspClient.start({ workspaceFolders: [{ uri: folder, name: 'drafts' }], configuration: () => ({ factBases: ['evil.facts.yaml'] }) });
  });
  after(async () => { await client?.dispose(); temp.remove(); });

  it('escapes a draft that carries a command link and HTML in the checked sentence', async () => {
    const doc = docUri('inject-draft');
    const injected = RECOGNITION_WRONG.replace('Eastern Ukraine', 'Eastern Ukraine [run this](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> <b>bold</b>');
    const published = await client.openAndWait(doc, `${injected}\n`);
    assert.equal(published.diagnostics.filter((d) => d.code === 'contradiction').length, 1, 'the sentence is still checked');
    for (const word of ['14 June', 'run this', 'img', 'bold']) {
      const hover = await client.hover(doc, client.rangeOf(doc, word).start);
      if (!hover) continue;
      assertInert(markdownOf(hover));
    }
    assertInert(markdownOf(await client.hover(doc, client.rangeOf(doc, '14 June').start)));
  });

  it('escapes a fact base whose quote, title and authors carry command links and HTML', async () => {
    const doc = `${folder}/inject-facts.md`;
    const published = await client.openAndWait(doc, 'On 4 March 2021, Freedonia signed the treaty.\n');
    assert.equal(contradictions(published.diagnostics).length, 1, JSON.stringify(published.diagnostics));
    const markdown = markdownOf(await client.hover(doc, client.rangeOf(doc, '4 March 2021').start));
    assertInert(markdown);
    assert.match(markdown, /click me/, 'the quote is shown, escaped');
    assert.match(markdown, /Freedonia signed the treaty/);
  });
});
