import type { Value } from '../values/types';
import type { SourceInfo } from '../facts/model';
import type { DraftFact, DraftResult } from './draft';

/** Writes a drafted fact base as YAML, with comments where a person should review. */

/** The `source` of the drafted fact base; `text` is the path of the article relative to the fact base file. */
export type SourceFields = Pick<SourceInfo, 'key' | 'title' | 'authors' | 'publisher' | 'year' | 'url' | 'defaultYear'> & { text?: string };

/** The YAML library, loaded on first use: only `extract` writes YAML. */
function stringify(value: unknown, options: { lineWidth: number }): string {
  return (require('yaml') as typeof import('yaml')).stringify(value, options);
}

function scalar(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function flowList(items: readonly string[]): string {
  return `[${items.map(scalar).join(', ')}]`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valueFields(value: Value): Record<string, unknown> {
  switch (value.kind) {
    case 'date': {
      const d = value.date;
      const fields: Record<string, unknown> = {
        value: d.year === undefined ? null : d.month === undefined ? d.year : d.day === undefined ? `${d.year}-${pad(d.month)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`,
      };
      if (d.part) fields.part = d.part;
      if (value.aspect === 'since' || value.aspect === 'until') fields.aspect = value.aspect;
      if (d.yearInferred) fields.yearInferred = true;
      return fields;
    }
    case 'vote':
      return { value: value.position };
    case 'ordinal':
      return { value: value.amount };
    case 'money': {
      const fields: Record<string, unknown> = { value: value.amount };
      if (value.currency) fields.currency = value.currency;
      if (value.qualifier !== 'exact') fields.qualifier = value.qualifier;
      return fields;
    }
    case 'duration': {
      const fields: Record<string, unknown> = { value: value.amount, unit: value.unit };
      if (value.qualifier !== 'exact') fields.qualifier = value.qualifier;
      return fields;
    }
    default: {
      const fields: Record<string, unknown> = { value: value.amount };
      if (value.qualifier !== 'exact') fields.qualifier = value.qualifier;
      return fields;
    }
  }
}

function factYaml(fact: DraftFact): string {
  const lines: string[] = [];
  for (const note of fact.review) lines.push(`  # review: ${note}`);
  lines.push(`  - id: ${scalar(fact.id)}`);
  lines.push(`    claim: ${scalar(fact.quote)}  # review: restate as one plain sentence`);
  lines.push(`    quote: ${scalar(fact.quote)}`);
  lines.push(`    locator: { paragraph: ${fact.paragraph} }`);
  if (fact.actors.length) lines.push(`    actors: ${flowList(fact.actors)}  # review: who did it`);
  else lines.push('    actorOptional: true  # review: no known actor named; add actors if the event has one');
  if (fact.related.length) lines.push(`    related: ${flowList(fact.related)}`);
  lines.push('    event:');
  lines.push(`      label: ${scalar(fact.label)}  # review: completes "The source gives X for …"`);
  lines.push('      terms:  # review: a sentence must contain a word of every group; add synonyms');
  for (const group of fact.terms.length ? fact.terms : [['TODO']]) lines.push(`        - ${flowList(group)}`);
  lines.push('    values:');
  for (const v of fact.values) {
    const fields = { kind: v.value.kind, ...valueFields(v.value), text: v.text } as Record<string, unknown>;
    if (v.nouns.length && (v.value.kind === 'count' || v.value.kind === 'ordinal')) fields.nouns = v.nouns;
    const body = Object.entries(fields).map(([k, val]) => `${k}: ${Array.isArray(val) ? flowList(val as string[]) : scalar(val)}`).join(', ');
    lines.push(`      - { ${body} }`);
  }
  return lines.join('\n');
}

export function draftToYaml(draft: DraftResult, source: SourceFields): string {
  const head = [
    `# Drafted by \`policy-fact-check extract\`: ${draft.facts.length} facts from ${draft.paragraphs} paragraphs.`,
    '# Every fact needs a person\'s review (see the "review" comments): claims, actors, event terms and roles.',
    '# Check it with: policy-fact-check facts --verify --facts <this file>',
    '',
    'source:',
    `  key: ${scalar(source.key)}`,
    `  title: ${scalar(source.title)}`,
    `  authors: ${flowList(source.authors)}`,
  ];
  if (source.publisher) head.push(`  publisher: ${scalar(source.publisher)}`);
  if (source.year !== undefined) head.push(`  year: ${source.year}`);
  if (source.url) head.push(`  url: ${scalar(source.url)}`);
  if (source.text) head.push(`  text: ${scalar(source.text)}`);
  if (source.defaultYear !== undefined) head.push(`  defaultYear: ${source.defaultYear}`);
  head.push('', 'facts:');
  return `${head.join('\n')}\n${draft.facts.map(factYaml).join('\n\n')}\n`;
}
