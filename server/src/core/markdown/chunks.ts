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
function lineStarts(text: string, from: number, to: number, hasCR: boolean): number[] {
  const starts: number[] = [];
  let pos = from;
  while (pos < to) {
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

/** What markdown-it's "normalize" step does before a block parse; it keeps every line where it is. */
function normalized(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}

type LabelEnv = { references?: Record<string, unknown>; footnotes?: { refs?: Record<string, unknown> } };

function labelsOf(env: LabelEnv): DocumentLabels {
  return {
    footnotes: Object.keys(env.footnotes?.refs ?? {}).map((key) => key.slice(1)),
    references: Object.keys(env.references ?? {}),
  };
}

/**
 * Where the chunks of text[from, to) start, parsed alone (`to` is the document's end or a line
 * start): the first at `from`, then each top-level block that follows a blank line. The boundaries
 * come from markdown-it's own block parser (a cheap pass without inline parsing), so fences in
 * lists, HTML blocks, lazy lines and nested containers are where CommonMark says they are.
 */
function chunkStarts(text: string, from: number, to: number, hasCR: boolean): { starts: number[]; env: LabelEnv } {
  const md = markdownParser();
  const env: LabelEnv = {};
  const tokens: Array<{ level: number; nesting: number; map: [number, number] | null }> = [];
  md.block.parse(normalized(text.slice(from, to)), md, env, tokens as never[]);
  const lines = lineStarts(text, from, to, hasCR);
  const starts = [from];
  let depth = 0;
  for (const token of tokens) {
    // The first line of each top-level block that says where it starts (footnote definitions do not:
    // they stay with the block before them). Blocks that touch stay in one chunk.
    if (depth === 0 && token.nesting >= 0 && token.map) {
      const line = token.map[0];
      const offset = lines[line] ?? to;
      if (line > 0 && offset > starts[starts.length - 1]! && lines[line - 1] !== undefined && isBlankLine(text, lines[line - 1]!, hasCR)) starts.push(offset);
    }
    depth += token.nesting;
  }
  return { starts, env };
}

/** Whether text[from, …) is blank as CommonMark reads it: spaces, tabs and line ends only (not NBSP, \v, U+FEFF). */
function isBlankTail(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * Chunks from their start offsets; the last one runs to the end of the text (`length`) unless it
 * is blank. A block start is never blank, so only a document (or the text after front matter) of
 * blank lines has no chunk: a trailing paragraph of, say, a lone NBSP is a chunk, as an incremental
 * split sees it.
 */
function chunksFrom(starts: readonly number[], length: number, isBlankFrom: (start: number) => boolean): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = 0; i + 1 < starts.length; i++) chunks.push({ start: starts[i]!, end: starts[i + 1]! });
  const last = starts[starts.length - 1];
  if (last !== undefined && last < length && !isBlankFrom(last)) chunks.push({ start: last, end: length });
  return chunks;
}

/**
 * How much text one block parse of a whole split reads at most (unless a single block is longer). A
 * parse keeps all its tokens until it ends: past a few hundred KB they outgrow V8's young generation,
 * whose collections then copy them again and again (a 1 MB draft's parse in one go spent 42% of its
 * time in the collector; its split took 21–26 ms, 11–19 ms in pieces).
 */
export const SPLIT_PIECE_SIZE = 32 * 1024;

/**
 * The end of a piece of a split that reaches at least to `at`: just after the next blank line, or
 * `to`. What precedes a blank line is whole in the piece: a definition there is complete, and
 * which block a line belongs to depends only on the lines before it.
 */
function pieceEnd(text: string, at: number, to: number, hasCR: boolean): number {
  if (at >= to) return to;
  let line = readLine(text, at, hasCR).next;
  while (line < to) {
    const next = readLine(text, line, hasCR).next;
    if (isBlankLine(text, line, hasCR)) return next < to ? next : to;
    line = next;
  }
  return to;
}

function addLabels(into: { references: Record<string, unknown>; refs: Record<string, unknown> }, env: LabelEnv): void {
  // The first definition of a label is the one that counts, as in a single parse.
  for (const key of Object.keys(env.references ?? {})) if (!(key in into.references)) into.references[key] = true;
  for (const key of Object.keys(env.footnotes?.refs ?? {})) if (!(key in into.refs)) into.refs[key] = true;
}

/**
 * chunkStarts(text, from, to) read piece by piece (see SPLIT_PIECE_SIZE): each piece's chunks are
 * kept but its last, which may go on past the piece, and the next piece is parsed from where that
 * last chunk starts — a chunk start, so it parses alone as in the whole (the chunk contract). A
 * piece with no second chunk is read again eight times as long: a block longer than a piece (a fence
 * or a list of a whole document) costs at most a seventh more than one parse. Labels are collected
 * in document order.
 */
function chunkStartsInPieces(text: string, from: number, to: number, hasCR: boolean, pieceSize: number): { starts: number[]; env: LabelEnv } {
  const starts: number[] = [];
  const labels = { references: {} as Record<string, unknown>, refs: {} as Record<string, unknown> };
  let start = from;
  let size = pieceSize;
  for (;;) {
    const end = pieceEnd(text, start + size, to, hasCR);
    const piece = chunkStarts(text, start, end, hasCR);
    if (end < to && piece.starts.length < 2) {
      size *= 8;
      continue;
    }
    const kept = end < to ? piece.starts.length - 1 : piece.starts.length;
    for (let k = 0; k < kept; k++) starts.push(piece.starts[k]!);
    addLabels(labels, piece.env);
    if (end >= to) return { starts, env: { references: labels.references, footnotes: { refs: labels.refs } } };
    start = piece.starts[kept]!;
    size = pieceSize;
  }
}

/** `pieceSize` is for tests, which make it small to cut their short documents into many pieces. */
export function splitChunks(text: string, pieceSize = SPLIT_PIECE_SIZE): ChunkedDocument {
  const hasCR = text.indexOf('\r') >= 0;
  const fmEnd = frontMatterEnd(text, hasCR);
  const frontMatter = fmEnd > 0 ? { start: 0, end: fmEnd } : null;
  const { starts, env } = chunkStartsInPieces(text, frontMatter ? fmEnd : 0, text.length, hasCR, pieceSize);
  return { frontMatter, chunks: chunksFrom(starts, text.length, (start) => isBlankTail(text, start)), labels: labelsOf(env) };
}

/**
 * What a split reads of a document: a string, or a text kept in pieces (see PieceText) that gives
 * out only the slices asked for, so that an edit need not make the whole document one string.
 */
export interface DocumentText {
  readonly length: number;
  slice(from: number, to?: number): string;
  toString(): string;
}

/**
 * Where a text differs from the one split before it, when the caller knows (from the edits it
 * applied): [start, oldEnd) of the old text became [start, newEnd) of the new. A larger range than
 * the edits' is fine.
 */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * A split kept for the next edit: what it was made from, and the labels each chunk defines (null
 * until an edit needs them).
 */
export interface ChunkSplit {
  /** The text split, when it was given as a string: the next text is compared with it to find the edit. */
  text: string | null;
  length: number;
  /** Whether the text may hold a CR (then lines also end at CR): always true when it does. */
  hasCR: boolean;
  /** Whether the first line may open front matter: an edit then splits the whole text again. */
  opensWithDashes: boolean;
  doc: ChunkedDocument;
  chunkLabels: DocumentLabels[] | null;
  /**
   * For each chunk, the index of the previous split's chunk with the same text (moved by the edit
   * when it comes after it), or -1 for a chunk parsed again; null after a whole split. Lets a
   * caller reuse what it keeps per chunk without comparing chunk texts.
   */
  previousIndex: Int32Array | null;
}

const NO_LABELS: DocumentLabels = { footnotes: [], references: [] };

/** The labels a chunk defines, parsed alone (the chunk contract: it parses the same alone). */
function chunkLabels(source: string): DocumentLabels {
  // Every footnote and reference definition has "]:" ("[^id]: …", "[label]: url").
  if (source.indexOf(']:') < 0) return NO_LABELS;
  const env: LabelEnv = {};
  const md = markdownParser();
  md.block.parse(normalized(source), md, env, []);
  return labelsOf(env);
}

/**
 * splitChunks(text), reusing the split of the previous text outside the edited region: only the
 * chunks around the edit are parsed again (with one chunk before, which the edit may join, and one
 * after, which shows that the chunks after the edit still start where they did). Returns exactly
 * what splitChunks(text) returns; falls back to it when the edit reaches the front matter or the
 * boundary after the edit moved. The edit is `change` when given, else found by comparing two
 * strings (without both, the text is split whole).
 */
export function resplitChunks(previous: ChunkSplit | null, text: DocumentText, change?: TextChange): ChunkSplit {
  const flat = typeof text === 'string' ? text : null;
  if (previous && ((flat !== null && previous.text === flat) || (change && change.start === change.oldEnd && change.start === change.newEnd && previous.length === text.length))) return previous;
  const edited = previous && editedRegion(previous, flat, change);
  const around = previous && edited && splitAround(previous, text, edited);
  if (!previous || !around) {
    // A whole parse finds the labels itself; the labels of each chunk are looked for at the next edit.
    const whole = text.toString();
    return { text: whole, length: whole.length, hasCR: whole.indexOf('\r') >= 0, opensWithDashes: whole.startsWith('---'), doc: splitChunks(whole), chunkLabels: null, previousIndex: null };
  }
  // The document's definitions in order, the first of each label (as a whole parse finds them).
  const footnotes = new Set<string>();
  const references = new Set<string>();
  for (const labels of around.chunkLabels) {
    for (const label of labels.footnotes) footnotes.add(label);
    for (const label of labels.references) references.add(label);
  }
  return {
    text: flat,
    length: text.length,
    hasCR: around.hasCR,
    // An edit before the end of front matter, or one that could open it, splits the whole text.
    opensWithDashes: previous.opensWithDashes,
    doc: { ...around.doc, labels: { footnotes: [...footnotes], references: [...references] } },
    chunkLabels: around.chunkLabels,
    previousIndex: around.previousIndex,
  };
}

/** The first old chunk in [from, to) whose start, moved by `delta`, is among the new `starts` (ascending), or -1. */
function firstStillStarting(chunks: readonly Chunk[], from: number, to: number, delta: number, starts: readonly number[]): number {
  let s = 0;
  for (let j = from; j < to; j++) {
    const start = chunks[j]!.start + delta;
    while (s < starts.length && starts[s]! < start) s++;
    if (s < starts.length && starts[s] === start) return j;
  }
  return -1;
}

/** How much of the old text is unchanged at its start (prefix) and end (suffix), or null if unknown. */
function editedRegion(previous: ChunkSplit, text: string | null, change: TextChange | undefined): { prefix: number; suffix: number } | null {
  if (change) return { prefix: change.start, suffix: previous.length - change.oldEnd };
  if (previous.text === null || text === null) return null;
  const prefix = commonPrefix(previous.text, text);
  return { prefix, suffix: commonSuffix(previous.text, text, Math.min(previous.text.length, text.length) - prefix) };
}

/** Compared a block at a time first (string equality is a native compare), then one unit at a time. */
const COMPARE_BLOCK = 1024;

function commonPrefix(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let n = 0;
  while (n + COMPARE_BLOCK <= shorter && a.slice(n, n + COMPARE_BLOCK) === b.slice(n, n + COMPARE_BLOCK)) n += COMPARE_BLOCK;
  while (n < shorter && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** The length of the common end of a and b, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + COMPARE_BLOCK <= limit && a.slice(a.length - n - COMPARE_BLOCK, a.length - n) === b.slice(b.length - n - COMPARE_BLOCK, b.length - n)) n += COMPARE_BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

interface SplitAround {
  doc: ChunkedDocument;
  chunkLabels: DocumentLabels[];
  previousIndex: Int32Array;
  hasCR: boolean;
}

/**
 * The split of `text` from the previous one and the edited region, reading only the text around
 * the edit (the window: the chunks it touches, one before, and after it as far as the first old
 * chunk that still starts where it did, at least one); null when the whole text must be split again.
 */
function splitAround(previous: ChunkSplit, text: DocumentText, { prefix, suffix }: { prefix: number; suffix: number }): SplitAround | null {
  const chunks = previous.doc.chunks;
  if (!chunks.length) return null;
  const frontMatter = previous.doc.frontMatter;
  // An edit in or before the front matter's end, or a first line that may open one: start over.
  if ((frontMatter && prefix <= frontMatter.end) || (!frontMatter && (previous.opensWithDashes || text.slice(0, 3) === '---'))) return null;
  const oldLength = previous.length;
  const delta = text.length - oldLength;
  // The chunk the edit starts in (or ends), and the one before it, which the edit may join.
  let k = chunks.findIndex((c) => c.end >= prefix);
  if (k < 0) k = chunks.length - 1;
  const first = Math.max(0, k - 1);
  // The first old chunk wholly after the edit: the window runs at least one chunk past it.
  const editEnd = oldLength - suffix;
  let firstAfter = -1;
  for (let j = first + 1; j < chunks.length; j++) if (chunks[j]!.start >= editEnd) { firstAfter = j; break; }
  const windowStart = chunks[first]!.start;
  let windowText = '';
  let windowStarts: number[] = [];
  let hasCR = previous.hasCR;
  // The first old chunk after the edit that still starts a chunk: from there on the old split holds.
  // An edit that joins the chunk after it to its own (text typed on the blank line between them)
  // moves that start, so the window reaches further, four times as far each time, until one holds;
  // once it would reach half the chunks left, it goes to the end (at most 5/3 of the text after the
  // edit is parsed, against the whole document for a new split).
  let after = -1;
  for (let reach = 1; ; reach = reach * 4 >= (chunks.length - firstAfter) / 2 ? chunks.length : reach * 4) {
    const last = firstAfter < 0 ? chunks.length : firstAfter + reach;
    const windowEnd = last < chunks.length ? chunks[last]!.start + delta : text.length;
    windowText = text.slice(windowStart, windowEnd);
    // Outside the window the text is unchanged: a CR anywhere was there before, or is in the window now.
    hasCR = previous.hasCR || windowText.indexOf('\r') >= 0;
    windowStarts = chunkStarts(windowText, 0, windowText.length, hasCR).starts.map((s) => s + windowStart);
    if (firstAfter >= 0) after = firstStillStarting(chunks, firstAfter, Math.min(last, chunks.length), delta, windowStarts);
    if (after >= 0 || last >= chunks.length) break;
  }
  const starts: number[] = [];
  for (let c = 0; c < first; c++) starts.push(chunks[c]!.start);
  const resume = after < 0 ? text.length : chunks[after]!.start + delta;
  for (const s of windowStarts) if (s < resume) starts.push(s);
  const reparsed = starts.length;
  if (after >= 0) for (let c = after; c < chunks.length; c++) starts.push(chunks[c]!.start + delta);
  // The last chunk is either in the window, which then runs to the end, or a previous chunk unchanged (so not blank).
  const doc: ChunkedDocument = { frontMatter, chunks: chunksFrom(starts, text.length, (start) => after < 0 && isBlankTail(windowText, start - windowStart)), labels: NO_LABELS };
  const previousIndex = new Int32Array(doc.chunks.length);
  for (let c = 0; c < previousIndex.length; c++) previousIndex[c] = c < first ? c : c >= reparsed ? c - reparsed + after : -1;
  // Labels: the chunks before and after the window keep theirs (by position); the window's are read.
  const oldLabels = previous.chunkLabels ?? (previous.text !== null ? chunks.map((chunk) => chunkLabels(previous.text!.slice(chunk.start, chunk.end))) : null);
  if (!oldLabels) return null;
  const labels = doc.chunks.map((chunk, c) => (previousIndex[c]! >= 0 ? oldLabels[previousIndex[c]!]! : chunkLabels(windowText.slice(chunk.start - windowStart, chunk.end - windowStart))));
  return { doc, chunkLabels: labels, previousIndex, hasCR };
}
