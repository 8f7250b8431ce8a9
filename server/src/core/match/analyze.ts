import type { Fact, FactValue } from '../facts/model';
import { splitSentences, type Sentence } from '../text/sentences';
import { TokenKind, tokenize, wordToken, type Token } from '../text/tokens';
import { compareValues, type Agreement } from '../values/compare';
import { extractValues, mayStateDayDate, type Extracted } from '../values/extract';
import type { Value } from '../values/types';
import { Slot, type Knowledge, type TermPayload } from './knowledge';
import { Actors, findMentions, type Mention } from './mentions';
import { matchElements, NO_MENTIONS, sentenceWords, type Element, type MentionLookup, type Pattern, type Word } from './phrases';
import { maskCitations } from './citations';
import { lastAtOrBefore } from '../text/search';
import { findCitations, type Citation } from '../citations/syntax';
import { findQuotations, type Quotation } from '../citations/quotations';

const surnamesByKnowledge = new WeakMap<Knowledge, string[]>();

/** Whether the text names an author of a source whose full text is known (so quotations can be checked). */
function namesAnAuthor(knowledge: Knowledge, text: string): boolean {
  let surnames = surnamesByKnowledge.get(knowledge);
  if (!surnames) {
    surnames = [...knowledge.sourceTexts.keys()].flatMap((key) => knowledge.sources.get(key)?.authors ?? [])
      .map((a) => a.trim().split(/\s+/).pop() ?? '').filter((s) => s.length > 2);
    surnamesByKnowledge.set(knowledge, surnames);
  }
  return surnames.some((s) => text.includes(s));
}

/** How one sentence relates to one fact. */
export interface FactMatch {
  fact: number;
  /** Values of the sentence that agree with the fact's values. */
  agreeing: Array<{ role: number; written: Extracted }>;
  /** Values of the sentence that contradict the fact's values; `others` are the role's other wrong candidates, nearest first. */
  disagreeing: Array<{ role: number; written: Extracted; others: Extracted[] }>;
  /** The sentence negates the event (North Korea did not recognise ...): token range. */
  negation: { first: number; last: number; trigger: [number, number] } | null;
  /** The event is given to another actor: the mention naming it. */
  wrongActor: Mention | null;
}

export interface SentenceAnalysis {
  sentence: Sentence;
  words: Word[];
  mentions: Mention[];
  matches: FactMatch[];
  /** Citation markers in or ending the sentence (text offsets). */
  citations: Citation[];
  quotations: Quotation[];
  /** The sentence's values, when it was worth extracting them (it matched a fact or cites a source). */
  values: Extracted[];
}

export interface BlockAnalysis {
  tokens: Token[];
  sentences: SentenceAnalysis[];
  sentenceCount: number;
}

interface FactHits {
  groups: Set<number>;
  context: boolean;
  exclude: boolean;
  triggers: Array<[number, number]>;
  positions: number[];
}

const PRONOUNS = new Set(['it', 'its', 'he', 'his', 'she', 'her', 'they', 'their']);
const REFERRING_NOUNS = new Set(['regime', 'country', 'government', 'leader', 'leadership', 'state', 'parliament', 'north']);
/** How many sentences back a pronoun may look for the actor it stands for. */
const PRONOUN_REACH = 4;
const NEGATORS = new Set(['not', 'never', "n't", 'no']);
const CLAUSE_BREAKS = new Set(['while', 'whereas', 'but', 'although', 'though', 'unlike']);

