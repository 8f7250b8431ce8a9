import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ActorInfo, FactBase } from '../core/facts/model';
import { normalizeActors, normalizeFactBase } from '../core/facts/normalize';
import { MAX_FACT_BASE_SIZE, MAX_SOURCE_TEXT_SIZE, parseActorsYaml, parseFactBaseYaml, type LocatedProblem, type ParsedFactBase } from '../core/facts/parse';
import { validateFactBaseSchema } from '../core/facts/schema';
import { compileKnowledge, type Knowledge } from '../core/match/knowledge';

/** Reading fact bases from disk: the built-in one shipped with the package, and the user's. */

export const BUILTIN_FACT_BASE = 'frassineti2022.facts.yaml';
export const GAZETTEER = 'world.actors.yaml';

let root: string | null = null;

/** The package folder: where `facts/` lives, whether running from the bundle or from source. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'facts', BUILTIN_FACT_BASE))) return (root = dir);
    dir = dirname(dir);
  }
  throw new Error(`Cannot find the built-in fact base (facts/${BUILTIN_FACT_BASE}) near ${__dirname}.`);
}

export function builtinFactBasePath(): string {
  return join(packageRoot(), 'facts', BUILTIN_FACT_BASE);
}

/** Prefers the JSON the build compiled from the YAML (parsing YAML at start-up costs 100+ ms). */
function readData(name: string): unknown | null {
  const compiled = join(packageRoot(), 'dist', 'facts', name.replace(/\.yaml$/, '.json'));
  if (existsSync(compiled)) {
    const yamlPath = join(packageRoot(), 'facts', name);
    if (!existsSync(yamlPath) || statSync(compiled).mtimeMs >= statSync(yamlPath).mtimeMs) return JSON.parse(readFileSync(compiled, 'utf8'));
  }
  return null;
}

let gazetteer: ActorInfo[] | null = null;

export function loadGazetteer(): ActorInfo[] {
  if (gazetteer) return gazetteer;
  const data = readData(GAZETTEER);
  gazetteer = data ? normalizeActors(data).actors : parseActorsYaml(readFileSync(join(packageRoot(), 'facts', GAZETTEER), 'utf8')).actors;
  return gazetteer;
}

let builtin: FactBase | null = null;

export function loadBuiltinFactBase(): FactBase {
  if (builtin) return builtin;
  const data = readData(BUILTIN_FACT_BASE);
  const result = data ? normalizeFactBase(data, 'built-in') : parseFactBaseYaml(readFileSync(builtinFactBasePath(), 'utf8'), 'built-in');
  if (!result.base) throw new Error(`The built-in fact base is broken: ${result.problems.map((p) => p.message).join('; ')}`);
  builtin = result.base;
  return builtin;
}

/** Reads, validates and normalizes a user's fact base file; never throws. */
export function loadFactBaseFile(path: string): ParsedFactBase {
  const absolute = resolve(path);
  let text: string;
  try {
    const size = statSync(absolute).size;
    if (size > MAX_FACT_BASE_SIZE) {
      return { base: null, problems: [{ path: [], message: `${path} is larger than ${MAX_FACT_BASE_SIZE / 1024 / 1024} MB, the limit for a fact base, and is not loaded.`, severity: 'error', code: 'too-large', start: 0, end: 0 }] };
    }
    text = readFileSync(absolute, 'utf8');
  } catch (e) {
    return { base: null, problems: [{ path: [], message: `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, severity: 'error', code: 'unreadable', start: 0, end: 0 }] };
  }
  return parseFactBaseYaml(text, absolute, validateFactBaseSchema);
}

export interface LoadedKnowledge {
  knowledge: Knowledge;
  problems: Array<{ file: string; problems: LocatedProblem[] }>;
}

let builtinText: string | null | undefined;

/** The full text of the built-in source, shipped beside its fact base. */
export function builtinSourceText(): string | null {
  if (builtinText === undefined) builtinText = readSourceText(loadBuiltinFactBase());
  return builtinText;
}

/**
 * The full text a fact base names (`source.text`), read next to the fact base file; none if it is
 * larger than a source text may be (`MAX_SOURCE_TEXT_SIZE`, not the smaller fact base limit).
 */
function readSourceText(base: FactBase): string | null {
  if (!base.source.textPath) return null;
  const path = base.origin === 'built-in' ? join(packageRoot(), 'facts', base.source.textPath) : resolve(dirname(base.origin), base.source.textPath);
  try {
    if (statSync(path).size > MAX_SOURCE_TEXT_SIZE) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function loadKnowledge(options: { builtin: boolean; files: readonly string[] }): LoadedKnowledge {
  const bases: FactBase[] = [];
  const problems: LoadedKnowledge['problems'] = [];
  if (options.builtin) bases.push(loadBuiltinFactBase());
  for (const file of options.files) {
    const parsed = loadFactBaseFile(file);
    if (parsed.problems.length) problems.push({ file, problems: parsed.problems });
    if (parsed.base) bases.push(parsed.base);
  }
  const texts = new Map<string, string>();
  for (const base of bases) {
    const text = readSourceText(base);
    if (text !== null) texts.set(base.source.key, text);
  }
  const knowledge = compileKnowledge(bases, loadGazetteer(), texts);
  if (knowledge.problems.length) problems.push({ file: '(fact bases)', problems: knowledge.problems.map((p) => ({ ...p, start: 0, end: 0 })) });
  return { knowledge, problems };
}
