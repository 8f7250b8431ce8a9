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
    // Nothing is rendered: only a link's text is checked, so its URL need not be percent-encoded or
    // punycoded (mdurl's parse and encode were 40% of the link rule). validateLink still refuses
    // javascript: and its kin, which CommonMark then leaves as literal text, as the preview does.
    instance.normalizeLink = (url) => url;
    instance.normalizeLinkText = (text) => text;
    // The ruler keeps rules by name only internally; test/property/linearTime.test.ts notices if this stops finding it.
    const rules = (instance.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: InlineRule }> }).__rules__;
    const footnoteRef = rules.find((rule) => rule.name === 'footnote_ref');
    if (footnoteRef) instance.inline.ruler.at('footnote_ref', rejectUnclosedFootnoteRef(footnoteRef.fn));
    const coreRules = (instance.core.ruler as unknown as { __rules__: Array<{ name: string; fn: CoreRule }> }).__rules__;
    const normalize = coreRules.find((rule) => rule.name === 'normalize');
    if (normalize) instance.core.ruler.at('normalize', normalizeOnlyIfNeeded(normalize.fn));
  }
  return instance;
}

type InlineRule = Parameters<MarkdownIt['inline']['ruler']['at']>[1];
type CoreRule = Parameters<MarkdownIt['core']['ruler']['at']>[1];

/**
 * markdown-it rewrites every line end to "\n" with a regular expression that matches each "\n" too,
 * copying the whole text even when it has no CR or NUL to replace: 1–2% of a check. Text with
 * neither is already normal.
 */
function normalizeOnlyIfNeeded(rule: CoreRule): CoreRule {
  return (state) => {
    if (state.src.indexOf('\r') >= 0 || state.src.indexOf('\0') >= 0) rule(state);
  };
}

/**
 * The plugin looks for a reference's closing bracket up to the next space or line end, from every
 * "[^": on a long line of "[^[^[^…" that is quadratic (1 MB took minutes). A label cannot hold an
 * unescaped "[" (CommonMark's rule for link labels), so the search also stops at the next "[",
 * which makes the scans disjoint and the whole line linear.
 */
function rejectUnclosedFootnoteRef(rule: InlineRule): InlineRule {
  return (state, silent) => {
    const src = state.src;
    const start = state.pos;
    if (src.charCodeAt(start) !== 0x5b /* [ */ || src.charCodeAt(start + 1) !== 0x5e /* ^ */) return false;
    for (let pos = start + 2; pos < state.posMax; pos++) {
      const code = src.charCodeAt(pos);
      if (code === 0x5d /* ] */) return rule(state, silent);
      if (code === 0x20 || code === 0x0a || code === 0x5b /* [ */) return false;
    }
    return false;
  };
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
