import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core/markdown/chunks';
import { lineStartsAfterBreaks } from '../core/text/lineIndex';
import { PieceText } from '../core/text/pieceText';
import { lastAtOrBefore } from '../core/text/search';

const LF = 10;
const CR = 13;

/** The line holding `offset`: the last line start at or before it. */
function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  return lastAtOrBefore(lineStarts.length, (i) => lineStarts[i]!, offset);
}

/**
 * An open document for the language server: the TextDocument of vscode-languageserver-textdocument
 * (same positions, same line table), with its text kept as a PieceText, so that an edit does not
 * rebuild the whole document as one string (see PieceText), and with the region changed since the
 * last check, so that the check reads only the text around the edits.
 */
export class PieceDocument implements TextDocument {
  readonly text: PieceText;
  private lineOffsets: number[] | null = null;
  /** Unchanged lengths at the start and the end of the text since the last check (Infinity: none changed). */
  private unchangedStart = Number.POSITIVE_INFINITY;
  private unchangedEnd = Number.POSITIVE_INFINITY;
  /** The text's length at the last check; null when a whole-text replacement made the change unknown. */
  private checkedLength: number | null;

  constructor(readonly uri: string, readonly languageId: string, private currentVersion: number, content: string) {
    this.text = new PieceText(content);
    this.checkedLength = content.length;
  }

  static create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, content);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  getText(range?: Range): string {
    if (!range) return this.text.toString();
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) this.replaceRange(change.range, change.text);
      else this.replaceAll(change.text);
    }
    this.currentVersion = version;
  }

  /**
   * Where the text differs from the one of the last call (a range that covers every edit since),
   * undefined when unknown; the next call starts from the text as it is now.
   */
  takeChange(): TextChange | undefined {
    const oldLength = this.checkedLength;
    const length = this.text.length;
    this.checkedLength = length;
    const unchangedStart = this.unchangedStart;
    const unchangedEnd = this.unchangedEnd;
    this.unchangedStart = this.unchangedEnd = Number.POSITIVE_INFINITY;
    if (oldLength === null) return undefined;
    const start = Math.min(unchangedStart, oldLength, length);
    const end = Math.min(unchangedEnd, oldLength - start, length - start);
    return { start, oldEnd: oldLength - end, newEnd: length - end };
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const lines = this.lines();
    const line = lineIndexAt(lines, offset);
    return { line, character: this.beforeLineBreak(offset, lines[line]!) - lines[line]! };
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineOffset = lines[position.line]!;
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lines.length ? lines[position.line + 1]! : this.text.length;
    return this.beforeLineBreak(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - lines[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const next = line + 1 < lines.length ? lines[line + 1]! : this.text.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, lines[line]!) - lines[line]! } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lines();
    if (line < 0 || line >= lines.length) return '';
    const next = line + 1 < lines.length ? lines[line + 1]! : this.text.length;
    return this.text.slice(this.beforeLineBreak(next, lines[line]!), next);
  }

  /** A position never falls inside or after a line's break: it moves back to the end of the line's text. */
  private beforeLineBreak(offset: number, lineOffset: number): number {
    while (offset > lineOffset) {
      const c = this.text.charCodeAt(offset - 1);
      if (c !== CR && c !== LF) break;
      offset--;
    }
    return offset;
  }

  private lines(): number[] {
    this.lineOffsets ??= [0, ...lineStartsAfterBreaks(this.text.toString())];
    return this.lineOffsets;
  }

  private replaceAll(text: string): void {
    this.text.replace(0, this.text.length, text);
    this.lineOffsets = null;
    this.checkedLength = null;
  }

  private replaceRange(range: Range, text: string): void {
    // The range may come in either order.
    const lines = this.lines();
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    const start = Math.min(a, b);
    const end = Math.max(a, b);
    const length = this.text.length;
    this.unchangedStart = Math.min(this.unchangedStart, start);
    this.unchangedEnd = Math.min(this.unchangedEnd, length - end);
    this.text.replace(start, end, text);
    // A CR before the edit and a LF after it (or in it) may now make one line break: count the lines again.
    const joinsBreak = (at: number) => this.text.charCodeAt(at - 1) === CR && this.text.charCodeAt(at) === LF;
    if (joinsBreak(start) || joinsBreak(start + text.length)) {
      this.lineOffsets = null;
      return;
    }
    const added = lineStartsAfterBreaks(text, start);
    // A paste of very many lines: counted again from the text rather than spread into splice's arguments.
    if (added.length > 10000) {
      this.lineOffsets = null;
      return;
    }
    const startLine = lineIndexAt(lines, start);
    lines.splice(startLine + 1, lineIndexAt(lines, end) - startLine, ...added);
    const delta = text.length - (end - start);
    if (delta !== 0) for (let i = startLine + 1 + added.length; i < lines.length; i++) lines[i]! += delta;
  }
}
