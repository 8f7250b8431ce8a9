/** Text comparison that ignores how whitespace is laid out: a quote may be wrapped differently. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
