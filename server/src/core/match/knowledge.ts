import type { ActorInfo, AliasForm, Fact, FactBase, FactBaseProblem, SourceInfo } from '../facts/model';
import { compilePhrase, PhraseIndex, type Element } from './phrases';
import { prepareSourceText, type SourceText } from '../citations/sourceText';

/** What a term pattern contributes to a fact: one of its term groups, or its context, exclusions or triggers. */
export const enum Slot {
  Context = -1,
  Exclude = -2,
  Trigger = -3,
}

export interface TermPayload {
  fact: number;
  /** A term group index (>= 0) or a Slot. */
  slot: number;
}

export interface AliasPayload {
  actor: string;
  form: AliasForm;
}

/** The per-value patterns a sentence's number must meet to take a fact value's role. */
export interface ValueRole {
  nouns: Element[][];
  cues: Element[][];
}

/**
 * Everything the checker needs from the loaded fact bases, compiled once: facts, actors with their
 * part-of chains, and phrase indexes for aliases and event terms.
 */
export interface Knowledge {
  facts: Fact[];
  sources: Map<string, SourceInfo>;
  /** Where each source's fact base was loaded from (a path, or "built-in"), by citation key. */
  origins: Map<string, string>;
  actors: Map<string, ActorInfo>;
  aliases: PhraseIndex<AliasPayload>;
  terms: PhraseIndex<TermPayload>;
  roles: ValueRole[][];
  factIndex: Map<string, number>;
  /** Full texts of sources, by citation key, where the fact base names one: for quotation checks. */
  sourceTexts: Map<string, SourceText>;
  problems: FactBaseProblem[];
}

function mergeActor(into: Map<string, ActorInfo>, actor: ActorInfo): void {
  const existing = into.get(actor.id);
  if (!existing) {
    into.set(actor.id, { ...actor, aliases: [...actor.aliases] });
    return;
  }
  const known = new Set(existing.aliases.map((a) => a.text.toLowerCase()));
  for (const alias of actor.aliases) if (!known.has(alias.text.toLowerCase())) existing.aliases.push(alias);
  if (!existing.partOf && actor.partOf) existing.partOf = actor.partOf;
}

/** The ancestors of an actor, itself first; cycles in data end the chain. */
export function actorChain(actors: ReadonlyMap<string, ActorInfo>, id: string): string[] {
  const chain = [id];
  let current = actors.get(id);
  while (current?.partOf && !chain.includes(current.partOf) && chain.length < 16) {
    chain.push(current.partOf);
    current = actors.get(current.partOf);
  }
  return chain;
}

export function compileKnowledge(bases: readonly FactBase[], gazetteer: readonly ActorInfo[], texts: ReadonlyMap<string, string> = new Map()): Knowledge {
  const problems: FactBaseProblem[] = [];
  const actors = new Map<string, ActorInfo>();
  for (const actor of gazetteer) mergeActor(actors, actor);
  for (const base of bases) for (const actor of base.actors) mergeActor(actors, actor);

  const aliases = new PhraseIndex<AliasPayload>();
  for (const actor of actors.values()) {
    for (const alias of actor.aliases) {
      const elements = compilePhrase(alias.text, true);
      if (elements.length) aliases.add({ elements, payload: { actor: actor.id, form: alias.form }, source: alias.text });
    }
  }

  const facts: Fact[] = [];
  const sources = new Map<string, SourceInfo>();
  const origins = new Map<string, string>();
  const factIndex = new Map<string, number>();
  for (const base of bases) {
    if (sources.has(base.source.key)) {
      problems.push({ path: ['source', 'key'], message: `Another fact base already uses the citation key "${base.source.key}"; ${base.origin} is ignored.`, severity: 'error', code: 'duplicate-key' });
      continue;
    }
    sources.set(base.source.key, base.source);
    origins.set(base.source.key, base.origin);
    for (const fact of base.facts) {
      if (factIndex.has(fact.id)) {
        problems.push({ path: ['facts'], message: `Fact id "${fact.id}" is used by two fact bases; the one in ${base.origin} is ignored.`, severity: 'error', code: 'duplicate-id' });
        continue;
      }
      factIndex.set(fact.id, facts.length);
      facts.push(fact);
    }
  }

  const terms = new PhraseIndex<TermPayload>();
  const addTerms = (list: readonly string[], fact: number, slot: number) => {
    for (const term of list) {
      const elements = compilePhrase(term, false);
      if (elements.length) terms.add({ elements, payload: { fact, slot }, source: term });
    }
  };
  const roles: ValueRole[][] = [];
  facts.forEach((fact, f) => {
    fact.event.terms.forEach((group, g) => addTerms(group, f, g));
    addTerms(fact.event.context, f, Slot.Context);
    addTerms(fact.event.exclude, f, Slot.Exclude);
    addTerms(fact.event.trigger, f, Slot.Trigger);
    roles.push(fact.values.map((v) => ({
      nouns: v.nouns.map((n) => compilePhrase(n, false)).filter((e) => e.length),
      cues: v.cues.map((c) => compilePhrase(c, false)).filter((e) => e.length),
    })));
  });

  const sourceTexts = new Map<string, SourceText>();
  for (const [key, text] of texts) {
    if (sources.has(key)) sourceTexts.set(key, prepareSourceText(text, facts.filter((f) => f.sourceKey === key)));
  }
  return { facts, sources, origins, sourceTexts, actors, aliases, terms, roles, factIndex, problems };
}
