import type { Citation } from '../citations/syntax';
import { OPAQUE_CHAR, TokenKind, type Token } from '../text/tokens';

/**
 * Citation markers are references, not claims: their numbers are locators and their dots are not
 * sentence ends. Their tokens become opaque, flagged as citations.
 */
export function maskCitations(tokens: readonly Token[], citations: readonly Citation[]): void {
  if (!citations.length) return;
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (c < citations.length && citations[c]!.end <= t.start) c++;
    const citation = citations[c];
    if (!citation) break;
    if (t.start >= citation.start && t.end <= citation.end) {
      // In place: the tokens are the caller's own, fresh from tokenize, and keep their one shape.
      t.kind = TokenKind.Opaque;
      t.norm = OPAQUE_CHAR;
      t.capitalized = false;
      t.citation = true;
    }
  }
}
