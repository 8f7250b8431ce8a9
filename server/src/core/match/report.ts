import type { Fact, FactValue } from '../facts/model';
import { tokenize, type Token } from '../text/tokens';
import type { Extracted } from '../values/extract';
import { renderDate, renderQuantity, renderVote } from '../values/render';
import type { Claim, Finding, Fix } from '../types';
import { compilePhrase, matchElements, sentenceWords } from './phrases';
import type { BlockAnalysis, FactMatch } from './analyze';
import type { Knowledge } from './knowledge';
import type { Mention } from './mentions';
import type { SentenceRecord } from '../citations/records';
import { TokenKind } from '../text/tokens';

/** Findings, claims and sentence records of one block, in offsets of the block's text. */
export interface BlockReport {
  findings: Finding[];
  claims: Claim[];
  records: SentenceRecord[];
}

/** The source's value as messages show it: "14 July (2022)" when the source leaves the year out. */
export function displayValue(value: FactValue): string {
  const v = value.value;
  if (v.kind === 'date' && v.date.yearInferred && v.date.year !== undefined && !value.text.includes(String(v.date.year))) {
    return `${value.text} (${v.date.year})`;
  }
  return value.text;
}

function locator(fact: Fact): string {
  return `${fact.sourceKey}, para. ${fact.paragraph}`;
}

function replacementFor(text: string, tokens: readonly Token[], written: Extracted, value: FactValue): string {
  const v = value.value;
  if (v.kind === 'date') return renderDate(text, tokens, written, v.date);
  if (v.kind === 'vote') return renderVote(text, tokens, written, v.position);
  return renderQuantity(text, tokens, written, v);
}

function contradiction(text: string, tokens: readonly Token[], fact: Fact, role: number, written: Extracted): Finding {
  const value = fact.values[role]!;
  const start = tokens[written.first]!.start;
  const end = tokens[written.last - 1]!.end;
  const writtenText = text.slice(start, end);
  const quoteIfWords = (s: string) => (value.value.kind === 'vote' ? `“${s}”` : s);
  const shown = displayValue(value);
  const message = `The source gives ${quoteIfWords(shown)} for ${value.about}, not ${quoteIfWords(writtenText)}.`;
  const fixes: Fix[] = [];
  const replacement = replacementFor(text, tokens, written, value);
  const where = locator(fact);
  if (replacement && replacement !== writtenText) fixes.push({ title: `Change to “${replacement}” (${where})`, edits: [{ start, end, newText: replacement }] });
  if (value.text !== replacement && value.text !== writtenText && value.value.kind !== 'vote' && !/^(in|since|on)\b/i.test(value.text)) {
    fixes.push({ title: `Change to the source’s words “${value.text}” (${where})`, edits: [{ start, end, newText: value.text }] });
  }
  return { code: 'contradiction', severity: 'warning', start, end, message, factId: fact.id, sourceValue: shown, fixes };
}

/** The words of the quote that state the event ("recognised", "wrote off"). */
function triggerWordsInQuote(fact: Fact): string | null {
  const tokens = tokenize(fact.quote);
  const words = sentenceWords(tokens, 0, tokens.length);
  const none = { startingAt: () => [], isActorOrPart: () => false };
  for (const trigger of fact.event.trigger) {
    const elements = compilePhrase(trigger, false);
    for (let i = 0; i < words.length; i++) {
      const end = matchElements(elements, 0, words, i, none);
      if (end > i) return fact.quote.slice(tokens[words[i]!.index]!.start, tokens[words[end - 1]!.index]!.end);
    }
  }
  return null;
}

function negation(tokens: readonly Token[], fact: Fact, neg: NonNullable<FactMatch['negation']>): Finding {
  const start = tokens[neg.first]!.start;
  const end = tokens[neg.last - 1]!.end;
  const message = `The source says the opposite: ${fact.claim.replace(/\.$/, '')} (${locator(fact)}).`;
  const fixes: Fix[] = [];
  const affirmed = triggerWordsInQuote(fact);
  if (affirmed) fixes.push({ title: `Change to “${affirmed}” (${locator(fact)})`, edits: [{ start, end, newText: affirmed }] });
  return { code: 'contradiction', severity: 'warning', start, end, message, factId: fact.id, sourceValue: affirmed ?? fact.claim, fixes };
}

