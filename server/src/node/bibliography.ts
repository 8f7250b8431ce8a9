import { readFileSync, statSync } from 'node:fs';

/**
 * Citation keys of a bibliography (BibTeX .bib, or CSL-JSON), for `unknown-citation`: a key the
 * writer's own bibliography defines is known, even though no fact base can check it.
 */
const cache = new Map<string, { mtimeMs: number; keys: string[] }>();
const MAX_BIBLIOGRAPHY_SIZE = 20 * 1024 * 1024;

export function bibliographyKeys(path: string): { keys: string[]; problem?: string } {
  let mtimeMs: number;
  try {
    const stat = statSync(path);
    if (stat.size > MAX_BIBLIOGRAPHY_SIZE) return { keys: [], problem: `${path} is larger than 20 MB` };
    mtimeMs = stat.mtimeMs;
  } catch (e) {
    return { keys: [], problem: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return { keys: cached.keys };
  const text = readFileSync(path, 'utf8');
  let keys: string[] = [];
  if (/\.json$/i.test(path) || /^\s*[[{]/.test(text)) {
    try {
      const data = JSON.parse(text) as unknown;
      const items = Array.isArray(data) ? data : (data as { items?: unknown[] }).items ?? [];
      keys = items.map((item) => (item as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
    } catch (e) {
      return { keys: [], problem: `${path} is not valid CSL-JSON: ${(e as Error).message}` };
    }
  } else {
    for (const m of text.matchAll(/@(?!comment|string|preamble)[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)\s*,/gi)) keys.push(m[1]!);
  }
  cache.set(path, { mtimeMs, keys });
  return { keys };
}
