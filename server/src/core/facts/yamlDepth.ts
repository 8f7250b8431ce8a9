import type { CST } from 'yaml';

/** Far deeper than any fact base nests (about five levels), far shallower than what exhausts the stack. */
export const MAX_YAML_DEPTH = 64;

/**
 * The first collection nested deeper than `limit`, found on yaml's concrete syntax tree. The yaml
 * library builds that tree without recursion but composes documents recursively: thousands of
 * nested collections overflow the stack there, and after such an overflow V8 may abort the whole
 * process. Measuring first, with an explicit stack, keeps a hostile file from ever getting there.
 */
export function tooDeepAt(documents: Iterable<CST.Token>, limit = MAX_YAML_DEPTH): number | null {
  const stack: Array<{ token: CST.Token; depth: number }> = [];
  for (const token of documents) stack.push({ token, depth: 0 });
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (depth > limit) return token.offset;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        if (item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return null;
}
