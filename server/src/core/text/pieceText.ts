/**
 * A text kept as a list of pieces (slices of earlier texts and the strings typed into them), so that
 * an edit costs the pieces it touches, not the whole text. A JavaScript string edit copies the
 * whole document, and V8 puts a string of more than 128 KB (64 K characters of two-byte text, which
 * one curly quote makes it) in fresh pages every time: ~1 ms per 100 K characters on these machines,
 * at every keystroke. The whole string is made only when asked for, and then kept.
 */

import { lastAtOrBefore } from './search';

/** Pieces shorter than this are joined with a typed neighbour: typing in one place keeps one piece. */
const SMALL_PIECE = 4096;
/** Edits in very many places: past this many pieces the text is joined into one again. */
const MAX_PIECES = 512;

export class PieceText {
  private pieces: string[];
  /** Where each piece starts in the text. */
  private starts: number[];
  private whole: string | null;
  private size: number;

  constructor(text: string) {
    this.pieces = [text];
    this.starts = [0];
    this.whole = text;
    this.size = text.length;
  }

  get length(): number {
    return this.size;
  }

  /** The whole text, joined once and kept until the next edit. */
  toString(): string {
    if (this.whole === null) {
      this.whole = this.pieces.join('');
      this.pieces = [this.whole];
      this.starts = [0];
    }
    return this.whole;
  }

  /** Like String.prototype.slice with non-negative offsets; copies only what the range covers. */
  slice(from: number, to: number = this.size): string {
    from = Math.max(0, Math.min(from, this.size));
    to = Math.max(from, Math.min(to, this.size));
    if (this.whole !== null) return this.whole.slice(from, to);
    let p = this.pieceAt(from);
    const start = this.starts[p]!;
    const piece = this.pieces[p]!;
    if (to - start <= piece.length) return piece.slice(from - start, to - start);
    const parts = [piece.slice(from - start)];
    for (p++; p < this.pieces.length && this.starts[p]! < to; p++) parts.push(this.pieces[p]!.slice(0, to - this.starts[p]!));
    return parts.join('');
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text (as String.prototype.charCodeAt). */
  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.size) return NaN;
    if (this.whole !== null) return this.whole.charCodeAt(offset);
    const p = this.pieceAt(offset);
    return this.pieces[p]!.charCodeAt(offset - this.starts[p]!);
  }

  /** Replaces text[start, end) with `text`. */
  replace(start: number, end: number, text: string): void {
    start = Math.max(0, Math.min(start, this.size));
    end = Math.max(start, Math.min(end, this.size));
    if (start === end && !text) return;
    const first = this.pieceAt(start);
    // The last piece the range touches (an empty range at a piece's start touches the piece before).
    const last = end > start ? this.pieceAt(end - 1) : first;
    const before = this.pieces[first]!.slice(0, start - this.starts[first]!);
    const after = this.pieces[last]!.slice(end - this.starts[last]!);
    const replacement = [before, text, after].filter((s) => s.length > 0);
    this.pieces.splice(first, last - first + 1, ...replacement);
    this.size += text.length - (end - start);
    this.whole = null;
    this.mergeAround(first, replacement.length);
    if (this.pieces.length > MAX_PIECES) this.toString();
    else this.reindex();
  }

  /** The index of the piece holding `offset` (the last piece for the text's end). */
  private pieceAt(offset: number): number {
    return lastAtOrBefore(this.pieces.length, (i) => this.starts[i]!, offset);
  }

  /** Joins the pieces around an edit with small neighbours, so that typing in one place adds none. */
  private mergeAround(first: number, count: number): void {
    const from = Math.max(0, first - 1);
    const to = Math.min(this.pieces.length, first + count + 1);
    const merged = joinSmall(this.pieces.slice(from, to));
    this.pieces.splice(from, to - from, ...merged);
    if (!this.pieces.length) this.pieces.push('');
  }

  private reindex(): void {
    const starts = new Array<number>(this.pieces.length);
    let at = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      starts[i] = at;
      at += this.pieces[i]!.length;
    }
    this.starts = starts;
  }
}

/** Neighbouring pieces joined while the join stays small (a large piece is never copied). */
function joinSmall(pieces: readonly string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.length + piece.length <= SMALL_PIECE) out[out.length - 1] = previous + piece;
    else out.push(piece);
  }
  return out;
}
