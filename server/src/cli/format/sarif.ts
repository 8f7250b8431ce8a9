import { pathToFileURL } from 'node:url';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type * as Sarif from 'sarif';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../../lsp/convert';
import { FINDING_DESCRIPTIONS } from '../../core/findingCodes';

/** SARIF 2.1.0 for code-scanning upload: one run, one rule per finding code, fixes as replacements. */

const LEVEL: Record<number, Sarif.Result.level> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

function region(d: { range: Diagnostic['range'] }): Sarif.Region {
  return {
    startLine: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

/** The folder as a file URI ending in exactly one slash, as SARIF requires of a base URI ("/" gives file:///). */
function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function formatSarif(results: ReadonlyArray<{ file: string; diagnostics: Diagnostic[] }>, version: string, cwd = process.cwd()): string {
  const rules: Sarif.ReportingDescriptor[] = Object.entries(FINDING_DESCRIPTIONS).map(([id, d]) => ({
    id,
    name: d.name,
    shortDescription: { text: d.short },
    fullDescription: { text: d.full },
    defaultConfiguration: { level: d.level },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: Sarif.Result[] = [];
  for (const { file, diagnostics } of results) {
    // A URI reference, not a path: each segment percent-encoded (a space, #, % or ? in a file name).
    const rel = relative(cwd, file);
    const inside = rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
    const artifactLocation: Sarif.ArtifactLocation = inside
      ? { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
      : { uri: pathToFileURL(resolve(cwd, file)).href };
    for (const d of diagnostics) {
      const data = d.data as DiagnosticData | undefined;
      const result: Sarif.Result = {
        ruleId: String(d.code),
        ruleIndex: ruleIndex.get(String(d.code)),
        level: LEVEL[d.severity ?? 2] ?? 'warning',
        message: { text: typeof d.message === "string" ? d.message : d.message.value },
        locations: [{ physicalLocation: { artifactLocation, region: region(d) } }],
      };
      if (data?.factId) result.properties = { factId: data.factId };
      if (data?.fixes?.length) {
        result.fixes = data.fixes.map((fix, i) => {
          const edits: TextEdit[] = Array.isArray(fix) ? fix : [fix];
          return {
            description: { text: data.fixTitles[i] ?? 'Apply the source’s value' },
            artifactChanges: [{ artifactLocation, replacements: edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.newText } })) }],
          };
        });
      }
      sarifResults.push(result);
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'policy-fact-check', version, informationUri: 'https://www.npmjs.com/package/policy-fact-check', rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(cwd) } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
