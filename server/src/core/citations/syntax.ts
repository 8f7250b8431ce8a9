/**
 * Citation markers in prose: Pandoc citations ([@key], [@key, para. 4], [see @a, p. 3; @b], in-text
 * @key) and footnote references ([^id]). A single linear scan; offsets are in the prose text.
 */

export interface Locator {
  kind: 'paragraph' | 'page' | 'other';
  /** First and last number cited (a range "4–5" or a single "4"). */
  from: number;
  to: number;
  /** Where the numbers are written (for a fix that changes them). */
  start: number;
  end: number;
}

export interface CitedKey {
  key: string;
  /** The key, without its @. */
  start: number;
  end: number;
  locator: Locator | null;
}

export interface Citation {
  kind: 'pandoc' | 'intext' | 'footnote';
  start: number;
  end: number;
  keys: CitedKey[];
  /** Footnote label ([^label]). */
  label?: string;
}

const KEY_INTERNAL = /[A-Za-z0-9_:.#$%&+?<>~/-]/;

function isKeyStart(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_]/.test(ch);
}

/** Reads a citation key at `i` (after the @); trailing punctuation is not part of it. */
function readKey(text: string, i: number): number {
  let j = i;
  while (j < text.length && KEY_INTERNAL.test(text[j]!)) j++;
  while (j > i && /[.:?#$%&+<>~/-]/.test(text[j - 1]!)) j--;
  return j;
}

const LOCATOR_WORDS: Array<{ re: RegExp; kind: Locator['kind'] }> = [
  { re: /^(?:paragraphs?|paras?\.?|¶¶?|§§?)\s*/i, kind: 'paragraph' },
  { re: /^(?:pages?|pp?\.)\s*/i, kind: 'page' },
];

/** "para. 4", "paras. 4–5", "¶ 4", "p. 3": the first locator in a citation's suffix. */
export function parseLocator(text: string, from: number, to: number): Locator | null {
  const suffix = text.slice(from, to);
  for (let k = 0; k < suffix.length; k++) {
    if (k > 0 && /[A-Za-z¶§]/.test(suffix[k - 1]!) && /[A-Za-z]/.test(suffix[k]!)) continue;
    const rest = suffix.slice(k, k + 40);
    for (const { re, kind } of LOCATOR_WORDS) {
      const m = re.exec(rest);
      if (!m) continue;
      const numbers = /^(\d{1,5})(?:\s*[-–—]\s*(\d{1,5}))?/.exec(rest.slice(m[0].length));
      if (!numbers) continue;
      const start = from + k + m[0].length;
      const first = Number(numbers[1]);
      return { kind, from: first, to: numbers[2] ? Number(numbers[2]) : first, start, end: start + numbers[0].length };
    }
  }
  return null;
}

function parseBracketed(text: string, open: number, close: number): CitedKey[] | null {
  const keys: CitedKey[] = [];
  let itemStart = open + 1;
  for (let i = open + 1; i <= close; i++) {
    if (i < close && text[i] !== ';') continue;
    // One item: prefix @key, suffix
    let at = -1;
    for (let k = itemStart; k < i; k++) {
      if (text[k] === '@' && (k === itemStart || /[\s\-[(]/.test(text[k - 1]!)) && isKeyStart(text[k + 1])) { at = k; break; }
    }
    if (at < 0) return null;
    const keyEnd = readKey(text, at + 1);
    keys.push({ key: text.slice(at + 1, keyEnd), start: at + 1, end: keyEnd, locator: parseLocator(text, keyEnd, i) });
    itemStart = i + 1;
  }
  return keys.length ? keys : null;
}

/** The "]" closing a footnote label that starts at `from`, or -1: labels are short and hold no space or "[". */
function footnoteLabelEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 200);
  for (let j = from; j < limit; j++) {
    const ch = text[j]!;
    if (ch === ']') return j;
    if (ch === '[' || /\s/.test(ch)) return -1;
  }
  return -1;
}

export function findCitations(text: string, footnoteRefs: ReadonlyArray<{ label: string; start: number; end: number }> = []): Citation[] {
  const citations: Citation[] = [];
  // Most prose cites nothing: no "@" and no "[^" means no marker to look for.
  if (text.indexOf('@') < 0 && text.indexOf('[^') < 0) {
    return footnoteRefs.map((ref) => ({ kind: 'footnote', start: ref.start, end: ref.end, keys: [], label: ref.label }));
  }
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '[' && text[i + 1] === '^') {
      // A footnote reference without a definition stays literal text in Markdown: still a citation marker.
      const close = footnoteLabelEnd(text, i + 2);
      if (close > i + 2 && text[close + 1] !== ':') {
        citations.push({ kind: 'footnote', start: i, end: close + 1, keys: [], label: text.slice(i + 2, close) });
        i = close + 1;
        continue;
      }
    } else if (ch === '[') {
      // The closing bracket, with no nested bracket in between and within a sane length.
      let close = -1;
      for (let j = i + 1; j < text.length && j < i + 500; j++) {
        if (text[j] === '[') break;
        if (text[j] === ']') { close = j; break; }
      }
      if (close > 0 && text.slice(i, close).includes('@')) {
        const keys = parseBracketed(text, i, close);
        if (keys) {
          citations.push({ kind: 'pandoc', start: i, end: close + 1, keys });
          i = close + 1;
          continue;
        }
      }
    } else if ((ch === 'h' || ch === 'w') && /^(?:https?:\/\/|www\.)/i.test(text.slice(i, i + 8)) && (i === 0 || /[\s(<]/.test(text[i - 1]!))) {
      // A bare address (https://medium.com/@analyst/…) is not a citation.
      while (i < text.length && !/\s/.test(text[i]!)) i++;
      continue;
    } else if (ch === '@' && isKeyStart(text[i + 1]) && (i === 0 || !/[A-Za-z0-9_./]/.test(text[i - 1]!))) {
      const keyEnd = readKey(text, i + 1);
      const key: CitedKey = { key: text.slice(i + 1, keyEnd), start: i + 1, end: keyEnd, locator: null };
      let end = keyEnd;
      // @key [para. 4], and "@key, para. 4" as footnotes write it
      const after = /^ ?\[([^\]@]{1,60})\]|^, ?(?:paragraphs?|paras?\.?|¶¶?|pages?|pp?\.) ?\d{1,5}(?: ?[-–—] ?\d{1,5})?/i.exec(text.slice(keyEnd, keyEnd + 64));
      if (after) {
        const locator = parseLocator(text, keyEnd, keyEnd + after[0].length);
        if (locator) { key.locator = locator; end = keyEnd + after[0].length; }
      }
      citations.push({ kind: 'intext', start: i, end, keys: [key] });
      i = end;
      continue;
    }
    i++;
  }
  for (const ref of footnoteRefs) citations.push({ kind: 'footnote', start: ref.start, end: ref.end, keys: [], label: ref.label });
  return citations.sort((a, b) => a.start - b.start);
}
