import type { Token } from 'markdown-it';
import { OPAQUE_CHAR } from '../text/tokens';

/**
 * Walks the inline tokens of one block alongside the block's raw inline source, so that every
 * piece of prose text knows where it came from. markdown-it keeps no offsets for inline tokens;
 * each token's raw extent is recovered from its markup instead.
 */
export interface AlignedInline {
  /** Prose text of the block. */
  text: string;
  /** Flattened pieces: [textStart, rawStart, textLength, rawLength] * n, in text order. */
  pieces: number[];
  /** Footnote references ([^id]): raw range, and the placeholder character in the text. */
  footnoteRefs: Array<{ label: string; rawStart: number; rawEnd: number; textStart: number }>;
}

class RawCursor {
  constructor(readonly raw: string, public pos = 0) {}

  /** Moves past the next occurrence of `needle`, returning where it started, or -1. */
  skipPast(needle: string): number {
    const at = this.raw.indexOf(needle, this.pos);
    if (at < 0) return -1;
    this.pos = at + needle.length;
    return at;
  }

  /** Moves past a balanced [...] starting at the cursor's next '['. */
  skipBracketed(): boolean {
    const open = this.raw.indexOf('[', this.pos);
    if (open < 0) return false;
    let depth = 0;
    for (let i = open; i < this.raw.length; i++) {
      const c = this.raw[i];
      if (c === '\\') { i++; continue; }
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) { this.pos = i + 1; return true; }
    }
    return false;
  }

  /** After a link's text: moves past `](dest "title")`, `][ref]`, `][]` or `]`. */
  skipLinkTail(): boolean {
    const close = this.raw.indexOf(']', this.pos);
    if (close < 0) return false;
    this.pos = close + 1;
    this.skipDestination();
    return true;
  }

  skipDestination(): void {
    const raw = this.raw;
    const c = raw[this.pos];
    if (c === '[') {
      const end = raw.indexOf(']', this.pos);
      if (end >= 0) this.pos = end + 1;
      return;
    }
    if (c !== '(') return;
    let depth = 0;
    let quote = '';
    for (let i = this.pos; i < raw.length; i++) {
      const ch = raw[i]!;
      if (ch === '\\') { i++; continue; }
      if (quote) { if (ch === quote) quote = ''; continue; }
      if (ch === '<') { const gt = raw.indexOf('>', i); if (gt > 0) { i = gt; continue; } }
      if ((ch === '"' || ch === "'") && depth === 1 && /\s/.test(raw[i - 1] ?? '')) { quote = ch; continue; }
      if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) { this.pos = i + 1; return; }
    }
  }

  /** Moves past a code span whose backtick fence is `markup`. */
  skipCodeSpan(markup: string): number {
    const open = this.skipPast(markup);
    if (open < 0) return -1;
    const raw = this.raw;
    let i = this.pos;
    while (i < raw.length) {
      const at = raw.indexOf('`', i);
      if (at < 0) return -1;
      let j = at;
      while (j < raw.length && raw[j] === '`') j++;
      if (j - at === markup.length) { this.pos = j; return open; }
      i = j;
    }
    return -1;
  }
}

/** Finds `text` at or after the cursor, allowing backslash escapes in the raw source (table cells). */
function locateText(cursor: RawCursor, text: string, pieces: number[], textStart: number): boolean {
  const at = cursor.raw.indexOf(text, cursor.pos);
  if (at >= 0) {
    pieces.push(textStart, at, text.length, text.length);
    cursor.pos = at + text.length;
    return true;
  }
  const raw = cursor.raw;
  let i = cursor.pos;
  while (i < raw.length && (raw[i] === ' ' || raw[i] === '\t')) i++;
  let runText = textStart;
  let runRaw = i;
  let k = 0;
  const begin = pieces.length;
  while (k < text.length) {
    if (raw[i] === text[k]) { i++; k++; continue; }
    if (raw[i] === '\\' && raw[i + 1] === text[k]) {
      if (i > runRaw) pieces.push(runText, runRaw, i - runRaw, i - runRaw);
      runText = textStart + k;
      runRaw = i + 1;
      i++;
      continue;
    }
    pieces.length = begin;
    return false;
  }
  if (i > runRaw) pieces.push(runText, runRaw, i - runRaw, i - runRaw);
  cursor.pos = i;
  return true;
}

/** Returns null when the raw source cannot be matched (the block is then left unchecked). */
export function alignInline(raw: string, children: readonly Token[]): AlignedInline | null {
  const cursor = new RawCursor(raw);
  const pieces: number[] = [];
  const footnoteRefs: AlignedInline['footnoteRefs'] = [];
  let text = '';
  let inAutolink = false;
  let autolinkPiece = -1;
  for (const token of children) {
    switch (token.type) {
      case 'text': {
        if (inAutolink) { if (cursor.skipPast(token.content) < 0) return null; break; }
        if (!token.content) break;
        if (!locateText(cursor, token.content, pieces, text.length)) return null;
        text += token.content;
        break;
      }
      case 'text_special': {
        const at = cursor.skipPast(token.markup);
        if (at < 0) return null;
        pieces.push(text.length, at, token.content.length, token.markup.length);
        text += token.content;
        break;
      }
      case 'softbreak':
      case 'hardbreak':
        if (cursor.skipPast('\n') < 0) return null;
        text += ' ';
        break;
      case 'code_inline': {
        const at = cursor.skipCodeSpan(token.markup);
        if (at < 0) return null;
        pieces.push(text.length, at, 1, cursor.pos - at);
        text += OPAQUE_CHAR;
        break;
      }
      case 'html_inline':
        if (cursor.skipPast(token.content) < 0) return null;
        break;
      case 'em_open': case 'em_close': case 'strong_open': case 'strong_close': case 's_open': case 's_close':
        if (cursor.skipPast(token.markup) < 0) return null;
        break;
      case 'link_open':
        if (token.markup === 'autolink' || token.markup === 'linkify') {
          const at = cursor.skipPast('<');
          if (at < 0) return null;
          inAutolink = true;
          autolinkPiece = pieces.length;
          pieces.push(text.length, at, 1, 1);
          text += OPAQUE_CHAR;
        } else if (cursor.skipPast('[') < 0) return null;
        break;
      case 'link_close':
        if (inAutolink) {
          inAutolink = false;
          if (cursor.skipPast('>') < 0) return null;
          pieces[autolinkPiece + 3] = cursor.pos - pieces[autolinkPiece + 1]!;
        } else if (!cursor.skipLinkTail()) return null;
        break;
      case 'image': {
        const at = cursor.skipPast('![');
        if (at < 0) return null;
        cursor.pos = at + 1;
        if (!cursor.skipBracketed()) return null;
        cursor.skipDestination();
        break;
      }
      case 'footnote_ref': {
        const at = cursor.skipPast('[^');
        if (at < 0) return null;
        const end = cursor.raw.indexOf(']', cursor.pos);
        if (end < 0) return null;
        cursor.pos = end + 1;
        const label = String((token.meta as { label?: string } | null)?.label ?? raw.slice(at + 2, end));
        footnoteRefs.push({ label, rawStart: at, rawEnd: end + 1, textStart: text.length });
        pieces.push(text.length, at, 1, end + 1 - at);
        text += OPAQUE_CHAR;
        break;
      }
      default:
        // Tokens without source text of their own (footnote anchors) need no alignment.
        break;
    }
  }
  return { text, pieces, footnoteRefs };
}
