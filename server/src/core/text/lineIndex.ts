import { lastAtOrBefore } from './search';

/** Offsets <-> zero-based line and UTF-16 character, with LSP's line ends (\n, \r\n, \r). */
export interface Position {
  line: number;
  character: number;
}

/** What maps offsets to positions and back: a LineIndex, or an LSP TextDocument (which keeps its own). */
export interface PositionMapper {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** Where the lines after each line break of `text` start, counted from `base` (the first line's start is not among them). */
export function lineStartsAfterBreaks(text: string, base = 0): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(base + i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(base + i + 1);
    }
  }
  return starts;
}

export class LineIndex implements PositionMapper {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = [0, ...lineStartsAfterBreaks(text)];
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    const line = lastAtOrBefore(starts.length, (i) => starts[i]!, clamped);
    return { line, character: clamped - starts[line]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
    // A character past the line's end stays on the line, before its terminator.
    let end = next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13) && position.line + 1 < this.starts.length) end--;
    return Math.min(start + Math.max(0, position.character), end);
  }
}
