import type { Knowledge } from './match/knowledge';
import type { CheckResult } from './types';

/** How a draft relates to each fact: what the Facts view shows. */
export type FactState = 'contradicted' | 'stated' | 'cited' | 'none';

export interface FactStatus {
  factId: string;
  state: FactState;
  /** Sentences that state or contradict the fact, then citations of its paragraph. */
  ranges: Array<{ start: number; end: number }>;
}

export function factStates(knowledge: Knowledge, result: CheckResult): FactStatus[] {
  return knowledge.facts.map((fact) => {
    const claims = result.claims.filter((c) => c.factId === fact.id);
    const citations = result.citations.filter((c) => c.sources.some((s) => s.key === fact.sourceKey
      && (s.locator === null || (s.locator.kind === 'paragraph' && s.locator.from <= fact.paragraph && fact.paragraph <= s.locator.to))));
    const state: FactState = claims.some((c) => c.verdict === 'contradicted') ? 'contradicted'
      : claims.length ? 'stated'
        : citations.some((c) => c.sources.some((s) => s.key === fact.sourceKey && s.locator !== null)) ? 'cited' : 'none';
    return { factId: fact.id, state, ranges: [...claims.map((c) => ({ start: c.start, end: c.end })), ...citations.map((c) => ({ start: c.start, end: c.end }))] };
  });
}
