import type { FindingCode } from '../core/types';
import type { SeverityOverrides, SeveritySetting } from './convert';

/** The extension's settings (section `policyFactCheck`), read per document with scope `resource`. */
export interface Settings {
  enable: boolean;
  severity: SeverityOverrides;
  /** Extra fact base files or globs, relative to the workspace folder. */
  factBases: string[];
  builtInFactBase: boolean;
  maxDocumentSize: number;
  citationStyle: 'pandoc' | 'footnote';
  bibliography: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  severity: {},
  factBases: [],
  builtInFactBase: true,
  maxDocumentSize: 5 * 1024 * 1024,
  citationStyle: 'pandoc',
  bibliography: [],
};

const SEVERITIES = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);
const CODES = new Set<FindingCode>(['contradiction', 'unknown-citation', 'unsupported-citation', 'wrong-locator', 'uncited-claim', 'misquote', 'document-too-large', 'internal-error']);

function stringList(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

/** Reads what a client sent, tolerating null, partial or wrongly typed settings. */
export function normalizeSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS };
  const r = raw as Record<string, unknown>;
  const severity: SeverityOverrides = {};
  if (typeof r.severity === 'object' && r.severity !== null) {
    for (const [code, value] of Object.entries(r.severity as Record<string, unknown>)) {
      if (CODES.has(code as FindingCode) && SEVERITIES.has(value as SeveritySetting)) severity[code as FindingCode] = value as SeveritySetting;
    }
  }
  const size = typeof r.maxDocumentSize === 'number' && Number.isFinite(r.maxDocumentSize) && r.maxDocumentSize > 0 ? r.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize;
  return {
    enable: r.enable !== false,
    severity,
    factBases: stringList(r.factBases),
    builtInFactBase: r.builtInFactBase !== false,
    maxDocumentSize: size,
    citationStyle: r.citationStyle === 'footnote' ? 'footnote' : 'pandoc',
    bibliography: stringList(r.bibliography),
  };
}
