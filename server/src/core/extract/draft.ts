import type { ActorInfo } from '../facts/model';
import { compileKnowledge } from '../match/knowledge';
import { findMentions } from '../match/mentions';
import { sentenceWords } from '../match/phrases';
import { splitSentences } from '../text/sentences';
import { TokenKind, tokenize, type Token } from '../text/tokens';
import { extractValues, type Extracted } from '../values/extract';
import type { Value } from '../values/types';

/**
 * Drafts a fact base from an article: every sentence that states a date, a vote or a figure becomes
 * a fact with its quote, paragraph locator, actors, event words and typed values, each marked with
 * what a person should review. Plain text in, plain data out.
 */

export interface DraftValue {
  value: Value;
  /** As printed. */
  text: string;
  /** What a count, ordinal or duration counts (the words after it). */
  nouns: string[];
}

export interface DraftFact {
  id: string;
  quote: string;
  paragraph: number;
  actors: string[];
  related: string[];
  label: string;
  terms: string[][];
  values: DraftValue[];
  /** Notes for the reviewer. */
  review: string[];
}

export interface ArticleMeta {
  title: string | null;
  authors: string[];
}

export interface DraftResult {
  meta: ArticleMeta;
  facts: DraftFact[];
  paragraphs: number;
}

const STOPWORDS = new Set(`a an the and or but of in on at to for from by with as into over under about after before since until during between
among against is was were be been being has have had do does did not no nor so than that this these those it its their his her they he she
we our you your which who whom whose what when where why how all any each both some such only own same very can could will would may might
must shall should also just more most other another further then there here out up down off again once while although though because if
unless whether per cent percent year years month months day days new first last past decade decades its said says say according one two
three four five six seven eight nine ten recently most least many much early late mid start end beginning`.split(/\s+/));

