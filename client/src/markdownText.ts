/**
 * Text from fact bases (claims, quotes, references) shown in a MarkdownString: every ASCII
 * punctuation character is escaped (CommonMark allows it), control characters dropped and
 * whitespace collapsed, so data can neither format, link, nor break out of a block quote.
 * Unlike MarkdownString.appendText it keeps ordinary spaces, so long quotes still wrap.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);
}
