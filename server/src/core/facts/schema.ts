import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../../schemas/fact-base.schema.json';
import type { FactBaseProblem } from './model';

let compiled: ValidateFunction | null = null;

function pathOf(error: ErrorObject): Array<string | number> {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path: Array<string | number> = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (error.keyword === 'additionalProperties') path.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return path;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the fact base';
  switch (error.keyword) {
    case 'additionalProperties':
      return `Unknown field "${(error.params as { additionalProperty: string }).additionalProperty}" in ${where}.`;
    case 'required':
      return `${where} needs "${(error.params as { missingProperty: string }).missingProperty}".`;
    case 'enum':
      return `${where} must be one of: ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

/** Checks plain data against schemas/fact-base.schema.json (compiled on first use). */
export function validateFactBaseSchema(data: unknown): FactBaseProblem[] {
  if (!compiled) {
    // Loaded on first use: most sessions never validate a user's fact base, and Ajv is large.
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (compiled(data)) return [];
  const seen = new Set<string>();
  const problems: FactBaseProblem[] = [];
  for (const error of compiled.errors ?? []) {
    // if/then branches repeat their parent's error; one message per place is enough.
    if (error.keyword === 'if') continue;
    const message = describe(error);
    const key = `${error.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path: pathOf(error), message, severity: 'error', code: 'schema' });
  }
  return problems;
}
