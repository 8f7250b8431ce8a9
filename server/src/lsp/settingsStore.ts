import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';

/**
 * Settings per document (workspace/configuration with the document as scope), cached per URI and
 * dropped on change. Clients that cannot answer configuration requests push settings instead.
 */
export class SettingsStore {
  canAsk = false;
  private pushed: Settings = DEFAULT_SETTINGS;
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private readonly connection: Connection) {}

  forUri(uri: string): Promise<Settings> {
    if (!this.canAsk) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'policyFactCheck' })
        .then(normalizeSettings, () => ({ ...DEFAULT_SETTINGS }));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** A didChangeConfiguration: forget everything; keep what a pushing client sent. */
  changed(pushed: unknown): void {
    if (pushed !== undefined) this.pushed = normalizeSettings(pushed);
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