function wrongActor(knowledge: Knowledge, text: string, tokens: readonly Token[], words: ReturnType<typeof sentenceWords>, fact: Fact, rival: Mention): Finding {
  const start = tokens[words[rival.start]!.index]!.start;
  const endToken = tokens[words[rival.end - 1]!.index]!;
  const end = endToken.possessive ? endToken.end - 2 : endToken.end;
  const rivalText = text.slice(start, end);
  const actorId = fact.actors[0]?.[0];
  const actor = actorId ? knowledge.actors.get(actorId) : undefined;
  const name = actor?.name ?? actorId ?? 'another actor';
  const message = `The source attributes ${fact.event.label} to ${name}, not to ${rivalText}.`;
  const fixes: Fix[] = [];
  const rivalActor = knowledge.actors.get(rival.actor);
  // Name the source's actor the way the draft named the other one: a country for a country, an adjective for an adjective.
  let target = actor;
  if (actor && rivalActor && actor.kind !== rivalActor.kind) {
    let root = actor;
    while (root.partOf && knowledge.actors.get(root.partOf)) root = knowledge.actors.get(root.partOf)!;
    target = root;
  }
  const alias = target?.aliases.find((a) => a.form === rival.form) ?? target?.aliases[0];
  if (alias) fixes.push({ title: `Change to “${alias.text}” (${locator(fact)})`, edits: [{ start, end, newText: alias.text }] });
  return { code: 'contradiction', severity: 'warning', start, end, message, factId: fact.id, sourceValue: name, fixes };
}

const PUBLICATION_WORDS = new Set(['published', 'publication', 'writing', 'written', 'wrote', 'dated', 'appeared', 'released', 'issued', 'accessed', 'retrieved']);

/** "published in November 2022", "writing in 2022": a date about the source itself, not a claim. */
function isAboutPublication(tokens: readonly Token[], first: number): boolean {
  for (let i = first - 1; i >= 0 && i >= first - 3; i--) if (PUBLICATION_WORDS.has(tokens[i]!.norm)) return true;
  return false;
}

/**
 * Where a new citation goes: before the sentence's final full stop ("… in 2019 [@key]."), but after
 * a closing quotation mark or parenthesis that follows the stop ("… Ukraine.” [@key]").
 */
function insertionPoint(tokens: readonly Token[], first: number, last: number): number {
  let i = last - 1;
  while (i > first && tokens[i]!.citation) i--;
  const isStop = (t: Token) => t.kind === TokenKind.Punct && /^[.!?…]$/.test(t.text);
  const isCloser = (t: Token) => t.kind === TokenKind.Punct && /^["'”’)\]]$/.test(t.text);
  if (isCloser(tokens[i]!) && i > first && isStop(tokens[i - 1]!)) return tokens[i]!.end;
  if (!isStop(tokens[i]!)) return tokens[i]!.end;
  while (i > first && isStop(tokens[i - 1]!)) i--;
  // A "sentence" of nothing but stops (after a footnote marker, say): the citation goes before them.
  return i > first ? tokens[i - 1]!.end : tokens[i]!.start;
}

export function reportBlock(knowledge: Knowledge, text: string, analysis: BlockAnalysis): BlockReport {
  const findings: Finding[] = [];
  const claims: Claim[] = [];
  const records: SentenceRecord[] = [];
  const { tokens } = analysis;
  for (const s of analysis.sentences) {
    const sentenceStart = tokens[s.sentence.first]!.start;
    const sentenceEnd = tokens[s.sentence.last - 1]!.end;
    const record: SentenceRecord = {
      start: sentenceStart,
      end: sentenceEnd,
      insertAt: insertionPoint(tokens, s.sentence.first, s.sentence.last),
      citations: s.citations,
      facts: [],
      values: s.values.map((v) => ({
        start: tokens[v.first]!.start, end: tokens[v.last - 1]!.end, kind: v.value.kind, text: text.slice(tokens[v.first]!.start, tokens[v.last - 1]!.end),
        aboutPublication: isAboutPublication(tokens, v.first),
      })),
      quotations: s.quotations,
    };
    if (s.quotations.length) record.text = text.slice(sentenceStart, sentenceEnd);
    records.push(record);
    for (const m of s.matches) {
      const fact = knowledge.facts[m.fact]!;
      const found: Finding[] = [];
      for (const d of m.disagreeing) found.push(contradiction(text, tokens, fact, d.role, d.written));
      if (m.negation) found.push(negation(tokens, fact, m.negation));
      if (m.wrongActor) found.push(wrongActor(knowledge, text, tokens, s.words, fact, m.wrongActor));
      findings.push(...found);
      const values: Claim['values'] = [
        ...m.agreeing.map((a) => ({ start: tokens[a.written.first]!.start, end: tokens[a.written.last - 1]!.end, verdict: 'supported' as const })),
        ...m.disagreeing.map((d) => ({ start: tokens[d.written.first]!.start, end: tokens[d.written.last - 1]!.end, verdict: 'contradicted' as const })),
      ];
      const claim: Claim = {
        start: sentenceStart,
        end: sentenceEnd,
        factId: fact.id,
        verdict: found.length ? 'contradicted' : m.agreeing.length ? 'supported' : 'unchecked',
        values,
      };
      if (found.length) claim.explanation = found.map((f) => f.message).join(' ');
      claims.push(claim);
      record.facts.push({ factId: fact.id, verdict: claim.verdict });
    }
  }
  return { findings, claims, records };
}
