import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { resplitChunks, splitChunks } from '../../server/src/core/markdown/chunks';

function chunkTexts(text: string): string[] {
  const doc = splitChunks(text);
  // Chunks are in order, disjoint, and never overlap the front matter.
  let previous = doc.frontMatter?.end ?? 0;
  for (const c of doc.chunks) {
    assert.ok(c.start >= previous && c.end > c.start && c.end <= text.length, `bad chunk ${JSON.stringify(c)}`);
    previous = c.end;
  }
  return doc.chunks.map((c) => text.slice(c.start, c.end));
}

function labelsOf(text: string) {
  return splitChunks(text).labels;
}

describe('splitChunks', () => {
  it('splits at blank lines and keeps the blank lines with the chunk before', () => {
    assert.deepEqual(chunkTexts('One.\nStill one.\n\nTwo.\n  \t\nThree.'), ['One.\nStill one.\n\n', 'Two.\n  \t\n', 'Three.']);
  });

  it('leaves text that is only blank lines without chunks', () => {
    assert.deepEqual(chunkTexts(''), []);
    assert.deepEqual(chunkTexts('\n\n  \n'), []);
  });

  it('keeps a last paragraph of characters that are blank only to JavaScript (NBSP, \\v, U+FEFF) as a chunk, as an incremental split does', () => {
    for (const ws of ['\u00a0', '\v', '\ufeff', '\f']) {
      const text = `a\n\nb\n\n${ws}`;
      assert.deepEqual(chunkTexts(text), ['a\n\n', 'b\n\n', ws], JSON.stringify(ws));
      // A line typed before it: the split reused around the edit equals a fresh one.
      const edited = `x\n\n${text}`;
      assert.deepEqual(resplitChunks(resplitChunks(null, text), edited).doc, splitChunks(edited), JSON.stringify(ws));
    }
  });

  it('sets YAML front matter apart, ended by --- or ...', () => {
    const text = '---\ntitle: On 14 June\ndate: 2022-11-25\n---\nBody.\n';
    const doc = splitChunks(text);
    assert.equal(text.slice(doc.frontMatter!.start, doc.frontMatter!.end), '---\ntitle: On 14 June\ndate: 2022-11-25\n---\n');
    assert.deepEqual(chunkTexts(text), ['Body.\n']);
    const dots = '---\na: 1\n...\nBody.';
    assert.equal(splitChunks(dots).frontMatter!.end, dots.indexOf('Body'));
  });

  it('reads front matter with CRLF line endings', () => {
    const text = '---\r\ntitle: x\r\n---\r\nBody.\r\n';
    const doc = splitChunks(text);
    assert.equal(doc.frontMatter!.end, text.indexOf('Body'));
    assert.deepEqual(chunkTexts(text), ['Body.\r\n']);
  });

  it('has no front matter when the first line is not --- or the block never closes', () => {
    assert.equal(splitChunks('Intro\n---\na: 1\n---\n').frontMatter, null);
    assert.equal(splitChunks('---\nnot closed\n\nText.').frontMatter, null);
  });

  it('keeps a fenced code block with blank lines in one chunk', () => {
    const fence = '```python\nx = 1\n\n\ny = 2\n```\n\n';
    assert.deepEqual(chunkTexts(`Intro.\n\n${fence}After.`), ['Intro.\n\n', fence, 'After.']);
  });

  it('closes a fence only with the same character, at least as long, and nothing else on the line', () => {
    const tilde = '~~~~\na\n\n~~~\n\n```\n\nb\n~~~~\n\n';
    assert.deepEqual(chunkTexts(`${tilde}After.`), [tilde, 'After.']);
    const notClosed = '```\na\n\n``` not a close\n\nb\n```\n\n';
    assert.deepEqual(chunkTexts(`${notClosed}After.`), [notClosed, 'After.']);
  });

  it('runs an unclosed fence to the end of the document', () => {
    assert.deepEqual(chunkTexts('Intro.\n\n```\ncode\n\nOn 14 June.\n\nMore.'), ['Intro.\n\n', '```\ncode\n\nOn 14 June.\n\nMore.']);
  });

  it('keeps fences inside block quotes and list items together', () => {
    const quoted = '> ```\n> a\n>\n> b\n> ```\n\n';
    assert.deepEqual(chunkTexts(`${quoted}After.`), [quoted, 'After.']);
    // A line without ">" ends the block quote, and the fence with it (CommonMark): "> b" is a paragraph of a new quote.
    assert.deepEqual(chunkTexts('> ```\n> a\n>\n\n> b\n> ```\n\nAfter.'), ['> ```\n> a\n>\n\n', '> b\n> ```\n\n', 'After.']);
    const listed = '- item\n\n  ```\n  a\n\n  b\n  ```\n\n';
    assert.deepEqual(chunkTexts(`${listed}After.`), [listed, 'After.']);
  });

  it('keeps a multi-line HTML comment with blank lines in one chunk', () => {
    const comment = '<!--\nOn 14 June.\n\nStill a comment.\n-->\n\n';
    assert.deepEqual(chunkTexts(`Before.\n\n${comment}After.`), ['Before.\n\n', comment, 'After.']);
  });

  it('ends a one-line HTML comment on its own line', () => {
    assert.deepEqual(chunkTexts('<!-- note -->\n\nAfter.'), ['<!-- note -->\n\n', 'After.']);
  });

  it('keeps <pre> and <script> blocks with blank lines in one chunk, closing case-insensitively', () => {
    const pre = '<PRE>\na\n\nb\n</pre>\n\n';
    assert.deepEqual(chunkTexts(`${pre}After.`), [pre, 'After.']);
    const script = '<script>\nlet a;\n\nlet b;\n</script>\n\n';
    assert.deepEqual(chunkTexts(`${script}After.`), [script, 'After.']);
  });

  it('continues a chunk with an indented line after a blank line (list continuation, indented code)', () => {
    const item = '- First item.\n\n  Continued paragraph.\n\n    Deeper.\n\n';
    assert.deepEqual(chunkTexts(`${item}Next.`), [item, 'Next.']);
    const note = '[^1]: A note.\n\n    Its second paragraph.\n\n';
    assert.deepEqual(chunkTexts(`${note}Next.`), [note, 'Next.']);
  });

  it('splits chunks with CRLF and lone CR line endings', () => {
    assert.deepEqual(chunkTexts('a\r\n\r\nb\r\n'), ['a\r\n\r\n', 'b\r\n']);
    assert.deepEqual(chunkTexts('a\r\rb'), ['a\r\r', 'b']);
  });

  it('collects footnote and link reference labels from the whole document, as the parser defines them', () => {
    const text = 'Text[^n1] and [ref] and [Other Label].\n\n[^n1]: A note.\n\n   [ref]: https://example.org\n\n[Other Label]: /z "t"\n';
    assert.deepEqual(labelsOf(text), { footnotes: ['n1'], references: ['REF', 'OTHER LABEL'] });
  });

  it('does not collect labels from code blocks, indented code, table rows or lazy lines', () => {
    assert.deepEqual(labelsOf('```\n[^a]: no\n[b]: no\n```\n\n    [c]: no\n'), { footnotes: [], references: [] });
    assert.deepEqual(labelsOf('| a | b |\n|---|---|\n[^d]: a row\n'), { footnotes: [], references: [] });
    assert.deepEqual(labelsOf('> quoted\n[^e]: lazy\n'), { footnotes: [], references: [] });
  });

  it('collects labels nested in list items, quotes and footnotes', () => {
    assert.deepEqual(labelsOf('- [^f]: in a list\n\n> [g]: https://example.org\n\n[^h]: [^i]: nested\n'), { footnotes: ['f', 'h', 'i'], references: ['G'] });
  });
});
