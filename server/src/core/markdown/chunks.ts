import { markdownParser, type DocumentLabels } from './parser';

/**
 * Splits a Markdown document into chunks that parse the same on their own as inside the whole
 * document: runs of top-level blocks, cut where a blank line separates two of them. The boundaries
 * come from markdown-it's own block parser (a cheap pass without inline parsing), so fences in lists,
 * HTML blocks, lazy lines and nested containers are where CommonMark says they are. Chunks are the
 * unit of caching: an edit re-analyses only the chunks whose text changed.
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
  /** Footnote and link reference labels the document defines, as the parser found them. */
  labels: DocumentLabels;
}

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

/** Start offsets of the lines of text[from, to), split where markdown-it splits (\n, \r\n, \r). */
function lineStarts(text: string, from: number, hasCR: boolean): number[] {
  const starts: number[] = [];
  let pos = from;
  while (pos < text.length) {
    starts.push(pos);
    pos = readLine(text, pos, hasCR).next;
  }
  return starts;
}

function isBlankLine(text: string, start: number, hasCR: boolean): boolean {
  const line = readLine(text, start, hasCR);
  for (let i = line.start; i < line.contentEnd; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function splitChunks(text: string): ChunkedDocument {
  const hasCR = text.indexOf('\r') >= 0;
  const fmEnd = frontMatterEnd(text, hasCR);
  const frontMatter = fmEnd > 0 ? { start: 0, end: fmEnd } : null;
  const from = frontMatter ? fmEnd : 0;
  const md = markdownParser();
  const env: { references?: Record<string, unknown>; footnotes?: { refs?: Record<string, unknown> } } = {};
  const tokens: Array<{ level: number; nesting: number; map: [number, number] | null }> = [];
  // What markdown-it's "normalize" step does; it keeps every offset, so lines stay where they are.
  const body = text.slice(from).replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  md.block.parse(body, md, env, tokens as never[]);
  const starts = lineStarts(text, from, hasCR);
  // The first line of each top-level block that says where it starts (footnote definitions do not:
  // they stay with the block before them).
  const blockLines: number[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (depth === 0 && token.nesting >= 0 && token.map) blockLines.push(token.map[0]);
    depth += token.nesting;
  }
  const chunks: Chunk[] = [];
  let chunkStart = from;
  for (const line of blockLines) {
    const offset = starts[line] ?? text.length;
    // Cut before a block that follows a blank line; blocks that touch stay in one chunk.
    if (line > 0 && offset > chunkStart && starts[line - 1] !== undefined && isBlankLine(text, starts[line - 1]!, hasCR)) {
      chunks.push({ start: chunkStart, end: offset });
      chunkStart = offset;
    }
  }
  if (chunkStart < text.length && text.slice(chunkStart).trim() !== '') chunks.push({ start: chunkStart, end: text.length });
  const labels: DocumentLabels = {
    footnotes: Object.keys(env.footnotes?.refs ?? {}).map((key) => key.slice(1)),
    references: Object.keys(env.references ?? {}),
  };
  return { frontMatter, chunks, labels };
}
