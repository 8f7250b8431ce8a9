import { parsePartialDate } from '../values/dates';
import type { DatePart, Qualifier, Value, VotePosition } from '../values/types';
import type { ActorInfo, ActorKind, Alias, AliasForm, Fact, FactBase, FactBaseProblem, FactValue, SourceInfo } from './model';

/**
 * Turns a parsed fact base document (plain JSON-like data) into a FactBase, reporting every problem
 * by its path instead of throwing: a bad fact is dropped, the rest stays usable.
 */
export interface NormalizeResult {
  base: FactBase | null;
  problems: FactBaseProblem[];
}

type Path = Array<string | number>;

const DATE_PARTS = new Set<DatePart>(['start', 'early', 'mid', 'late', 'end']);
const QUALIFIERS = new Set<Qualifier>(['exact', 'over', 'under', 'about', 'atLeast', 'atMost', 'nearly', 'upTo']);
const VOTES = new Set<VotePosition>(['for', 'against', 'abstain', 'absent']);
const ALIAS_FORMS: AliasForm[] = ['name', 'capital', 'adjective', 'title'];
const ACTOR_KINDS = new Set<ActorKind>(['country', 'person', 'organization']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : [];
}

class Normalizer {
  readonly problems: FactBaseProblem[] = [];

  error(path: Path, message: string, code = 'invalid-fact-base'): void {
    this.problems.push({ path, message, severity: 'error', code });
  }

  source(raw: unknown): SourceInfo | null {
    if (!isRecord(raw)) {
      this.error(['source'], 'The fact base needs a `source` with at least a `key` and a `title`.');
      return null;
    }
    const key = str(raw.key);
    const title = str(raw.title);
    if (!key) this.error(['source', 'key'], 'The source needs a citation `key` (as in [@key]).');
    if (!title) this.error(['source', 'title'], 'The source needs a `title`.');
    if (!key || !title) return null;
    const source: SourceInfo = { key, title, authors: strings(raw.authors) };
    const publisher = str(raw.publisher);
    if (publisher) source.publisher = publisher;
    if (typeof raw.year === 'number' && Number.isInteger(raw.year)) source.year = raw.year;
    const url = str(raw.url);
    if (url) source.url = url;
    if (raw.published !== undefined) {
      const published = parsePartialDate(raw.published);
      if (published) source.published = published;
      else this.error(['source', 'published'], '`published` must be a year, YYYY-MM or YYYY-MM-DD.');
    }
    const text = str(raw.text);
    if (text) source.textPath = text;
    if (typeof raw.defaultYear === 'number' && Number.isInteger(raw.defaultYear)) source.defaultYear = raw.defaultYear;
    else if (source.year !== undefined) source.defaultYear = source.year;
    return source;
  }

  actor(raw: unknown, path: Path): ActorInfo | null {
    if (!isRecord(raw)) {
      this.error(path, 'An actor must be a mapping with an `id`.');
      return null;
    }
    const id = str(raw.id);
    if (!id) {
      this.error([...path, 'id'], 'An actor needs an `id`.');
      return null;
    }
    const kind = ACTOR_KINDS.has(raw.kind as ActorKind) ? (raw.kind as ActorKind) : 'organization';
    const aliases: Alias[] = [];
    if (isRecord(raw.aliases)) {
      for (const form of ALIAS_FORMS) for (const text of strings(raw.aliases[form])) aliases.push({ text, form });
    }
    const actor: ActorInfo = { id, kind, name: str(raw.name) ?? aliases[0]?.text ?? id, aliases };
    const partOf = str(raw.partOf);
    if (partOf) actor.partOf = partOf;
    return actor;
  }

