import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { draftFactBase, latestYearMentioned } from '../core/extract/draft';
import { draftToYaml } from '../core/extract/yaml';
import { splitChunks } from '../core/markdown/chunks';
import { extractProse } from '../core/markdown/prose';
import { loadGazetteer } from '../node/factFiles';
import { readDraft } from '../node/drafts';
import { UsageError, type ParsedArgs } from './args';

/** The prose of a Markdown article as plain paragraphs, headings included (the first may be the title). */
function markdownToText(markdown: string): string {
  const doc = splitChunks(markdown);
  const labels = doc.labels;
  const paragraphs: string[] = [];
  for (const chunk of doc.chunks) {
    for (const block of extractProse(markdown.slice(chunk.start, chunk.end), labels)) paragraphs.push(block.text.replace(/\uFFFC/g, '').trim());
  }
  return paragraphs.filter(Boolean).join('\n\n');
}

function option(args: ParsedArgs, name: string): string | undefined {
  const values = args.options.get(name);
  return values?.[values.length - 1];
}

/** `extract SOURCE --key KEY`: drafts a fact base from an article, for a person to review. */
export function runExtractCommand(args: ParsedArgs): number {
  const [sourcePath, ...extra] = args.positionals;
  if (!sourcePath || extra.length) throw new UsageError('extract needs exactly one SOURCE file (.txt or .md).');
  const key = option(args, 'key');
  if (!key) throw new UsageError('extract needs --key KEY, the citation key of the source.');
  if (!/^[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*$/.test(key)) throw new UsageError(`--key "${key}" is not a valid citation key.`);
  const read = readDraft(resolve(sourcePath));
  if ('problem' in read) throw new UsageError(`${sourcePath}: ${read.problem}`);
  const text = /\.(md|markdown)$/i.test(sourcePath) ? markdownToText(read.text) : read.text;
  const yearText = option(args, 'year');
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`--year must be a year (got "${yearText}").`);
  // Days printed without a year belong to the article's year: given, or else the latest year it mentions.
  const defaultYear = year ?? latestYearMentioned(text);
  const draft = draftFactBase(text, loadGazetteer(), defaultYear);
  const out = option(args, 'out');
  const relativeText = (from: string) => relative(dirname(resolve(from)), resolve(sourcePath)).split(sep).join('/');
  const authorOptions = args.options.get('authors');
  const yaml = draftToYaml(draft, {
    key,
    title: option(args, 'title') ?? draft.meta.title ?? key,
    authors: authorOptions ? authorOptions.flatMap((a) => a.split(/\s*[,;]\s*/)).filter(Boolean) : draft.meta.authors,
    publisher: option(args, 'publisher'),
    year,
    url: option(args, 'url'),
    text: out ? relativeText(out) : relativeText('.'),
    defaultYear,
  });
  if (out) {
    writeFileSync(out, yaml);
    process.stderr.write(`Drafted ${draft.facts.length} facts from ${draft.paragraphs} paragraphs into ${out}. Review the "review:" comments, then run: policy-fact-check facts --verify --facts ${out}\n`);
  } else process.stdout.write(yaml);
  return 0;
}

