import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MAX_SOURCE_TEXT_SIZE, type LocatedProblem } from '../core/facts/parse';
import type { Knowledge } from '../core/match/knowledge';
import { collapseWhitespace } from '../core/text/quotes';
import { packageRoot } from './factFiles';

/** The full text a source's fact base points to, resolved next to the fact base file. */
export function sourceTextPath(knowledge: Knowledge, key: string): string | null {
  const source = knowledge.sources.get(key);
  const origin = knowledge.origins.get(key);
  if (!source?.textPath || !origin) return null;
  return origin === 'built-in' ? join(packageRoot(), 'facts', source.textPath) : resolve(dirname(origin), source.textPath);
}

/** Checks every quote against its source's full text, where the fact base names one. */
export function verifyQuotes(knowledge: Knowledge): Array<{ file: string; problems: LocatedProblem[] }> {
  const out: Array<{ file: string; problems: LocatedProblem[] }> = [];
  for (const key of knowledge.sources.keys()) {
    const textFile = sourceTextPath(knowledge, key);
    if (!textFile) continue;
    const problems: LocatedProblem[] = [];
    if (!existsSync(textFile)) {
      problems.push({ path: ['source', 'text'], message: `The source text ${textFile} does not exist.`, severity: 'error', code: 'missing-text', start: 0, end: 0 });
    } else if (statSync(textFile).size > MAX_SOURCE_TEXT_SIZE) {
      problems.push({ path: ['source', 'text'], message: `The source text ${textFile} is larger than ${MAX_SOURCE_TEXT_SIZE / 1024 / 1024} MB, the limit for a source text, and is not read: quotes are not checked against it.`, severity: 'error', code: 'too-large', start: 0, end: 0 });
    } else {
      const text = collapseWhitespace(readFileSync(textFile, 'utf8'));
      for (const fact of knowledge.facts) {
        if (fact.sourceKey === key && !text.includes(collapseWhitespace(fact.quote))) {
          problems.push({ path: ['facts', fact.id, 'quote'], message: `The quote of fact ${fact.id} does not appear in ${textFile}.`, severity: 'error', code: 'quote-not-in-source', start: 0, end: 0 });
        }
      }
    }
    if (problems.length) out.push({ file: knowledge.origins.get(key) ?? key, problems });
  }
  return out;
}
