import type { Fact } from '../core/facts/model';
import { displayValue } from '../core/match/report';
import type { LoadedKnowledge } from '../node/factFiles';
import { verifyQuotes } from '../node/verify';
import { single, type ParsedArgs } from './args';

function describeFact(fact: Fact): string {
  const values = fact.values.map((v) => displayValue(v)).join('; ');
  return `  ${fact.id} (para. ${fact.paragraph})${values ? ` [${values}]` : ''}\n    ${fact.claim}\n`;
}

/** `facts`: lists what is loaded; with --verify, checks it (schema, ids, quotes) for CI. */
export function runFactsCommand(args: ParsedArgs, loaded: LoadedKnowledge): number {
  const format = single(args, 'format', ['text', 'json'], 'text');
  const { knowledge } = loaded;
  const problems = [...loaded.problems];
  if (args.flags.has('verify')) problems.push(...verifyQuotes(knowledge));
  if (format === 'json') {
    const sources = [...knowledge.sources.values()].map((source) => ({
      ...source,
      facts: knowledge.facts.filter((f) => f.sourceKey === source.key),
    }));
    process.stdout.write(`${JSON.stringify({ sources, problems }, null, 2)}\n`);
  } else {
    for (const source of knowledge.sources.values()) {
      const facts = knowledge.facts.filter((f) => f.sourceKey === source.key);
      process.stdout.write(`@${source.key}: ${source.authors.join(', ')}${source.authors.length ? ', ' : ''}“${source.title}”${source.publisher ? `, ${source.publisher}` : ''}${source.year ? `, ${source.year}` : ''} (${facts.length} facts)\n`);
      for (const fact of facts) process.stdout.write(describeFact(fact));
    }
  }
  let errors = 0;
  for (const { file, problems: list } of problems) {
    for (const p of list) {
      if (p.severity === 'error') errors++;
      process.stderr.write(`${file}: ${p.severity}: ${p.message}\n`);
    }
  }
  if (args.flags.has('verify')) {
    process.stderr.write(errors ? `${errors} problem(s) found.\n` : 'All fact bases verified.\n');
    return errors ? 1 : 0;
  }
  return 0;
}