/** Term hits of patterns that start with a word; `actorFirst` adds those that start with an actor. */
function collectHits(knowledge: Knowledge, lookup: MentionLookup, words: readonly Word[], into: Map<number, FactHits>, withPositions: boolean, actorFirst: boolean): void {
  const record = (pattern: Pattern<TermPayload>, start: number, end: number) => {
    const { fact, slot } = pattern.payload;
    let hits = into.get(fact);
    if (!hits) {
      hits = { groups: new Set(), context: false, exclude: false, triggers: [], positions: [] };
      into.set(fact, hits);
    }
    if (slot >= 0) {
      hits.groups.add(slot);
      if (withPositions) hits.positions.push(start);
    } else if (slot === Slot.Context) hits.context = true;
    else if (slot === Slot.Exclude) hits.exclude = true;
    else if (slot === Slot.Trigger && withPositions) hits.triggers.push([start, end]);
  };
  if (actorFirst) knowledge.terms.findActorFirst(words, lookup, record);
  else knowledge.terms.findAll(words, lookup, record);
}

function startsSomeTerm(knowledge: Knowledge, tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if ((t.kind === TokenKind.Word || t.kind === TokenKind.Number) && knowledge.terms.mayStart(t.norm)) return true;
  }
  return false;
}

function anyGroupHit(hits: ReadonlyMap<number, FactHits>): boolean {
  for (const h of hits.values()) if (h.groups.size) return true;
  return false;
}

function isCandidate(fact: Fact, hits: FactHits): boolean {
  if (hits.exclude) return false;
  if (hits.groups.size < fact.event.terms.length) return false;
  return fact.event.context.length === 0 || hits.context;
}

/**
 * All but one of several term groups: matched only if the sentence also states one of the fact's
 * distinctive values ("… voted against the resolution on 12 October" without naming its subject).
 */
function isNearCandidate(fact: Fact, hits: FactHits): boolean {
  if (hits.exclude || fact.event.terms.length < 2) return false;
  if (hits.groups.size !== fact.event.terms.length - 1) return false;
  return fact.event.context.length === 0 || hits.context;
}

function isDistinctiveWriting(written: Extracted): boolean {
  const v = written.value;
  return v.kind === 'date' && v.aspect === 'point' && v.date.day !== undefined;
}

/** Values specific enough to tie a sentence to an event on their own: a day of a month. */
function isDistinctive(value: FactValue): boolean {
  const v = value.value;
  return v.kind === 'date' && v.date.day !== undefined;
}

/** Word index of each token of the sentence (the nearest word at or before it). */
function tokenToWord(words: readonly Word[], token: number): number {
  return lastAtOrBefore(words.length, (i) => words[i]!.index, token);
}

/** Distance from `word` to the nearest of the ascending `positions` (a large number when there are none). */
function nearestDistance(positions: readonly number[], word: number): number {
  if (!positions.length) return 1e9;
  const i = lastAtOrBefore(positions.length, (k) => positions[k]!, word);
  const before = Math.abs(word - positions[i]!);
  return i + 1 < positions.length ? Math.min(before, positions[i + 1]! - word) : before;
}

function startsWithAny(patterns: readonly Element[][], words: readonly Word[], from: number, to: number): boolean {
  for (let i = from; i < to && i < words.length; i++) {
    for (const p of patterns) if (matchElements(p, 0, words, i, NO_MENTIONS) >= 0) return true;
  }
  return false;
}

/** "since 2013" speaks to a period's start, "in January" to a point: compare like with like when both are written. */
function preferSameAspect(value: FactValue, candidates: Extracted[]): Extracted[] {
  if (value.value.kind !== 'date') return candidates;
  const wantsStart = value.value.aspect === 'since';
  const same = candidates.filter((c) => c.value.kind === 'date' && (c.value.aspect === 'since') === wantsStart);
  return same.length ? same : candidates;
}

const involvedByFact = new WeakMap<Fact, readonly string[]>();

/** Every actor a fact is about or related to: fixed per fact, so computed once. */
function involvedActors(fact: Fact): readonly string[] {
  let involved = involvedByFact.get(fact);
  if (!involved) {
    involved = [...fact.actors.flat(), ...fact.related];
    involvedByFact.set(fact, involved);
  }
  return involved;
}

