/**
 * Splits a Markdown document into chunks that parse the same on their own as inside the whole
 * document: a chunk ends at a blank line unless a fenced code block, a multi-line HTML block or
 * an indented continuation carries on past it. Chunks are the unit of caching, so an edit
 * re-analyses only the chunk it touches.
 */
export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  start: number;
  /** Offset just past the chunk's last line terminator (or the document end). */
  end: number;
}

export interface ChunkedDocument {
  /** YAML front matter, never checked; null when the document has none. */
  frontMatter: Chunk | null;
  chunks: Chunk[];
  /** Footnote labels ([^id]: ...) and link reference labels ([id]: ...) defined in the document. */
  footnoteLabels: string[];
  referenceLabels: string[];
}

const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]{1,200})\]:/;
const REFERENCE_DEFINITION = /^\[([^\]^][^\]]{0,998})\]:/;

interface Line {
  start: number;
  /** End of the line's content, before its terminator. */
  contentEnd: number;
  /** Start of the next line. */
  next: number;
}

function readLine(text: string, start: number, hasCR: boolean): Line {
  const n = text.length;
  let nl = text.indexOf('\n', start);
  if (nl < 0) nl = n;
  if (hasCR) {
    const cr = text.indexOf('\r', start);
    if (cr >= 0 && cr < nl) return { start, contentEnd: cr, next: text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1 };
  }
  return { start, contentEnd: nl, next: nl < n ? nl + 1 : n };
}

/** The first character after up to three spaces: most lines start a paragraph and need no closer look. */
function mayStartBlock(text: string, line: Line): boolean {
  let i = line.start;
  while (i < line.contentEnd && i - line.start < 4 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  // > - * + digit ` ~ < [ # or indentation (a container's content)
  return c === 62 || c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57) || c === 96 || c === 126 || c === 60 || c === 91 || c === 35 || c === 32 || c === 9;
}

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.contentEnd; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function startsIndented(text: string, line: Line): boolean {
  const c = text.charCodeAt(line.start);
  return c === 32 || c === 9;
}

/** Skips indentation, block-quote markers and list markers, the containers a fence may sit in. */
function skipContainerMarkers(text: string, from: number, to: number): number {
  let i = from;
  for (let guard = 0; guard < 64 && i < to; guard++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 62 /* > */) { i++; continue; }
    if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) { i += 2; continue; }
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < to && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 41) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) { i = j + 2; continue; }
    }
    break;
  }
  return i;
}

interface Fence {
  char: number;
  length: number;
  /** Block-quote depth of the opening line: a line with fewer markers ends the fence. */
  quoteDepth: number;
  /** Content column of the list item the fence opened in (0 outside lists): a line indented less ends it. */
  listIndent: number;
}

