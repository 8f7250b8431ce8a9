import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { FactBase } from '../core/facts/model';
import { MAX_FACT_BASE_SIZE, MAX_SOURCE_TEXT_SIZE, parseFactBaseYaml, type LocatedProblem } from '../core/facts/parse';
import { validateFactBaseSchema } from '../core/facts/schema';
import { collapseWhitespace } from '../core/text/quotes';
import { walkFiles } from '../node/files';
import { builtinFactBasePath } from '../node/factFiles';

/**
 * The user's fact bases: every *.facts.yaml (.yml, .json) of the workspace and those named in
 * settings, each kept with its last good version. Editor text wins over the file on disk while a
 * fact base is open, so that edits take effect as they are typed.
 */

export const FACT_BASE_FILE = /\.facts\.(ya?ml|json)$/i;

export interface FactBaseEntry {
  path: string;
  /** The text last parsed, from the editor or from disk. */
  text: string | null;
  /** The newest version that loaded without errors. */
  lastGood: FactBase | null;
  /** The full text of the source, read next to the fact base when it names one. */
  sourceText: string | null;
  /** Problems of the newest version (the text as it is now). */
  problems: LocatedProblem[];
  /** The newest version has errors, so `lastGood` (an earlier version) is what checks use. */
  usingLastGood: boolean;
  fromEditor: boolean;
  /** Positions of document paths in the newest text, for problems found across files. */
  locate: ((path: ReadonlyArray<string | number>) => [number, number]) | null;
  factIndex: Map<string, number>;
}

export interface RegistryOptions {
  /** Workspace folders (paths); in a restricted workspace, source texts are read only inside them. */
  folders: () => readonly string[];
  restricted: () => boolean;
  /** Called after any change, however it came (the editor, the disk, a lazily loaded settings file). */
  changed?: () => void;
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel);
}

export class FactBaseRegistry {
  private readonly entries = new Map<string, FactBaseEntry>();
  private generation = 0;

  constructor(private readonly options: RegistryOptions) {}

  /** Changes whenever any fact base changes: compiled knowledge keyed by it is stale. */
  get version(): number {
    return this.generation;
  }

  has(path: string): boolean {
    return this.entries.has(resolve(path));
  }

  entry(path: string): FactBaseEntry | undefined {
    return this.entries.get(resolve(path));
  }

  /** Finds and loads every fact base file of the folders. */
  discover(): void {
    for (const folder of this.options.folders()) {
      // The built-in fact base is loaded on its own (when the workspace is this extension's repository).
      const builtin = builtinFactBasePath();
      for (const file of walkFiles(folder, (f) => FACT_BASE_FILE.test(basename(f)) && f !== builtin)) {
        if (!this.entries.has(file)) this.loadFromDisk(file);
      }
    }
  }

  /** Fact base files known under a folder (all of them without a folder). */
  filesUnder(folder: string | null): string[] {
    return [...this.entries.keys()].filter((p) => folder === null || inside(folder, p)).sort();
  }

