import type { Token } from 'markdown-it';
import { chunkEnv, markdownParser, parserEnv, type DocumentLabels } from './parser';
import { alignInline } from './inlineAlign';
import { CELL_SEPARATOR } from '../text/tokens';

export type ProseKind = 'paragraph' | 'heading' | 'tableRow';

/** A run of prose whose every character maps back to the Markdown source. */
export interface ProseBlock {
  kind: ProseKind;
  /** The prose: inline code and other non-prose as U+FFFC, line breaks as spaces. */
  text: string;
  /** Flattened pieces: [textStart, sourceStart, textLength, sourceLength] * n, in text order. */
  pieces: number[];
  /** Words that qualify the block without being claims of its own (a table's header row). */
  context: string;
  /** The label of the footnote definition this block belongs to, if any. */
  footnote: string | null;
  /** Footnote references ([^id]), each standing in the text as one placeholder character. */
  footnoteRefs: Array<{ label: string; textStart: number }>;
}

interface SourceLines {
  starts: number[];
  ends: number[];
}

function sourceLines(text: string): SourceLines {
  const starts: number[] = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** Where each line of a block's inline content starts in the source, or null if it cannot be found. */
function contentLineOffsets(source: string, lines: SourceLines, firstLine: number, content: string): { contentStarts: number[]; sourceStarts: number[] } | null {
  const contentStarts: number[] = [];
  const sourceStarts: number[] = [];
  let at = 0;
  let k = 0;
  while (at <= content.length) {
    const nl = content.indexOf('\n', at);
    const end = nl < 0 ? content.length : nl;
    const piece = content.slice(at, end);
    const lineNo = firstLine + k;
    if (lineNo >= lines.starts.length) return null;
    const lineText = source.slice(lines.starts[lineNo], lines.ends[lineNo]);
    const trimmed = lineText.trimEnd();
    let offset: number;
    if (trimmed.endsWith(piece)) offset = trimmed.length - piece.length;
    else if (lineText.endsWith(piece)) offset = lineText.length - piece.length;
    else {
      offset = lineText.indexOf(piece.trimStart());
      if (offset < 0) return null;
      offset -= piece.length - piece.trimStart().length;
      if (offset < 0) return null;
    }
    contentStarts.push(at);
    sourceStarts.push(lines.starts[lineNo]! + offset);
    if (nl < 0) break;
    at = nl + 1;
    k++;
  }
  return { contentStarts, sourceStarts };
}

function toSource(offsets: { contentStarts: number[]; sourceStarts: number[] }, contentOffset: number): number {
  const { contentStarts, sourceStarts } = offsets;
  let lo = 0;
  let hi = contentStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (contentStarts[mid]! <= contentOffset) lo = mid;
    else hi = mid - 1;
  }
  return sourceStarts[lo]! + (contentOffset - contentStarts[lo]!);
}

function blockFromInline(source: string, lines: SourceLines, token: Token, kind: ProseKind, footnote: string | null): ProseBlock | null {
  if (!token.map || !token.children) return null;
  const offsets = contentLineOffsets(source, lines, token.map[0], token.content);
  if (!offsets) return null;
  const aligned = alignInline(token.content, token.children);
  if (!aligned) return null;
  const pieces = aligned.pieces;
  for (let i = 0; i < pieces.length; i += 4) {
    const rawStart = pieces[i + 1]!;
    const rawEnd = rawStart + pieces[i + 3]!;
    const start = toSource(offsets, rawStart);
    pieces[i + 1] = start;
    pieces[i + 3] = toSource(offsets, rawEnd) - start;
  }
  const footnoteRefs = aligned.footnoteRefs.map((ref) => ({ label: ref.label, textStart: ref.textStart }));
  return { kind, text: aligned.text, pieces, context: '', footnote, footnoteRefs };
}

/** The raw text of each cell of a table row line, split at unescaped pipes. */
function tableCells(line: string): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === '|') i++;
  let cellStart = i;
  for (; i <= line.length; i++) {
    const c = line[i];
    if (c === '\\') { i++; continue; }
    if (c === '|' || i === line.length) {
      let s = cellStart;
      let e = i;
      while (s < e && (line[s] === ' ' || line[s] === '\t')) s++;
      while (e > s && (line[e - 1] === ' ' || line[e - 1] === '\t')) e--;
      if (i < line.length || s < e) cells.push({ start: s, end: e });
      cellStart = i + 1;
    }
  }
  return cells;
}