/** The block-quote depth of a line and the indentation of what follows the markers. */
function quotePrefix(text: string, line: Line): { depth: number; indent: number; at: number } {
  let i = line.start;
  let depth = 0;
  for (let guard = 0; guard < 64 && i < line.contentEnd; guard++) {
    let j = i;
    while (j < line.contentEnd && j - i < 3 && text.charCodeAt(j) === 32) j++;
    if (text.charCodeAt(j) !== 62 /* > */) break;
    depth++;
    i = j + 1;
    if (text.charCodeAt(i) === 32) i++;
  }
  let k = i;
  while (k < line.contentEnd && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return { depth, indent: k - i, at: i };
}

function fenceAt(text: string, line: Line): Fence | null {
  const prefix = quotePrefix(text, line);
  const i = skipContainerMarkers(text, line.start, line.contentEnd);
  const c = text.charCodeAt(i);
  if (c !== 96 && c !== 126) return null;
  let j = i;
  while (j < line.contentEnd && text.charCodeAt(j) === c) j++;
  if (j - i < 3) return null;
  if (c === 96 && text.slice(j, line.contentEnd).includes('`')) return null;
  // Opened inside a list item when a list marker stood before it.
  const afterQuote = prefix.at + prefix.indent;
  const listIndent = i > afterQuote ? i - prefix.at : 0;
  return { char: c, length: j - i, quoteDepth: prefix.depth, listIndent };
}

/** Whether a line inside a fence leaves the container the fence is in (and so ends the fence). */
function leavesContainer(text: string, line: Line, fence: Fence): boolean {
  const prefix = quotePrefix(text, line);
  if (prefix.depth < fence.quoteDepth) return true;
  const blank = prefix.at + prefix.indent >= line.contentEnd;
  return fence.listIndent > 0 && !blank && prefix.indent < fence.listIndent;
}

/** A closing fence belongs to the fence's own container: same quote depth, the list item's indentation. */
function closesFence(text: string, line: Line, fence: Fence): boolean {
  const prefix = quotePrefix(text, line);
  if (prefix.depth !== fence.quoteDepth) return false;
  if (prefix.indent - fence.listIndent > 3) return false;
  const i = prefix.at + prefix.indent;
  let j = i;
  while (j < line.contentEnd && text.charCodeAt(j) === fence.char) j++;
  if (j - i < fence.length) return false;
  for (let k = j; k < line.contentEnd; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

const HTML_BLOCKS: Array<{ open: RegExp; close: string }> = [
  { open: /^<(?:script|pre|style|textarea)(?:\s|>|$)/i, close: '</' },
  { open: /^<!--/, close: '-->' },
  { open: /^<\?/, close: '?>' },
  { open: /^<![A-Za-z]/, close: '>' },
  { open: /^<!\[CDATA\[/, close: ']]>' },
];

/** The text that ends a multi-line HTML block opened on this line, or null. */
function htmlBlockCloser(text: string, line: Line): string | null {
  const i = skipContainerMarkers(text, line.start, line.contentEnd);
  if (text.charCodeAt(i) !== 60) return null;
  const head = text.slice(i, Math.min(line.contentEnd, i + 16));
  for (const block of HTML_BLOCKS) {
    if (block.open.test(head)) {
      if (block.close === '</') {
        const tag = /^<([A-Za-z]+)/.exec(head)![1]!.toLowerCase();
        return `</${tag}>`;
      }
      return block.close;
    }
  }
  return null;
}

function lineContains(text: string, line: Line, needle: string, from = line.start): boolean {
  const at = needle === needle.toLowerCase() && needle.startsWith('</')
    ? text.slice(from, line.contentEnd).toLowerCase().indexOf(needle)
    : text.slice(from, line.contentEnd).indexOf(needle);
  return at >= 0;
}

function frontMatterEnd(text: string, hasCR: boolean): number {
  const first = readLine(text, 0, hasCR);
  if (text.slice(first.start, first.contentEnd).trimEnd() !== '---') return -1;
  let line = readLine(text, first.next, hasCR);
  while (line.start < text.length) {
    const content = text.slice(line.start, line.contentEnd).trimEnd();
    if (content === '---' || content === '...') return line.next;
    line = readLine(text, line.next, hasCR);
  }
  return -1;
}

export function splitChunks(text: string): ChunkedDocument {
  const chunks: Chunk[] = [];
  let frontMatter: Chunk | null = null;
  let pos = 0;
  const hasCR = text.indexOf('\r') >= 0;
  const fmEnd = frontMatterEnd(text, hasCR);
  if (fmEnd > 0) {
    frontMatter = { start: 0, end: fmEnd };
    pos = fmEnd;
  }
  let chunkStart = -1;
  let fence: Fence | null = null;
  let htmlCloser: string | null = null;
  let blankSeen = false;
  /** The previous line was paragraph text (which a reference definition cannot interrupt). */
  let proseBefore = false;
  const footnoteLabels: string[] = [];
  const referenceLabels: string[] = [];
  const n = text.length;
  while (pos < n) {
    const line = readLine(text, pos, hasCR);
    // A fence inside a list item or block quote ends with its container; the line is then read afresh.
    if (fence && leavesContainer(text, line, fence)) fence = null;
    if (fence) {
      if (closesFence(text, line, fence)) fence = null;
    } else if (htmlCloser) {
      if (lineContains(text, line, htmlCloser)) htmlCloser = null;
    } else if (isBlank(text, line)) {
      blankSeen = true;
      proseBefore = false;
    } else {
      const inParagraph = proseBefore;
      let definition = false;
      if (chunkStart >= 0 && blankSeen && !startsIndented(text, line)) {
        chunks.push({ start: chunkStart, end: line.start });
        chunkStart = -1;
      }
      if (chunkStart < 0) chunkStart = line.start;
      blankSeen = false;
      if (!mayStartBlock(text, line)) {
        proseBefore = true;
        pos = line.next;
        continue;
      }
      const labelAt = skipContainerMarkers(text, line.start, line.contentEnd);
      // Four spaces of indentation with no container before them make indented code, not a definition.
      const indentedCode = text.slice(line.start, labelAt).trim() === '' && labelAt - line.start >= 4;
      if (text.charCodeAt(labelAt) === 91 /* [ */ && !indentedCode) {
        const head = text.slice(labelAt, Math.min(line.contentEnd, labelAt + 1010));
        const footnote = FOOTNOTE_DEFINITION.exec(head);
        if (footnote) footnoteLabels.push(footnote[1]!);
        else if (!inParagraph) {
          // A link reference definition cannot interrupt a paragraph; a footnote definition can.
          const reference = REFERENCE_DEFINITION.exec(head);
          if (reference) referenceLabels.push(reference[1]!);
          definition = reference !== null;
        }
      }
      fence = fenceAt(text, line);
      proseBefore = !definition && !fence && text.charCodeAt(labelAt) !== 35 /* # */;
      if (!fence) {
        const closer = htmlBlockCloser(text, line);
        if (closer) {
          const opener = skipContainerMarkers(text, line.start, line.contentEnd);
          // The block may close on the line that opens it.
          if (!lineContains(text, line, closer, opener + 2)) htmlCloser = closer;
        }
      }
    }
    pos = line.next;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: n });
  return { frontMatter, chunks, footnoteLabels, referenceLabels };
}