  value(raw: unknown, path: Path, defaultYear: number | undefined, eventLabel: string): FactValue | null {
    if (!isRecord(raw)) {
      this.error(path, 'A value must be a mapping with `kind`, `value` and `text`.');
      return null;
    }
    const kind = raw.kind;
    const text = str(raw.text) ?? (raw.value === undefined ? '' : String(raw.value));
    let value: Value | null = null;
    if (kind === 'date') {
      const date = parsePartialDate(raw.value);
      if (!date) {
        this.error([...path, 'value'], 'A date must be written 2022, 2022-07 or 2022-07-14.', 'invalid-value');
        return null;
      }
      if (typeof raw.part === 'string') {
        if (!DATE_PARTS.has(raw.part as DatePart)) this.error([...path, 'part'], '`part` must be start, early, mid, late or end.', 'invalid-value');
        else date.part = raw.part as DatePart;
      }
      if (raw.yearInferred === true) {
        date.yearInferred = true;
        if (date.year === undefined && defaultYear !== undefined) date.year = defaultYear;
      }
      const aspect = raw.aspect === 'since' || raw.aspect === 'until' ? raw.aspect : 'point';
      value = { kind: 'date', date, aspect };
    } else if (kind === 'vote') {
      if (!VOTES.has(raw.value as VotePosition)) {
        this.error([...path, 'value'], 'A vote must be for, against, abstain or absent.', 'invalid-value');
        return null;
      }
      value = { kind: 'vote', position: raw.value as VotePosition };
    } else if (kind === 'count' || kind === 'ordinal' || kind === 'percent' || kind === 'money' || kind === 'duration') {
      const amount = raw.value;
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
        this.error([...path, 'value'], `A ${kind} value must be a non-negative number.`, 'invalid-value');
        return null;
      }
      let qualifier: Qualifier = 'exact';
      if (raw.qualifier !== undefined) {
        if (QUALIFIERS.has(raw.qualifier as Qualifier)) qualifier = raw.qualifier as Qualifier;
        else this.error([...path, 'qualifier'], '`qualifier` must be exact, over, under, about, atLeast, atMost, nearly or upTo.', 'invalid-value');
      }
      if (kind === 'ordinal') value = { kind, amount };
      else if (kind === 'money') value = { kind, amount, qualifier, currency: str(raw.currency) ?? null };
      else if (kind === 'duration') {
        const unit = raw.unit === 'month' || raw.unit === 'week' || raw.unit === 'day' ? raw.unit : 'year';
        value = { kind, amount, unit, qualifier };
      } else value = { kind, amount, qualifier };
    } else {
      this.error([...path, 'kind'], '`kind` must be date, count, ordinal, percent, money, duration or vote.', 'invalid-value');
      return null;
    }
    if (!value) return null;
    const out: FactValue = { value, text, about: str(raw.about) ?? eventLabel, nouns: strings(raw.nouns), cues: strings(raw.cues) };
    const role = str(raw.role);
    if (role) out.role = role;
    const note = str(raw.note);
    if (note) out.note = note;
    return out;
  }

  fact(raw: unknown, path: Path, source: SourceInfo): Fact | null {
    if (!isRecord(raw)) {
      this.error(path, 'A fact must be a mapping.');
      return null;
    }
    const id = str(raw.id);
    const claim = str(raw.claim);
    const quote = str(raw.quote);
    const locator = isRecord(raw.locator) ? raw.locator : null;
    const paragraph = locator && typeof locator.paragraph === 'number' && Number.isInteger(locator.paragraph) && locator.paragraph > 0 ? locator.paragraph : null;
    const event = isRecord(raw.event) ? raw.event : null;
    let ok = true;
    if (!id) { this.error([...path, 'id'], 'A fact needs an `id`.'); ok = false; }
    if (!claim) { this.error([...path, 'claim'], 'A fact needs a one-line `claim`.'); ok = false; }
    if (!quote) { this.error([...path, 'quote'], 'A fact needs the verbatim `quote` it rests on.'); ok = false; }
    if (paragraph === null) { this.error([...path, 'locator'], 'A fact needs a `locator` with the paragraph number.'); ok = false; }
    if (!event) { this.error([...path, 'event'], 'A fact needs an `event` with a `label` and `terms`.'); ok = false; }
    if (!ok || !event) return null;
    const label = str(event.label) ?? claim!;
    const terms = Array.isArray(event.terms) ? event.terms.map(strings).filter((g) => g.length > 0) : [];
    if (terms.length === 0) {
      this.error([...path, 'event', 'terms'], 'The event needs at least one group of `terms` that a sentence must contain.');
      return null;
    }
    const values: FactValue[] = [];
    if (Array.isArray(raw.values)) {
      raw.values.forEach((v, i) => {
        const value = this.value(v, [...path, 'values', i], source.defaultYear, label);
        if (value) values.push(value);
      });
    }
    const actors = strings(raw.actors).map((a) => a.split('|').map((s) => s.trim()).filter(Boolean));
    const fact: Fact = {
      id: id!,
      claim: claim!,
      quote: quote!,
      paragraph: paragraph!,
      actors,
      related: strings(raw.related),
      actorOptional: raw.actorOptional === true || actors.length === 0,
      exclusiveActor: raw.exclusiveActor === true,
      anticipated: raw.anticipated === true,
      event: {
        label,
        terms,
        context: strings(event.context),
        exclude: strings(event.exclude),
        trigger: event.trigger !== undefined ? strings(event.trigger) : terms[0]!,
      },
      values,
      sourceKey: source.key,
    };
    if (locator && typeof locator.page === 'number') fact.page = locator.page;
    return fact;
  }
}

export function normalizeFactBase(raw: unknown, origin: string): NormalizeResult {
  const n = new Normalizer();
  if (!isRecord(raw)) {
    n.error([], 'A fact base must be a YAML mapping with `source` and `facts`.');
    return { base: null, problems: n.problems };
  }
  const source = n.source(raw.source);
  const actors: ActorInfo[] = [];
  if (Array.isArray(raw.actors)) {
    raw.actors.forEach((a, i) => {
      const actor = n.actor(a, ['actors', i]);
      if (actor) actors.push(actor);
    });
  } else if (raw.actors !== undefined) n.error(['actors'], '`actors` must be a list.');
  if (!Array.isArray(raw.facts)) {
    n.error(['facts'], 'The fact base needs a list of `facts`.');
    return { base: null, problems: n.problems };
  }
  if (!source) return { base: null, problems: n.problems };
  const facts: Fact[] = [];
  const seen = new Map<string, number>();
  raw.facts.forEach((f, i) => {
    const fact = n.fact(f, ['facts', i], source);
    if (!fact) return;
    const earlier = seen.get(fact.id);
    if (earlier !== undefined) {
      n.problems.push({ path: ['facts', i, 'id'], message: `Duplicate fact id "${fact.id}" (first used by fact ${earlier + 1}); this fact is ignored.`, severity: 'error', code: 'duplicate-id' });
      return;
    }
    seen.set(fact.id, i);
    facts.push(fact);
  });
  return { base: { source, actors, facts, origin }, problems: n.problems };
}

/** The gazetteer file: a list of actors only. */
export function normalizeActors(raw: unknown): { actors: ActorInfo[]; problems: FactBaseProblem[] } {
  const n = new Normalizer();
  const actors: ActorInfo[] = [];
  const list = isRecord(raw) ? raw.actors : undefined;
  if (!Array.isArray(list)) {
    n.error(['actors'], 'An actors file needs a list of `actors`.');
    return { actors, problems: n.problems };
  }
  list.forEach((a, i) => {
    const actor = n.actor(a, ['actors', i]);
    if (actor) actors.push(actor);
  });
  return { actors, problems: n.problems };
}
