import { TokenKind, type Token } from '../text/tokens';

/**
 * Pandoc citations ([@key, para. 4], [see @a; @b], @key) are references, not claims: their
 * numbers are locators and their dots are not sentence ends. They become opaque tokens.
 */
export function maskCitations(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === TokenKind.Punct && t.text === '[') {
      let close = -1;
      let hasKey = false;
      for (let j = i + 1; j < tokens.length && j < i + 64; j++) {
        const u = tokens[j]!;
        if (u.text === '[') break;
        if (u.text === '@' && u.kind === TokenKind.Symbol) hasKey = true;
        if (u.text === ']') { close = j; break; }
      }
      if (close > 0 && hasKey) {
        for (let j = i; j <= close; j++) tokens[j] = { ...tokens[j]!, kind: TokenKind.Opaque, norm: '' };
        i = close;
      }
    } else if (t.text === '@' && t.kind === TokenKind.Symbol) {
      const key = tokens[i + 1];
      if (key && !key.spaced && (key.kind === TokenKind.Word || key.kind === TokenKind.Number)) {
        tokens[i] = { ...t, kind: TokenKind.Opaque, norm: '' };
        let j = i + 1;
        // keys may contain digits and : . - _ (frassineti2022, doe:2020)
        while (j < tokens.length && !tokens[j]!.spaced && tokens[j]!.text !== ',' && tokens[j]!.text !== ';' && tokens[j]!.text !== ']' && !(tokens[j]!.text === '.' && (tokens[j + 1] === undefined || tokens[j + 1]!.spaced))) {
          tokens[j] = { ...tokens[j]!, kind: TokenKind.Opaque, norm: '' };
          j++;
        }
        i = j - 1;
      }
    }
  }
}
