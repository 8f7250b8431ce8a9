import { fileURLToPath } from 'node:url';

/** Workspace folders and trust, as the client reported them. */
export class Workspace {
  private folders: string[] = [];
  /** Editors without workspace trust are treated as trusted; VS Code says otherwise in restricted mode. */
  trusted = true;

  setFolders(uris: readonly string[]): void {
    this.folders = [...uris];
  }

  addFolders(added: readonly string[], removed: readonly string[]): void {
    this.folders = [...this.folders.filter((f) => !removed.includes(f)), ...added];
  }

  folderOf(uri: string): string | null {
    const matches = this.folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`));
    return matches.sort((a, b) => b.length - a.length)[0] ?? null;
  }

  /** The folder's file system path, or the working folder when the document is outside any folder. */
  folderPathOf(uri: string): string {
    const folder = this.folderOf(uri);
    return folder?.startsWith('file:') ? fileURLToPath(folder) : process.cwd();
  }

  folderPaths(): string[] {
    return this.folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
  }
}
