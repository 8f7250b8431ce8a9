import { markdownParser, type DocumentLabels } from './parser';

/** The same labels in the same order (as a split gives them): the cheap test made on every check. */
export function sameLabels(a: DocumentLabels, b: DocumentLabels): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((label, i) => label === y[i]);
  return same(a.footnotes, b.footnotes) && same(a.references, b.references);
}

/** The labels defined in one of two label sets but not the other. */
export function changedLabels(before: DocumentLabels, after: DocumentLabels): DocumentLabels {
  const differ = (a: readonly string[], b: readonly string[]) => {
    const inA = new Set(a);
    const inB = new Set(b);
    return [...a.filter((label) => !inB.has(label)), ...b.filter((label) => !inA.has(label))];
  };
  return { footnotes: differ(before.footnotes, after.footnotes), references: differ(before.references, after.references) };
}

/**
 * Whether a chunk's text may refer to one of `labels`, which would then parse differently: a
 * footnote reference is written "[^label]" exactly; a reference link's label matches after
 * CommonMark's normalization (case folded, runs of white space as one space), which, applied to
 * the whole text, keeps every label written in it as a substring. Never false for a chunk that
 * refers to one; true for some that only mention it.
 */
export function mayReferTo(source: string, labels: DocumentLabels): boolean {
  for (const label of labels.footnotes) if (source.includes(`[^${label}]`)) return true;
  if (!labels.references.length || !source.includes('[')) return false;
  const folded = markdownParser().utils.normalizeReference(source);
  return labels.references.some((label) => folded.includes(label));
}
