import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CONNECTION_OPTIONS, type ConnectionFlags } from './api-options';
import { UsageError } from './cli-errors';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** A command's own flags and positionals, with the connection flags set apart. */
export interface ParsedCommandArgs<O extends OptionSpecs> {
  values: ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>['values'];
  positionals: string[];
  connection: ConnectionFlags;
  json: boolean;
}

/**
 * Parses a command's argv strictly (an unknown flag is a usage error, as is a wrong count of
 * positionals), adding the connection and `--json` flags every api command takes.
 */
export function parseCommandArgs<O extends OptionSpecs>(argv: string[], options: O, positionalNames: string[] = []): ParsedCommandArgs<O> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...CONNECTION_OPTIONS }, strict: true, allowPositionals: true });
  } catch (err) {
    // parseArgs names the offending flag, never the values around it.
    throw new UsageError((err as Error).message.split('. ')[0]);
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, unknown>;
  if (positionals.length !== positionalNames.length) {
    const expected = positionalNames.length ? positionalNames.map((n) => `<${n}>`).join(' ') : 'no positional argument';
    // counted, not echoed: a stray argument may be a secret pasted in the wrong place
    throw new UsageError(`expected ${expected}, got ${positionals.length || 'no'} argument${positionals.length === 1 ? '' : 's'}`);
  }
  return {
    values: values as ParsedCommandArgs<O>['values'],
    positionals,
    connection: { api: values.api as string | undefined, 'api-key-file': values['api-key-file'] as string | undefined },
    json: values.json === true,
  };
}

/** A required flag's value. */
export function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new UsageError(`--${name} is required`);
  }
  return value;
}

/** An optional positive integer flag (`--sequence 3`); the server checks ranges. */
export function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--${name} must be a positive integer, got ${value}`);
  }
  return n;
}

/** Throws unless at most one of mutually exclusive flags is given (exactly one with `need`). */
export function exclusive(flags: Record<string, unknown>, need = false): void {
  const given = Object.keys(flags).filter((name) => flags[name] !== undefined && flags[name] !== false);
  const names = Object.keys(flags).map((name) => `--${name}`).join(', ');
  if (given.length > 1) throw new UsageError(`give only one of ${names}`);
  if (need && given.length === 0) throw new UsageError(`one of ${names} is required`);
}