class SentenceMatcher {
  constructor(
    private readonly knowledge: Knowledge,
    private readonly actors: Actors,
    private readonly tokens: readonly Token[],
    private readonly sentence: Sentence,
    private readonly words: readonly Word[],
    private readonly mentions: readonly Mention[],
    /** Actors named earlier in the paragraph, for pronouns: found only when asked for. */
    private readonly previousMentions: () => readonly Mention[],
  ) {}

  /** Whether the sentence names the fact's actors (or inherits them through a pronoun). */
  actorStatus(fact: Fact): { ok: boolean; rivals: Mention[]; onlyAgentMissing: boolean } {
    const involved = involvedActors(fact);
    const rivals = this.mentions.filter((m) => this.actors.isCountry(m.actor) && !involved.some((a) => this.actors.related(m.actor, a))
      && !involved.some((a) => this.actors.root(a) === this.actors.root(m.actor)));
    const named = (group: readonly string[], mentions: readonly Mention[]) => group.some((a) => mentions.some((m) => this.actors.names(m.actor, a)));
    const satisfied = (mentions: readonly Mention[]) => fact.actors.every((group) => named(group, mentions));
    const onlyAgentMissing = fact.actors.length > 0 && !named(fact.actors[0]!, this.mentions) && fact.actors.slice(1).every((g) => named(g, this.mentions));
    if (satisfied(this.mentions)) return { ok: true, rivals, onlyAgentMissing: false };
    // "It", "He", "the regime": the actor of an earlier sentence of the paragraph.
    if (this.refersBack() && rivals.length === 0 && satisfied([...this.mentions, ...this.previousMentions()])) return { ok: true, rivals, onlyAgentMissing };
    if (fact.actorOptional && rivals.length === 0) {
      // Naming only some of the actors is fine; naming none at all is fine for specific events.
      return { ok: true, rivals, onlyAgentMissing };
    }
    return { ok: false, rivals, onlyAgentMissing };
  }

  private refersBack(): boolean {
    return this.words.some((w, i) => PRONOUNS.has(w.norm) || (w.norm === 'the' && REFERRING_NOUNS.has(this.words[i + 1]?.norm ?? '')));
  }

  private voteSubjectFits(fact: Fact, written: Extracted): boolean {
    const verbWord = tokenToWord(this.words, written.first);
    const fits = (m: Mention) => fact.actors.flat().some((a) => this.actors.related(m.actor, a));
    // The nearest actor before the verb, within the clause.
    for (let t = written.first - 1; t >= this.sentence.first; t--) {
      const token = this.tokens[t]!;
      if (token.text === ';' || CLAUSE_BREAKS.has(token.norm)) break;
      const w = tokenToWord(this.words, t);
      const mention = this.mentions.find((m) => m.end - 1 === w && this.words[w]!.index === t);
      if (mention) return fits(mention);
    }
    // "... was opposed by North Korea"
    const after = this.mentions.find((m) => m.start > verbWord && m.start <= verbWord + 4 && this.words[m.start - 1]?.norm === 'by');
    return after ? fits(after) : false;
  }

  private fitsRole(fact: number, role: number, value: FactValue, written: Extracted): boolean {
    if (written.value.kind !== value.value.kind) return false;
    const compiled = this.knowledge.roles[fact]![role]!;
    if (compiled.nouns.length) {
      const following = written.following.map(wordToken);
      if (!startsWithAny(compiled.nouns, following, 0, 3)) return false;
    }
    if (compiled.cues.length) {
      const w = tokenToWord(this.words, written.first);
      if (!startsWithAny(compiled.cues, this.words, Math.max(0, w - 8), w + 10)) return false;
    }
    if (written.value.kind === 'vote' && !this.voteSubjectFits(this.knowledge.facts[fact]!, written)) return false;
    return true;
  }

  compare(fact: Fact, value: Value, written: Value): Agreement {
    const source = this.knowledge.sources.get(fact.sourceKey);
    return compareValues(value, written, { published: source?.published, anticipated: fact.anticipated });
  }

