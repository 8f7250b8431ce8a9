import type { CST, Document } from 'yaml';
import type { ActorInfo, FactBase, FactBaseProblem } from './model';
import { normalizeActors, normalizeFactBase } from './normalize';
import { MAX_YAML_DEPTH, tooDeepAt } from './yamlDepth';

/** The YAML library, loaded on first use: most sessions read no YAML at all (the built-in base ships as JSON). */
function yaml(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

/** A problem with the place in the YAML text it refers to (UTF-16 offsets). */
export interface LocatedProblem extends FactBaseProblem {
  start: number;
  end: number;
}

export interface ParsedFactBase {
  base: FactBase | null;
  problems: LocatedProblem[];
  /** Where a path of the document is in the text (for problems found later, e.g. quotes). */
  locate?: (path: ReadonlyArray<string | number>) => [number, number];
  /** The index of each fact in the document's `facts` list, by id. */
  factIndex?: Map<string, number>;
}

/** Validates plain data against the fact base schema; returns problems by path. */
export type SchemaValidator = (data: unknown) => FactBaseProblem[];

/**
 * Limits that keep a hostile file from exhausting the checker. A fact base file (YAML or JSON) may
 * hold at most 2 MiB: composing YAML costs the library 3–4 s per MB on the worst shapes, all of it
 * on the language server's one thread, and real fact bases stay well under 1 MB (500 curated facts
 * take about 500 KB). On disk the limit counts bytes, in the editor UTF-16 code units.
 */
export const MAX_FACT_BASE_SIZE = 2 * 1024 * 1024;
/**
 * A source text (the full text of the article a fact base quotes, `source.text`) may hold at most
 * 10 MiB: it is plain text or Markdown, only searched for quotes, in linear time.
 */
export const MAX_SOURCE_TEXT_SIZE = 10 * 1024 * 1024;
/**
 * At most this many YAML syntax errors are reported, the first ones in the text; one more problem,
 * at the first error left out, says how many follow. A broken file can hold an error per character
 * (a megabyte of `]`), and the writer fixes the first few anyway.
 */
export const MAX_YAML_ERRORS = 20;
const YAML_OPTIONS = { maxAliasCount: 100, prettyErrors: false, uniqueKeys: true, strict: true } as const;

function locate(doc: Document, path: ReadonlyArray<string | number>): [number, number] {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (yaml().isNode(node) && node.range) return [node.range[0], node.range[1]];
    // A missing key: point at the mapping that should hold it.
  }
  return [0, 0];
}

/** Where a YAML error is, as the yaml library's composer computes it. */
function errorRange(source: number | readonly number[] | { offset: number; source?: unknown }): [number, number] {
  if (typeof source === 'number') return [source, source + 1];
  if (Array.isArray(source)) return [source[0] ?? 0, source[1] ?? source[0] ?? 0];
  const { offset, source: text } = source as { offset: number; source?: unknown };
  return [offset, offset + (typeof text === 'string' ? text.length : 1)];
}

/**
 * The YAML syntax errors of one file: every one counted, the first `MAX_YAML_ERRORS` + 1 by position
 * kept (stable: of two at one offset, the one found first). Nothing is allocated for an error that
 * is not kept, so a flood of them costs a comparison each.
 */
class YamlErrors {
  count = 0;
  private kept: Array<{ start: number; end: number; message: string }> = [];

  add(start: number, end: number, message: string | (() => string)): void {
    this.count++;
    const kept = this.kept;
    if (kept.length > MAX_YAML_ERRORS && start >= kept[kept.length - 1]!.start) return;
    let i = kept.length;
    while (i > 0 && kept[i - 1]!.start > start) i--;
    kept.splice(i, 0, { start, end: Math.max(end, start), message: typeof message === 'string' ? message : message() });
    if (kept.length > MAX_YAML_ERRORS + 1) kept.pop();
  }

  problems(): LocatedProblem[] {
    const listed = this.kept.slice(0, MAX_YAML_ERRORS).map(({ start, end, message }): LocatedProblem => (
      { path: [], message: `YAML: ${message.split('\n')[0]}`, severity: 'error', code: 'yaml-syntax', start, end }));
    const more = this.count - listed.length;
    const next = this.kept[MAX_YAML_ERRORS];
    if (more > 0 && next) {
      listed.push({
        path: [], severity: 'error', code: 'yaml-syntax', start: next.start, end: next.end,
        message: `YAML: ${more} more ${more === 1 ? 'error' : 'errors'} from here on, not listed; only the first ${MAX_YAML_ERRORS} are. Fix those first: one mistake often causes many.`,
      });
    }
    return listed;
  }
}

/**
 * Parses and composes the one document of `text`, as `parseDocument` does, but with the errors
 * collected by `errors`: the library makes an `Error`, stack trace and all, for each one, and kept
 * a megabyte of `]` busy for half a minute doing so. Error tokens of the syntax tree never reach
 * the composer (it only records them), nor does a `...` before any document; errors the composer
 * finds go to `errors` through its error callback. Should a later version of the library not have
 * that callback, its errors still arrive (in `doc.errors`), only slower.
 *
 * Tokens stream from the parser to the composer, never all held at once, and each top-level token
 * is measured (`tooDeepAt`) before the composer, which recurses, sees it. Returns the offset of the
 * first collection nested too deeply, if any, instead of a document.
 */