/** The article's paragraphs, with the title and byline separated from the body. */
export function splitArticle(text: string): { meta: ArticleMeta; body: Array<{ text: string; start: number }> } {
  const normalized = text.replace(/\r\n?/g, '\n');
  const blankSeparated = /\n[ \t]*\n/.test(normalized);
  const blocks: Array<{ text: string; start: number }> = [];
  const separator = blankSeparated ? /\n[ \t]*\n/g : /\n/g;
  let at = 0;
  for (const m of [...normalized.matchAll(separator), null]) {
    const end = m ? m.index! : normalized.length;
    const raw = normalized.slice(at, end);
    const trimmed = raw.trim();
    if (trimmed) blocks.push({ text: trimmed.replace(/\s*\n\s*/g, ' '), start: at + raw.indexOf(trimmed) });
    at = m ? m.index! + m[0].length : end;
  }
  const meta: ArticleMeta = { title: null, authors: [] };
  let first = 0;
  // Title and byline: short lines before the first paragraph that reads as prose.
  while (first < blocks.length && first < 4) {
    const line = blocks[first]!.text;
    const byline = /^by\s+(.+)$/i.exec(line);
    if (byline) {
      meta.authors = byline[1]!.replace(/[*†]+$/g, '').split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((a) => a.replace(/[*†]/g, '').trim()).filter(Boolean);
      first++;
      continue;
    }
    if (line.length < 120 && !/[.!?]["”’]?$/.test(line)) {
      if (meta.title === null) meta.title = line.replace(/^#+\s*/, '');
      first++;
      continue;
    }
    break;
  }
  // Notes after the article (author bios, "Source: …") are not the article's claims.
  let last = blocks.length;
  for (let i = first; i < blocks.length; i++) {
    if (/^(\*?about the authors?|source:|- |\* )/i.test(blocks[i]!.text)) { last = i; break; }
  }
  return { meta, body: blocks.slice(first, last) };
}

function slug(words: readonly string[]): string {
  return words.join('-').toLowerCase().normalize('NFKD').replace(/[^a-z0-9-]+/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** A crude stem for an event term: recognised -> recognis*, republics -> republic*. */
function stem(word: string): string {
  const lower = word.toLowerCase();
  for (const suffix of ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ised', 'ized', 'ises', 'izes', 'ied', 'ies', 'ed', 'es', 's']) {
    if (lower.length - suffix.length >= 4 && lower.endsWith(suffix)) {
      const base = suffix.startsWith('is') ? `${lower.slice(0, -suffix.length)}is` : suffix.startsWith('iz') ? `${lower.slice(0, -suffix.length)}iz` : lower.slice(0, -suffix.length);
      return `${base}*`;
    }
  }
  return lower.length > 5 ? `${lower.slice(0, Math.max(5, lower.length - 2))}*` : lower;
}

function valueText(text: string, tokens: readonly Token[], v: Extracted): string {
  return text.slice(tokens[v.first]!.start, tokens[v.last - 1]!.end);
}

/** Clause boundaries inside a sentence: ";", ", most recently", ", while", ", and" + a new subject. */
function clauseStarts(tokens: readonly Token[], first: number, last: number): number[] {
  const starts = [first];
  for (let i = first + 1; i < last - 1; i++) {
    const t = tokens[i]!;
    if (t.kind !== TokenKind.Punct) continue;
    const next = tokens[i + 1]?.norm ?? '';
    if (t.text === ';' || (t.text === ',' && ['most', 'while', 'whereas', 'but', 'although'].includes(next))) starts.push(i + 1);
  }
  return starts;
}

/** "in 1990 and 1992": two dates of one kind joined by "and" are two facts. */
function splitCoordinated(values: readonly Extracted[], tokens: readonly Token[]): Extracted[][] {
  const groups: Extracted[][] = [];
  for (const v of values) {
    const previous = groups[groups.length - 1]?.[groups[groups.length - 1]!.length - 1];
    const coordinated = previous && previous.value.kind === 'date' && v.value.kind === 'date' && v.first === previous.last + 1 && tokens[previous.last]?.norm === 'and';
    if (coordinated || !groups.length) groups.push([v]);
    else groups[groups.length - 1]!.push(v);
  }
  return groups;
}

/** The latest year the article mentions: the year its undated days most likely belong to. */
export function latestYearMentioned(text: string): number | undefined {
  let latest: number | undefined;
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d|21\d\d)\b/g)) {
    const year = Number(m[1]);
    if (latest === undefined || year > latest) latest = year;
  }
  return latest;
}

export function draftFactBase(text: string, gazetteer: readonly ActorInfo[], defaultYear: number | undefined): DraftResult {
  const { meta, body } = splitArticle(text);
  const knowledge = compileKnowledge([], gazetteer);
  const facts: DraftFact[] = [];
  const usedIds = new Set<string>();
  body.forEach((paragraph, p) => {
    const number = p + 1;
    const tokens = tokenize(paragraph.text);
    const sentences = splitSentences(tokens);
    // A paragraph that opens "In 2014," dates the sentences that follow without a date of their own.
    const opening = /^In (\d{4}),/.exec(paragraph.text);
    sentences.forEach((sentence, s) => {
      const quote = paragraph.text.slice(sentence.start, sentence.end);
      const words = sentenceWords(tokens, sentence.first, sentence.last);
      const mentions = findMentions(knowledge, words);
      const actorIds = [...new Set(mentions.map((m) => m.actor))];
      const review: string[] = [];
      let values = extractValues(tokens, sentence.first, sentence.last).filter((v) => v.value.kind !== 'count' || v.following.length > 0);
      let inherited: DraftValue | null = null;
      if (!values.length) {
        if (!opening || s === 0 || !/\b(visited|met|signed|announced|agreed|pledged|declared|launched|held)\b/.test(quote)) return;
        inherited = { value: { kind: 'date', date: { year: Number(opening[1]) }, aspect: 'point' }, text: opening[1]!, nouns: [] };
        review.push(`the year ${opening[1]} comes from the paragraph's first sentence; check that this sentence shares it`);
      }
      const clauses = clauseStarts(tokens, sentence.first, sentence.last);
      const byClause = new Map<number, Extracted[]>();
      for (const v of values) {
        let c = 0;
        while (c + 1 < clauses.length && clauses[c + 1]! <= v.first) c++;
        byClause.set(c, [...(byClause.get(c) ?? []), v]);
      }
      const groups: Extracted[][] = [];
      for (const list of byClause.values()) groups.push(...splitCoordinated(list, tokens));
      if (inherited) groups.push([]);
      const content = words.filter((w) => w.norm.length > 3 && !STOPWORDS.has(w.norm) && !/^\d/.test(w.norm) && !mentions.some((m) => words.indexOf(w) >= m.start && words.indexOf(w) < m.end));
      const ranked = [...content].sort((a, b) => b.norm.length - a.norm.length);
      const termWords = [...new Set(ranked.map((w) => stem(w.norm)))].slice(0, 2);
      for (const group of groups) {
        const draftValues: DraftValue[] = group.map((v) => {
          const value = v.value;
          if (value.kind === 'date' && value.date.year === undefined && defaultYear !== undefined) {
            value.date.yearInferred = true;
            value.date.year = defaultYear;
          }
          return { value, text: valueText(paragraph.text, tokens, v), nouns: v.following.filter((w) => !STOPWORDS.has(w) && !/^\d/.test(w)).slice(0, 2) };
        });
        if (inherited && !group.length) draftValues.push(inherited);
        const base = slug([`p${number}`, ...content.slice(0, 3).map((w) => w.norm)]) || `p${number}-fact`;
        let id = base;
        for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
        usedIds.add(id);
        const groupReview = [...review];
        if (groups.length > 1) groupReview.push('one of several facts drafted from this sentence: check which words belong to which');
        if (draftValues.some((v) => v.value.kind === 'date' && v.value.date.yearInferred)) groupReview.push(`the source prints no year here; ${defaultYear} is assumed`);
        facts.push({
          id,
          quote,
          paragraph: number,
          actors: actorIds.slice(0, 1),
          related: actorIds.slice(1),
          label: quote.length > 90 ? `${quote.slice(0, 87).replace(/\s+\S*$/, '')}…` : quote.replace(/\.$/, ''),
          terms: termWords.map((t) => [t]),
          values: draftValues,
          review: groupReview,
        });
      }
    });
  });
  return { meta, facts, paragraphs: body.length };
}