  /** Compares the sentence's values with one fact's, role by role. */
  evaluate(f: number, hits: FactHits, values: readonly Extracted[]): FactMatch {
    const fact = this.knowledge.facts[f]!;
    const match: FactMatch = { fact: f, agreeing: [], disagreeing: [], negation: null, wrongActor: null };
    fact.values.forEach((value, role) => {
      const candidates = preferSameAspect(value, values.filter((v) => this.fitsRole(f, role, value, v)));
      if (!candidates.length) return;
      // Each candidate is compared once: the first that agrees wins, else those that disagree compete.
      const agreements = candidates.map((v) => this.compare(fact, value.value, v.value));
      const agreeing = agreements.indexOf('agree');
      if (agreeing >= 0) {
        match.agreeing.push({ role, written: candidates[agreeing]! });
        return;
      }
      const disagreeing = candidates.filter((_, c) => agreements[c] === 'disagree');
      if (!disagreeing.length) return;
      if (disagreeing.length === 1) {
        match.disagreeing.push({ role, written: disagreeing[0]!, others: [] });
        return;
      }
      // Several candidates: the one nearest the words that name the event.
      const positions = [...hits.positions].sort((a, b) => a - b);
      const distances = new Map(disagreeing.map((v) => [v, nearestDistance(positions, tokenToWord(this.words, v.first))]));
      disagreeing.sort((a, b) => distances.get(a)! - distances.get(b)!);
      match.disagreeing.push({ role, written: disagreeing[0]!, others: disagreeing.slice(1) });
    });
    match.negation = this.negation(hits);
    return match;
  }

  /** "did not recognise", "never wrote off" — but not "did not ... until". */
  private negation(hits: FactHits): FactMatch['negation'] {
    for (const [start, end] of hits.triggers) {
      for (let back = 1; back <= 3 && start - back >= 0; back++) {
        const word = this.words[start - back]!;
        const negated = NEGATORS.has(word.norm) || word.norm.endsWith("n't");
        if (!negated) continue;
        if (word.norm === 'no' && back > 1) continue;
        const rest = this.words.slice(end, end + 8).map((w) => w.norm);
        if (rest.includes('until') || rest.includes('only')) return null;
        const firstWord = start - back - (['did', 'does', 'do', 'has', 'have', 'had', 'was', 'were', 'is', 'would', 'will'].includes(this.words[start - back - 1]?.norm ?? '') && !word.norm.endsWith("n't") ? 1 : 0);
        return { first: this.words[firstWord]!.index, last: this.words[end - 1]!.index + 1, trigger: [this.words[start]!.index, this.words[end - 1]!.index + 1] };
      }
    }
    return null;
  }

  /** Whether the sentence dates its event before the source was published (for anticipated facts). */
  datesInPast(fact: Fact, values: readonly Extracted[]): boolean {
    const source = this.knowledge.sources.get(fact.sourceKey);
    const published = source?.published?.year ?? source?.year;
    if (published === undefined) return false;
    return values.some((v) => v.value.kind === 'date' && v.value.date.year !== undefined && v.value.date.year < published);
  }
}

