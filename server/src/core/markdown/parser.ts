import markdownIt, { type MarkdownIt } from 'markdown-it';
import footnote from 'markdown-it-footnote';

let instance: MarkdownIt | null = null;

/**
 * CommonMark with GFM tables, strikethrough and footnotes: what VS Code's own preview uses.
 * `text_join` is off so that escapes and entities stay separate tokens whose source text is known.
 */
export function markdownParser(): MarkdownIt {
  if (!instance) {
    instance = markdownIt('commonmark', { html: true, linkify: false, typographer: false })
      .enable(['table', 'strikethrough'])
      // The plugin's types name markdown-it's CommonJS typings; the plugin itself fits either.
      .use(footnote as unknown as Parameters<MarkdownIt['use']>[0]);
    // Footnote definitions stay where they are written instead of being gathered at the end.
    instance.disable(['text_join', 'footnote_tail']);
  }
  return instance;
}

/** Labels defined elsewhere in the document, so that a chunk parsed alone resolves them too. */
export interface DocumentLabels {
  footnotes: readonly string[];
  references: readonly string[];
}

export function parserEnv(labels: DocumentLabels): Record<string, unknown> {
  const md = markdownParser();
  const refs: Record<string, number> = {};
  for (const label of labels.footnotes) refs[`:${label}`] = -1;
  const references: Record<string, { href: string; title: string }> = {};
  for (const label of labels.references) references[md.utils.normalizeReference(label)] = { href: '', title: '' };
  return { footnotes: { refs }, references };
}

/**
 * A chunk's own view of the document's environment: markdown-it and its footnote plugin write into
 * `env` while parsing, so each chunk reads the shared labels through prototypes and writes its own
 * copy. A chunk's result then never depends on which chunks were parsed before it.
 */
export function chunkEnv(shared: Record<string, unknown>): Record<string, unknown> {
  const footnotes = shared.footnotes as { refs: Record<string, number> } | undefined;
  const references = shared.references as Record<string, unknown> | undefined;
  return {
    footnotes: { refs: Object.create(footnotes?.refs ?? null) as Record<string, number> },
    references: Object.create(references ?? null) as Record<string, unknown>,
  };
}
