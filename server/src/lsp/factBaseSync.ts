import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type Connection, type Diagnostic, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import type { LocatedProblem } from '../core/facts/parse';
import { LineIndex } from '../core/text/lineIndex';
import { loadBuiltinFactBase } from '../node/factFiles';
import { DIAGNOSTIC_SOURCE } from './convert';
import { FACT_BASE_FILE, type FactBaseRegistry } from './factBaseRegistry';

/**
 * Keeps the registry of fact bases in step with the editor and the disk, publishes each fact base
 * file's problems at their YAML positions, and tells the drafts to check again after a change.
 */
export class FactBaseSync {
  private timer: NodeJS.Timeout | null = null;
  private readonly published = new Set<string>();
  /** Registry version the drafts were last checked against. */
  private seen = 0;

  constructor(
    private readonly connection: Connection,
    private readonly registry: FactBaseRegistry,
    private readonly onChange: () => void,
  ) {}

  static isFactBaseUri(uri: string): boolean {
    try {
      return FACT_BASE_FILE.test(basename(new URL(uri).pathname));
    } catch {
      return false;
    }
  }

  private pathOf(uri: string): string | null {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  }

  discover(): void {
    this.registry.discover();
  }

  /** Trust changed: read everything again, source texts included. */
  reload(): void {
    this.registry.discover();
    this.registry.reloadAll();
  }

  editorChanged(uri: string, text: string): void {
    const path = this.pathOf(uri);
    if (path) this.registry.setFromEditor(path, text);
  }

  editorClosed(uri: string): void {
    const path = this.pathOf(uri);
    if (path) this.registry.closeInEditor(path);
  }

  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    for (const change of params.changes) {
      const path = this.pathOf(change.uri);
      if (!path || (!FACT_BASE_FILE.test(basename(path)) && !this.registry.has(path))) continue;
      if (change.type === FileChangeType.Deleted) this.registry.remove(path);
      else this.registry.loadFromDisk(path);
    }
  }

  /** Many changes at once (a branch switch) settle into one re-check. Called by the registry. */
  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.registry.version === this.seen) return;
      this.seen = this.registry.version;
      this.publishAll();
      this.onChange();
    }, 50);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private publishAll(): void {
    const builtin = loadBuiltinFactBase();
    const builtinIds = { key: builtin.source.key, factIds: new Set(builtin.facts.map((f) => f.id)) };
    const files = new Set(this.registry.allFiles());
    for (const path of files) {
      const entry = this.registry.entry(path);
      const problems = [...this.registry.problems(path), ...this.registry.crossFileProblems(path, builtinIds)];
      const index = new LineIndex(entry?.text ?? '');
      const uri = pathToFileURL(path).href;
      void this.connection.sendDiagnostics({ uri, diagnostics: problems.map((p) => toDiagnostic(p, index)) });
      this.published.add(uri);
    }
    for (const uri of [...this.published]) {
      const path = this.pathOf(uri);
      if (path && !files.has(path)) {
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        this.published.delete(uri);
      }
    }
  }
}

function toDiagnostic(problem: LocatedProblem, index: LineIndex): Diagnostic {
  return {
    range: { start: index.positionAt(problem.start), end: index.positionAt(problem.end) },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: problem.code,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}