export function analyzeBlock(knowledge: Knowledge, text: string, context = '', footnoteRefs: ReadonlyArray<{ label: string; textStart: number }> = []): BlockAnalysis {
  const tokens = tokenize(text);
  const citations = findCitations(text, footnoteRefs.map((r) => ({ label: r.label, start: r.textStart, end: r.textStart + 1 })));
  maskCitations(tokens, citations);
  const actors = Actors.of(knowledge);
  const sentences = context ? (tokens.length ? [{ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, first: 0, last: tokens.length }] : []) : splitSentences(tokens);
  const contextHits = new Map<number, FactHits>();
  let contextMentions: Mention[] = [];
  if (context) {
    const contextTokens = tokenize(context);
    const contextWords = sentenceWords(contextTokens, 0, contextTokens.length);
    contextMentions = findMentions(knowledge, contextWords);
    const lookup = actors.lookup(contextMentions);
    collectHits(knowledge, lookup, contextWords, contextHits, false, false);
    collectHits(knowledge, lookup, contextWords, contextHits, false, true);
  }
  const out: SentenceAnalysis[] = [];
  const mayAttribute = namesAnAuthor(knowledge, text);
  // Actor names are looked for only in sentences that need them, and in earlier ones only when a pronoun refers back.
  const sentenceWordLists: Array<Word[] | undefined> = new Array(sentences.length);
  const sentenceMentions: Array<Mention[] | undefined> = new Array(sentences.length);
  let nextCitation = 0;
  const wordsOf = (k: number) => (sentenceWordLists[k] ??= sentenceWords(tokens, sentences[k]!.first, sentences[k]!.last));
  const mentionsOf = (k: number) => (sentenceMentions[k] ??= findMentions(knowledge, wordsOf(k)));
  sentences.forEach((sentence, k) => {
    // Most sentences have no word that begins a term: they are passed over without building their words.
    let hits: Map<number, FactHits> | null = null;
    if (startsSomeTerm(knowledge, tokens, sentence.first, sentence.last)) {
      hits = new Map();
      collectHits(knowledge, actors.lazyLookup(() => mentionsOf(k)), wordsOf(k), hits, true, false);
    }
    // Sentences and citations both ascend: skip the citations before this sentence once, not per sentence.
    while (nextCitation < citations.length && citations[nextCitation]!.start < sentence.start) nextCitation++;
    const cited: Citation[] = [];
    for (let c = nextCitation; c < citations.length && citations[c]!.start < sentence.end; c++) {
      if (citations[c]!.end <= sentence.end) cited.push(citations[c]!);
    }
    // Quotations matter only in a sentence that cites a source or may name its authors.
    const quotations = cited.length || mayAttribute ? findQuotations(text, sentence.start, sentence.end) : [];
    // Every event has a group of words, so a sentence without a word of any group states no fact.
    if (!(hits && anyGroupHit(hits)) && !contextHits.size && !cited.length && !quotations.length) return;
    const words = wordsOf(k);
    const mentions = mentionsOf(k);
    hits ??= new Map();
    collectHits(knowledge, actors.lookup(mentions), words, hits, true, true);
    // What the sentence's own words match, before a table header's words join them.
    const ownCandidates = new Set<number>();
    const ownGroups = new Map<number, number>();
    if (contextHits.size) {
      for (const [f, h] of hits) {
        ownGroups.set(f, h.groups.size);
        if (isCandidate(knowledge.facts[f]!, h)) ownCandidates.add(f);
      }
    }
    for (const [f, h] of contextHits) {
      const mine = hits.get(f) ?? { groups: new Set<number>(), context: false, exclude: false, triggers: [], positions: [] };
      for (const g of h.groups) mine.groups.add(g);
      mine.context ||= h.context;
      hits.set(f, mine);
    }
    const candidates: Array<[number, FactHits]> = [];
    let near: Array<[number, FactHits]> = [];
    for (const entry of hits) {
      const fact = knowledge.facts[entry[0]]!;
      if (isCandidate(fact, entry[1])) candidates.push(entry);
      if (isNearCandidate(fact, entry[1])) near.push(entry);
    }
    // A near match needs a date with a day (below): without a word or form that can write one, none can be.
    if (near.length && !mayStateDayDate(tokens, sentence.first, sentence.last)) near = [];
    const matches: FactMatch[] = [];
    let values: Extracted[] = [];
    if (candidates.length || near.length || cited.length) values = extractValues(tokens, sentence.first, sentence.last);
    if (candidates.length || near.length) {
      // A pronoun refers to someone named a few sentences back, not anywhere in a long paragraph.
      const previous = () => { const all: Mention[] = []; for (let j = Math.max(0, k - PRONOUN_REACH); j < k; j++) for (const m of mentionsOf(j)) all.push(m); return all; };
      const matcher = new SentenceMatcher(knowledge, actors, tokens, sentence, words, contextMentions.length ? [...mentions, ...contextMentions] : mentions, previous);
      for (const [f, h] of candidates) {
        const fact = knowledge.facts[f]!;
        if (fact.anticipated && matcher.datesInPast(fact, values)) continue;
        const status = matcher.actorStatus(fact);
        const match = matcher.evaluate(f, h, values);
        if (status.ok) matches.push(match);
        else if (fact.exclusiveActor && status.onlyAgentMissing && status.rivals.length && match.agreeing.length && !match.disagreeing.length) {
          match.wrongActor = status.rivals[0]!;
          match.negation = null;
          matches.push(match);
        }
      }
      // A near match counts only through a distinctive value written in the sentence: without one, none can.
      const writesDistinctive = values.some(isDistinctiveWriting);
      for (const [f, h] of near) {
        const fact = knowledge.facts[f]!;
        if (!writesDistinctive || !fact.values.some(isDistinctive)) continue;
        if (!matcher.actorStatus(fact).ok) continue;
        const match = matcher.evaluate(f, h, values);
        if (match.agreeing.some((a) => isDistinctive(fact.values[a.role]!) && isDistinctiveWriting(a.written))) {
          match.negation = null;
          matches.push(match);
        }
      }
      if (ownCandidates.size) quietHeaderOnly(matches, ownCandidates, ownGroups);
      settle(matches, actors, knowledge, mentions);
    }
    if (matches.length || cited.length || quotations.length) out.push({ sentence, words, mentions, matches, citations: cited, quotations, values });
  });
  return { tokens, sentences: out, sentenceCount: sentences.length };
}