function blockFromTableRow(source: string, lines: SourceLines, lineNo: number, cellTokens: Token[], context: string): ProseBlock | null {
  const lineStart = lines.starts[lineNo];
  if (lineStart === undefined) return null;
  const line = source.slice(lineStart, lines.ends[lineNo]);
  const cells = tableCells(line);
  let text = '';
  const pieces: number[] = [];
  for (let c = 0; c < cellTokens.length && c < cells.length; c++) {
    const cell = cells[c]!;
    const aligned = alignInline(line.slice(cell.start, cell.end), cellTokens[c]!.children ?? []);
    if (!aligned) return null;
    if (text.length) text += ` ${CELL_SEPARATOR} `;
    const base = text.length;
    for (let i = 0; i < aligned.pieces.length; i += 4) {
      pieces.push(aligned.pieces[i]! + base, aligned.pieces[i + 1]! + lineStart + cell.start, aligned.pieces[i + 2]!, aligned.pieces[i + 3]!);
    }
    text += aligned.text;
  }
  return { kind: 'tableRow', text, pieces, context, footnote: null, footnoteRefs: [] };
}

const NO_LABELS: DocumentLabels = { footnotes: [], references: [] };

/** Extracts the checkable prose of a Markdown chunk; offsets are relative to `source`. */
/**
 * `env` carries the labels defined elsewhere in the document (see parserEnv); build it once per
 * document and pass it to every chunk, it is not worth rebuilding per chunk.
 */
export function extractProse(source: string, labels: DocumentLabels = NO_LABELS, env: Record<string, unknown> = parserEnv(labels)): ProseBlock[] {
  const tokens = markdownParser().parse(source, chunkEnv(env));
  const lines = sourceLines(source);
  const blocks: ProseBlock[] = [];
  let footnote: string | null = null;
  let headingOpen = false;
  let rowLine = -1;
  let rowCells: Token[] = [];
  let inHead = false;
  let header = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'footnote_reference_open':
        footnote = String((token.meta as { label?: string } | null)?.label ?? '');
        break;
      case 'footnote_reference_close':
        footnote = null;
        break;
      case 'heading_open':
        headingOpen = true;
        break;
      case 'heading_close':
        headingOpen = false;
        break;
      case 'thead_open':
        inHead = true;
        header = '';
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'table_close':
        header = '';
        break;
      case 'tr_open':
        rowLine = token.map ? token.map[0] : -1;
        rowCells = [];
        break;
      case 'tr_close': {
        if (rowLine >= 0) {
          const block = blockFromTableRow(source, lines, rowLine, rowCells, inHead ? '' : header);
          if (block) {
            blocks.push(block);
            if (inHead) header = block.text;
          }
        }
        rowLine = -1;
        break;
      }
      case 'inline': {
        if (rowLine >= 0) { rowCells.push(token); break; }
        const block = blockFromInline(source, lines, token, headingOpen ? 'heading' : 'paragraph', footnote);
        if (block && block.text.trim()) blocks.push(block);
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/**
 * Maps an offset in a block's text to the source. At the border of two pieces (where markup such
 * as "**" sits between them) an end offset stays with the piece before and a start offset goes to
 * the piece after, so that a range never takes in the markup around it.
 */
export function textToSource(block: ProseBlock, offset: number, side: 'start' | 'end'): number {
  const p = block.pieces;
  const count = p.length / 4;
  if (count === 0) return 0;
  // The last piece starting at (start side) or before (end side) the offset.
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const textStart = p[mid * 4]!;
    if (side === 'start' ? textStart <= offset : textStart < offset) { found = mid; lo = mid + 1; }
    else hi = mid - 1;
  }
  if (found < 0) return p[1]!;
  const i = found * 4;
  const textStart = p[i]!;
  const sourceStart = p[i + 1]!;
  const textLength = p[i + 2]!;
  const sourceLength = p[i + 3]!;
  const inside = side === 'start' ? offset < textStart + textLength : offset <= textStart + textLength;
  if (inside) {
    if (textLength === sourceLength) return sourceStart + (offset - textStart);
    // A piece whose text differs from its source (an escape, an entity, inline code) maps as a whole.
    return side === 'end' && offset > textStart ? sourceStart + sourceLength : sourceStart;
  }
  // In a gap between pieces (a line break): the end side stays on this piece, the start side moves on.
  if (side === 'end') return sourceStart + sourceLength;
  return found + 1 < count ? p[i + 5]! : sourceStart + sourceLength;
}