function compose(text: string, errors: YamlErrors): Document | number {
  const { Composer, Parser } = yaml();
  const tokens = new Parser().parse(text);
  const composer = new Composer(YAML_OPTIONS);
  let documents = 0;
  let deepAt: number | null = null;
  // As in parseDocument, errors after the start of a second document are not the first one's.
  const report = (start: number, end: number, message: string | (() => string)) => {
    if (documents < 2) errors.add(start, end, message);
  };
  const hooked = composer as unknown as { onError?: unknown };
  if (typeof hooked.onError === 'function') {
    hooked.onError = (source: Parameters<typeof errorRange>[0], _code: string, message: string, warning?: boolean) => {
      if (!warning) report(...errorRange(source), message);
    };
  }
  // Not a for-of loop: the parser must stay open when the composer stops early.
  function* feed(): Generator<CST.Token> {
    for (let next = tokens.next(); !next.done; next = tokens.next()) {
      const token = next.value;
      deepAt = tooDeepAt([token]);
      if (deepAt !== null) return;
      switch (token.type) {
        case 'error':
          report(...errorRange(token), () => (token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message));
          break;
        case 'doc-end':
          if (documents === 0) report(...errorRange(token), 'Unexpected doc-end without preceding document');
          else yield token;
          break;
        case 'document':
          documents++;
          yield token;
          break;
        case 'directive': case 'byte-order-mark': case 'space': case 'comment': case 'newline':
          yield token;
          break;
        default:
          report(...errorRange(token as { offset: number; source?: unknown }), `Unsupported token ${(token as { type: string }).type}`);
      }
    }
  }
  let doc: Document | null = null;
  for (const next of composer.compose(feed(), true, text.length)) {
    if (!doc) doc = next;
    else {
      errors.add(next.range[0], next.range[1], 'Source contains multiple documents; please use YAML.parseAllDocuments()');
      break;
    }
  }
  // The rest is not composed, but a file nested too deeply anywhere is refused as such.
  if (deepAt === null) for (const token of tokens) if ((deepAt = tooDeepAt([token])) !== null) break;
  if (deepAt !== null) return deepAt;
  // `compose(…, true)` always ends with a document.
  for (const e of doc!.errors) errors.add(e.pos[0], e.pos[1], e.message);
  return doc!;
}

function parseYaml(text: string): { doc: Document | null; data: unknown; problems: LocatedProblem[] } {
  const problems: LocatedProblem[] = [];
  if (text.length > MAX_FACT_BASE_SIZE) {
    problems.push({ path: [], message: `The file is larger than ${MAX_FACT_BASE_SIZE / 1024 / 1024} MB, the limit for a fact base, and is not loaded: fact bases are kept small so that checking stays fast.`, severity: 'error', code: 'too-large', start: 0, end: 0 });
    return { doc: null, data: null, problems };
  }
  let doc: Document;
  const errors = new YamlErrors();
  try {
    const composed = compose(text, errors);
    if (typeof composed === 'number') {
      const deepAt = composed;
      problems.push({ path: [], message: `YAML: collections are nested more than ${MAX_YAML_DEPTH} levels deep here; a fact base needs only a few.`, severity: 'error', code: 'yaml-syntax', start: deepAt, end: deepAt + 1 });
      return { doc: null, data: null, problems };
    }
    doc = composed;
  } catch (e) {
    // Thousands of nested collections exhaust the parser's stack: refuse the file, keep the server.
    const reason = e instanceof RangeError ? 'it is nested too deeply to read' : (e as Error).message.split('\n')[0];
    problems.push({ path: [], message: `YAML: ${reason}.`, severity: 'error', code: 'yaml-syntax', start: 0, end: 0 });
    return { doc: null, data: null, problems };
  }
  // Errors found: nothing is converted or validated further.
  if (errors.count) return { doc, data: null, problems: [...problems, ...errors.problems()] };
  try {
    const data = doc.toJS({ maxAliasCount: 100 });
    return { doc, data, problems };
  } catch (e) {
    problems.push({ path: [], message: `YAML: ${(e as Error).message.split('\n')[0]}`, severity: 'error', code: 'yaml-syntax', start: 0, end: 0 });
    return { doc, data: null, problems };
  }
}

export function parseFactBaseYaml(text: string, origin: string, validate?: SchemaValidator): ParsedFactBase {
  const { doc, data, problems } = parseYaml(text);
  if (!doc || data === null) return { base: null, problems };
  const located = (p: FactBaseProblem): LocatedProblem => {
    const [start, end] = locate(doc, p.path);
    return { ...p, start, end };
  };
  if (validate) {
    const schemaProblems = validate(data);
    if (schemaProblems.some((p) => p.severity === 'error')) {
      return { base: null, problems: [...problems, ...schemaProblems.map(located)] };
    }
  }
  const result = normalizeFactBase(data, origin);
  const factIndex = new Map<string, number>();
  const rawFacts = (data as { facts?: unknown }).facts;
  if (Array.isArray(rawFacts)) rawFacts.forEach((f, i) => {
    const id = (f as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !factIndex.has(id.trim())) factIndex.set(id.trim(), i);
  });
  return { base: result.base, problems: [...problems, ...result.problems.map(located)], locate: (path) => locate(doc, path), factIndex };
}

export function parseActorsYaml(text: string): { actors: ActorInfo[]; problems: LocatedProblem[] } {
  const { doc, data, problems } = parseYaml(text);
  if (!doc || data === null) return { actors: [], problems };
  const result = normalizeActors(data);
  return { actors: result.actors, problems: [...problems, ...result.problems.map((p) => ({ ...p, start: 0, end: 0 }))] };
}