/**
 * A table row whose own words name one event is about that event: another event that only the
 * header's words bring in may agree with the row, but the row does not contradict it.
 */
function quietHeaderOnly(matches: FactMatch[], ownCandidates: ReadonlySet<number>, ownGroups: ReadonlyMap<number, number>): void {
  if (!matches.some((m) => ownCandidates.has(m.fact))) return;
  for (const m of matches) {
    if ((ownGroups.get(m.fact) ?? 0) > 0) continue;
    m.disagreeing = [];
    m.negation = null;
    m.wrongActor = null;
  }
}

/**
 * Decides what to report across the facts a sentence matched: a value that agrees with one fact
 * is not a contradiction of another; a sentence whose every value differs from a fact is about
 * another event; an actor that another matched fact accounts for is not the wrong actor.
 */
function settle(matches: FactMatch[], actors: Actors, knowledge: Knowledge, mentions: readonly Mention[]): void {
  const explained = new Set<Extracted>();
  for (const m of matches) if (!m.wrongActor) for (const a of m.agreeing) explained.add(a.written);
  for (const m of matches) {
    // A wrong value that another fact explains was not this fact's: try the role's next candidate.
    m.disagreeing = m.disagreeing.flatMap((d) => {
      const written = [d.written, ...d.others].find((w) => !explained.has(w));
      return written ? [{ ...d, written }] : [];
    });
    if (m.disagreeing.length >= 2 && m.agreeing.length === 0) m.disagreeing = [];
    if (m.wrongActor) {
      const rival = m.wrongActor;
      const accounted = matches.some((o) => o !== m && !o.wrongActor && knowledge.facts[o.fact]!.actors.flat().some((a) => actors.related(rival.actor, a)));
      if (accounted || !mentions.includes(rival)) m.wrongActor = null;
    }
  }
  // Two facts contradicted by the same value: keep the better match.
  const byValue = new Map<Extracted, FactMatch>();
  for (const m of matches) {
    for (const d of [...m.disagreeing]) {
      const other = byValue.get(d.written);
      if (!other) { byValue.set(d.written, m); continue; }
      const keepOther = other.agreeing.length >= m.agreeing.length;
      const loser = keepOther ? m : other;
      loser.disagreeing = loser.disagreeing.filter((x) => x.written !== d.written);
      if (!keepOther) byValue.set(d.written, m);
    }
  }
}

