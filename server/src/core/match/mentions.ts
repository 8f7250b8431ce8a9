import type { AliasForm } from '../facts/model';
import { actorChain, type Knowledge } from './knowledge';
import type { MentionLookup, Word } from './phrases';

/** An actor named in a sentence: words [start, end). */
export interface Mention {
  actor: string;
  form: AliasForm;
  start: number;
  end: number;
}

const NONE: Mention[] = [];

/** Finds actor names, longest first, without overlaps. */
export function findMentions(knowledge: Knowledge, words: readonly Word[]): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < words.length) {
    const match = knowledge.aliases.longestAt(words, i);
    if (match && match.end > i) {
      mentions.push({ actor: match.pattern.payload.actor, form: match.pattern.payload.form, start: i, end: match.end });
      i = match.end;
    } else i++;
  }
  return mentions;
}

const byKnowledge = new WeakMap<Knowledge, Actors>();

export class Actors {
  private readonly chains = new Map<string, string[]>();

  private constructor(private readonly knowledge: Knowledge) {}

  /** One per compiled knowledge: part-of chains are computed once. */
  static of(knowledge: Knowledge): Actors {
    let actors = byKnowledge.get(knowledge);
    if (!actors) {
      actors = new Actors(knowledge);
      byKnowledge.set(knowledge, actors);
    }
    return actors;
  }

  chain(id: string): string[] {
    let chain = this.chains.get(id);
    if (!chain) {
      chain = actorChain(this.knowledge.actors, id);
      this.chains.set(id, chain);
    }
    return chain;
  }

  root(id: string): string {
    const chain = this.chain(id);
    return chain[chain.length - 1]!;
  }

  /** `a` is `b`, a part of `b`, or the whole `b` belongs to. */
  related(a: string, b: string): boolean {
    return this.chain(a).includes(b) || this.chain(b).includes(a);
  }

  /**
   * Whether naming `mention` names the required actor: the actor itself or a part of it (Kim for North
   * Korea), or the whole it belongs to (Russia for the Russian parliament) unless it is a person:
   * "Russia" does not name Putin.
   */
  names(mention: string, required: string): boolean {
    if (this.chain(mention).includes(required)) return true;
    return this.knowledge.actors.get(required)?.kind !== 'person' && this.chain(required).includes(mention);
  }

  isCountry(id: string): boolean {
    return this.knowledge.actors.get(this.root(id))?.kind === 'country';
  }

  /** A lookup that finds the sentence's mentions only if a pattern asks for an actor. */
  lazyLookup(find: () => readonly Mention[]): MentionLookup {
    let lookup: MentionLookup | null = null;
    return {
      startingAt: (word: number) => (lookup ??= this.lookup(find())).startingAt(word),
      isActorOrPart: (actor: string, of: string) => this.chain(actor).includes(of),
    };
  }

  lookup(mentions: readonly Mention[]): MentionLookup {
    const byStart = new Map<number, Mention[]>();
    for (const m of mentions) {
      const list = byStart.get(m.start);
      if (list) list.push(m);
      else byStart.set(m.start, [m]);
    }
    return {
      startingAt: (word: number) => byStart.get(word) ?? NONE,
      isActorOrPart: (actor: string, of: string) => this.chain(actor).includes(of),
    };
  }
}
