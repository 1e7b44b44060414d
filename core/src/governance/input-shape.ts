import { OpsError } from '../errors';
import { GOVERNANCE_LIMITS } from './limits';

/**
 * Small readers for untrusted JSON. Each returns a typed value or throws INVALID_ARGUMENT naming the
 * path, so a client learns exactly which field was wrong. Unknown fields are refused: whatever is
 * accepted is stored on the ledger forever, so nothing is stored that nobody asked for.
 */
export type JsonObject = Record<string, unknown>;

function invalid(path: string, expected: string): never {
  throw new OpsError('INVALID_ARGUMENT', `${path} must be ${expected}`);
}

/** Reads a plain object whose keys are all in `allowed` (when given). */
export function expectObject(value: unknown, path: string, allowed?: readonly string[]): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    invalid(path, 'an object');
  }
  if (allowed) {
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
    if (unknown.length > 0) {
      throw new OpsError('INVALID_ARGUMENT', `${path} has unknown field(s): ${unknown.sort().join(', ')}`);
    }
  }
  return value as JsonObject;
}

/** Options of {@link expectString}. */
export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** Human wording of the rule, for the error message. */
  describe?: string;
}

/** Reads a string of bounded length (default 1 to {@link GOVERNANCE_LIMITS.textChars}). */
export function expectString(value: unknown, path: string, rule: StringRule = {}): string {
  const min = rule.min ?? 1;
  const max = rule.max ?? GOVERNANCE_LIMITS.textChars;
  if (typeof value !== 'string' || value.length < min || value.length > max || (rule.pattern && !rule.pattern.test(value))) {
    invalid(path, rule.describe ?? `a string of ${min} to ${max} characters`);
  }
  return value;
}

/** Reads an optional string; `undefined` stays `undefined`. */
export function optionalString(value: unknown, path: string, rule: StringRule = {}): string | undefined {
  return value === undefined ? undefined : expectString(value, path, rule);
}

/** Reads a safe integer in `[min, max]`. */
export function expectInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    invalid(path, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** Reads an array of at most `maxItems`, each item read by `item`; with `unique`, duplicates are refused. */
export function expectArray<T>(
  value: unknown,
  path: string,
  maxItems: number,
  item: (entry: unknown, itemPath: string) => T,
  unique = false,
): T[] {
  if (!Array.isArray(value) || value.length > maxItems) {
    invalid(path, `an array of at most ${maxItems} items`);
  }
  const out = value.map((entry, i) => item(entry, `${path}[${i}]`));
  if (unique && new Set(out.map((entry) => JSON.stringify(entry))).size !== out.length) {
    invalid(path, 'free of duplicates');
  }
  return out;
}

/** Reads an ISO-8601 UTC timestamp such as `2030-01-01T00:00:00.000Z` and returns it as a Date. */
export function expectIsoTime(value: unknown, path: string): Date {
  const text = expectString(value, path, {
    max: 30,
    pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/,
    describe: 'an ISO-8601 UTC time such as 2030-01-01T00:00:00Z',
  });
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    invalid(path, 'a real date');
  }
  return date;
}
