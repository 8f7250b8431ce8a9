/** A small, strict argument parser: unknown options are usage errors, not silently ignored. */
export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

export interface CommandSpec {
  /** Options that take a value (--format json); may repeat. */
  valued: readonly string[];
  /** Options without a value (--stdio). */
  flags: readonly string[];
}

export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, CommandSpec>>): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('No command given.');
  const spec = specs[command];
  if (!spec) throw new UsageError(`Unknown command "${command}".`);
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') { positionals.push(...rest.slice(i + 1)); break; }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (spec.flags.includes(name)) {
        if (eq > 0) throw new UsageError(`--${name} takes no value.`);
        flags.add(name);
      } else if (spec.valued.includes(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value.`);
        options.set(name, [...(options.get(name) ?? []), value]);
      } else throw new UsageError(`Unknown option --${name} for "${command}".`);
    } else positionals.push(arg);
  }
  return { command, positionals, options, flags };
}

export function single(args: ParsedArgs, name: string, allowed: readonly string[], fallback: string): string {
  const values = args.options.get(name);
  if (!values) return fallback;
  const value = values[values.length - 1]!;
  if (!allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}").`);
  return value;
}
