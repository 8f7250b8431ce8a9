import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from '../core/match/knowledge';
import { loadKnowledge } from '../node/factFiles';
import type { Settings } from './settings';

/** Compiled knowledge per combination of fact bases, so documents with the same settings share it. */
export class KnowledgeStore {
  private readonly byKey = new Map<string, Knowledge>();

  private resolveFiles(settings: Settings, folderUri: string | null): string[] {
    const folder = folderUri?.startsWith('file:') ? fileURLToPath(folderUri) : process.cwd();
    return settings.factBases.map((p) => (isAbsolute(p) ? p : resolve(folder, p)));
  }

  get(settings: Settings, folderUri: string | null): Knowledge {
    const files = this.resolveFiles(settings, folderUri);
    const key = `${settings.builtInFactBase ? 1 : 0}|${files.join('|')}`;
    let knowledge = this.byKey.get(key);
    if (!knowledge) {
      knowledge = loadKnowledge({ builtin: settings.builtInFactBase, files }).knowledge;
      this.byKey.set(key, knowledge);
    }
    return knowledge;
  }

  clear(): void {
    this.byKey.clear();
  }
}