  loadFromDisk(path: string): void {
    const absolute = resolve(path);
    const current = this.entries.get(absolute);
    if (current?.fromEditor) return;
    let text: string | null = null;
    let problem: LocatedProblem | null = null;
    try {
      if (statSync(absolute).size > MAX_FACT_BASE_SIZE) {
        problem = { path: [], message: `The file is larger than ${MAX_FACT_BASE_SIZE / 1024 / 1024} MB, the limit for a fact base, and is not loaded.`, severity: 'error', code: 'too-large', start: 0, end: 0 };
      } else text = readFileSync(absolute, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') { this.remove(absolute); return; }
      problem = { path: [], message: `Cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, severity: 'error', code: 'unreadable', start: 0, end: 0 };
    }
    if (text === null) {
      this.store(absolute, null, problem ? [problem] : [], null, false);
      return;
    }
    this.parse(absolute, text, false);
  }

  setFromEditor(path: string, text: string): void {
    this.parse(resolve(path), text, true);
  }

  /** The editor closed the file: what is on disk counts again. */
  closeInEditor(path: string): void {
    const absolute = resolve(path);
    const entry = this.entries.get(absolute);
    if (entry) entry.fromEditor = false;
    this.loadFromDisk(absolute);
  }

  remove(path: string): void {
    if (this.entries.delete(resolve(path))) {
      this.generation++;
      this.options.changed?.();
    }
  }

  /** Reads every file again (after the workspace became trusted, source texts may now be read). */
  reloadAll(): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.fromEditor && entry.text !== null) this.parse(entry.path, entry.text, true);
      else this.loadFromDisk(entry.path);
    }
  }

  /** The fact bases to check with: the last good version of each file. */
  bases(paths: readonly string[]): Array<{ base: FactBase; sourceText: string | null }> {
    const out: Array<{ base: FactBase; sourceText: string | null }> = [];
    for (const p of paths) {
      const entry = this.entries.get(resolve(p));
      if (entry?.lastGood) out.push({ base: entry.lastGood, sourceText: entry.sourceText });
    }
    return out;
  }

  /** Problems to show in the file, saying when checks go on with an earlier version. */
  problems(path: string): LocatedProblem[] {
    const entry = this.entries.get(resolve(path));
    if (!entry) return [];
    if (!entry.usingLastGood) return entry.problems;
    return entry.problems.map((p) => (p.severity === 'error' ? { ...p, message: `${p.message} Checks keep using the last good version of this file until this is fixed.` } : p));
  }

  private parse(path: string, text: string, fromEditor: boolean): void {
    const parsed = parseFactBaseYaml(text, path, validateFactBaseSchema);
    const problems = [...parsed.problems];
    let sourceText: string | null = null;
    if (parsed.base) {
      const read = this.readSourceText(path, parsed.base);
      sourceText = read.text;
      if (read.problem) problems.push({ ...read.problem, ...spanOf(parsed.locate, ['source', 'text']) });
      if (sourceText !== null) {
        const folded = collapseWhitespace(sourceText);
        for (const fact of parsed.base.facts) {
          if (folded.includes(collapseWhitespace(fact.quote))) continue;
          const index = parsed.factIndex?.get(fact.id);
          problems.push({
            path: ['facts', index ?? 0, 'quote'], severity: 'error', code: 'quote-not-in-source',
            message: `This quote does not appear in ${parsed.base.source.textPath}: a quote must be the source's words, verbatim.`,
            ...spanOf(parsed.locate, ['facts', index ?? 0, 'quote']),
          });
        }
      }
    }
    // A bad fact is dropped with its own problem; only a file that cannot be read at all falls back to the last good version.
    const good = parsed.base !== null;
    this.store(path, text, problems, good ? parsed.base : null, fromEditor, sourceText, parsed.locate ?? null, parsed.factIndex ?? new Map());
  }

  /**
   * Problems between files: a citation key or fact id that another loaded fact base (or the
   * built-in one) already uses. The file that sorts later gives way and says so.
   */
  crossFileProblems(path: string, builtin: { key: string; factIds: ReadonlySet<string> } | null): LocatedProblem[] {
    const absolute = resolve(path);
    const entry = this.entries.get(absolute);
    const base = entry?.lastGood;
    if (!entry || !base) return [];
    const earlier = [...this.entries.values()].filter((e) => e.path < absolute && e.lastGood).map((e) => ({ key: e.lastGood!.source.key, ids: new Set(e.lastGood!.facts.map((f) => f.id)), name: basename(e.path) }));
    if (builtin) earlier.unshift({ key: builtin.key, ids: new Set(builtin.factIds), name: 'the built-in fact base' });
    const out: LocatedProblem[] = [];
    const span = (p: ReadonlyArray<string | number>) => spanOf(entry.locate ?? undefined, p);
    const keyOwner = earlier.find((e) => e.key === base.source.key);
    if (keyOwner) {
      out.push({ path: ['source', 'key'], severity: 'error', code: 'duplicate-key', message: `The citation key "${base.source.key}" is already used by ${keyOwner.name}; this fact base is not loaded until the key is changed.`, ...span(['source', 'key']) });
    }
    for (const fact of base.facts) {
      const owner = earlier.find((e) => e.ids.has(fact.id));
      if (!owner) continue;
      const index = entry.factIndex.get(fact.id) ?? 0;
      out.push({ path: ['facts', index, 'id'], severity: 'error', code: 'duplicate-id', message: `The fact id "${fact.id}" is already used by ${owner.name}; this fact is ignored.`, ...span(['facts', index, 'id']) });
    }
    return out;
  }

  /** Every file the registry knows, for publishing their problems. */
  allFiles(): string[] {
    return [...this.entries.keys()];
  }

  private store(path: string, text: string | null, problems: LocatedProblem[], base: FactBase | null, fromEditor: boolean, sourceText: string | null = null,
    locate: FactBaseEntry['locate'] = null, factIndex: Map<string, number> = new Map()): void {
    const previous = this.entries.get(path);
    const lastGood = base ?? previous?.lastGood ?? null;
    this.entries.set(path, {
      path,
      text,
      lastGood,
      sourceText: base ? sourceText : previous?.sourceText ?? null,
      problems,
      usingLastGood: base === null && lastGood !== null,
      fromEditor,
      locate,
      factIndex,
    });
    this.generation++;
    this.options.changed?.();
  }

  private readSourceText(path: string, base: FactBase): { text: string | null; problem?: LocatedProblem } {
    const relativePath = base.source.textPath;
    if (!relativePath) return { text: null };
    const target = resolve(dirname(path), relativePath);
    // Symbolic links are followed before deciding whether the text is inside the workspace.
    const real = (p: string) => { try { return realpathSync(p); } catch { return p; } };
    if (this.options.restricted() && !this.options.folders().some((f) => inside(real(f), real(target)))) {
      return { text: null, problem: { path: ['source', 'text'], severity: 'warning', code: 'restricted', message: `In a restricted workspace, source texts are read only inside the workspace; ${relativePath} is not, so quotes are not checked against it.`, start: 0, end: 0 } };
    }
    try {
      if (statSync(target).size > MAX_SOURCE_TEXT_SIZE) return { text: null, problem: { path: ['source', 'text'], severity: 'error', code: 'too-large', message: `The source text ${relativePath} is larger than ${MAX_SOURCE_TEXT_SIZE / 1024 / 1024} MB, the limit for a source text, and is not read: quotes are not checked against it.`, start: 0, end: 0 } };
      return { text: readFileSync(target, 'utf8') };
    } catch (e) {
      return { text: null, problem: { path: ['source', 'text'], severity: 'error', code: 'missing-text', message: `Cannot read the source text ${relativePath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, start: 0, end: 0 } };
    }
  }
}

function spanOf(locate: ((path: ReadonlyArray<string | number>) => [number, number]) | undefined, path: ReadonlyArray<string | number>): { start: number; end: number } {
  const [start, end] = locate ? locate(path) : [0, 0];
  return { start, end };
}
