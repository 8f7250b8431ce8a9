import { isAbsolute, resolve } from 'node:path';
import type { FactBase } from '../core/facts/model';
import { compileKnowledge, type Knowledge } from '../core/match/knowledge';
import { loadBuiltinFactBase, loadGazetteer, builtinSourceText } from '../node/factFiles';
import { expandGlob, isGlob } from '../node/files';
import type { FactBaseRegistry } from './factBaseRegistry';
import type { Settings } from './settings';
import type { Workspace } from './workspace';

/**
 * Compiled knowledge per combination of fact bases (built-in or not, the folder's fact base files,
 * the files named in settings), rebuilt when any fact base changes.
 */
export class KnowledgeStore {
  private readonly byKey = new Map<string, Knowledge>();
  private version = -1;

  constructor(private readonly registry: FactBaseRegistry, private readonly workspace: Workspace) {}

  /** The fact base files that apply to a document. */
  filesFor(settings: Settings, uri: string): string[] {
    const folder = this.workspace.folderPathOf(uri);
    const files = new Set(this.registry.filesUnder(this.workspace.folderOf(uri) ? folder : null));
    for (const pattern of settings.factBases) {
      const matches = isGlob(pattern) ? expandGlob(pattern, folder) : [isAbsolute(pattern) ? pattern : resolve(folder, pattern)];
      for (const file of matches) {
        if (!this.registry.has(file)) this.registry.loadFromDisk(file);
        files.add(resolve(file));
      }
    }
    return [...files].sort();
  }

  get(settings: Settings, uri: string): Knowledge {
    const files = this.filesFor(settings, uri);
    if (this.version !== this.registry.version) {
      this.byKey.clear();
      this.version = this.registry.version;
    }
    const key = `${settings.builtInFactBase ? 1 : 0}|${files.join('|')}`;
    let knowledge = this.byKey.get(key);
    if (!knowledge) {
      const bases: FactBase[] = [];
      const texts = new Map<string, string>();
      if (settings.builtInFactBase) {
        const builtin = loadBuiltinFactBase();
        bases.push(builtin);
        const text = builtinSourceText();
        if (text !== null) texts.set(builtin.source.key, text);
      }
      for (const { base, sourceText } of this.registry.bases(files)) {
        bases.push(base);
        if (sourceText !== null && !texts.has(base.source.key)) texts.set(base.source.key, sourceText);
      }
      knowledge = compileKnowledge(bases, loadGazetteer(), texts);
      this.byKey.set(key, knowledge);
    }
    return knowledge;
  }
}
