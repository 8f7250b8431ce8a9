import type { Document } from 'yaml';
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

/** Limits that keep a hostile file from exhausting the checker. */
export const MAX_FACT_BASE_SIZE = 10 * 1024 * 1024;
const YAML_OPTIONS = { maxAliasCount: 100, prettyErrors: false, uniqueKeys: true, strict: true } as const;

function locate(doc: Document, path: ReadonlyArray<string | number>): [number, number] {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (yaml().isNode(node) && node.range) return [node.range[0], node.range[1]];
    // A missing key: point at the mapping that should hold it.
  }
  return [0, 0];
}

function parseYaml(text: string): { doc: Document | null; data: unknown; problems: LocatedProblem[] } {
  const problems: LocatedProblem[] = [];
  if (text.length > MAX_FACT_BASE_SIZE) {
    problems.push({ path: [], message: `The file is larger than ${MAX_FACT_BASE_SIZE / 1024 / 1024} MB; fact bases are kept small so that checking stays fast.`, severity: 'error', code: 'too-large', start: 0, end: 0 });
    return { doc: null, data: null, problems };
  }
  let doc: Document;
  try {
    const { parseDocument, LineCounter, Parser } = yaml();
    const deepAt = tooDeepAt(new Parser().parse(text));
    if (deepAt !== null) {
      problems.push({ path: [], message: `YAML: collections are nested more than ${MAX_YAML_DEPTH} levels deep here; a fact base needs only a few.`, severity: 'error', code: 'yaml-syntax', start: deepAt, end: deepAt + 1 });
      return { doc: null, data: null, problems };
    }
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: new LineCounter() });
  } catch (e) {
    // Thousands of nested collections exhaust the parser's stack: refuse the file, keep the server.
    const reason = e instanceof RangeError ? 'it is nested too deeply to read' : (e as Error).message.split('\n')[0];
    problems.push({ path: [], message: `YAML: ${reason}.`, severity: 'error', code: 'yaml-syntax', start: 0, end: 0 });
    return { doc: null, data: null, problems };
  }
  for (const e of doc.errors) {
    problems.push({ path: [], message: `YAML: ${e.message.split('\n')[0]}`, severity: 'error', code: 'yaml-syntax', start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) });
  }
  if (doc.errors.length) return { doc, data: null, problems };
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
