/**
 * Secret scrubbing for log records. Logs leave the process (files, collectors, support tickets), so
 * nothing that grants access may reach them: API keys, invitation tokens, HMACs and private keys.
 */

/** Field names whose values are always replaced, whatever they contain. */
const SECRET_KEY_PATTERN = /authorization|cookie|token|secret|password|api[-_]?key|private[-_]?key|hmac/i;

/** Values that look like credentials wherever they appear, even inside an error message. */
const SECRET_VALUE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[REDACTED PRIVATE KEY]'],
  [/\binv_[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)?/g, 'inv_[REDACTED]'],
  [/\bosk_[A-Za-z0-9_-]+/g, 'osk_[REDACTED]'],
  [/\bBearer\s+\S+/gi, 'Bearer [REDACTED]'],
];

/** Replaces credential-looking substrings of a string. */
export function redactString(value: string): string {
  let result = value;
  for (const [pattern, replacement] of SECRET_VALUE_PATTERNS) {
    result = result.replace(pattern, replacement);
  }
  return result;
}

/**
 * Returns a deep copy of `value` with secret fields replaced and secret-looking strings scrubbed.
 * Cycles are cut rather than followed, since a log call must never throw.
 */
export function redactValue(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') {
    return redactString(value);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (seen.has(value)) {
    return '[Circular]';
  }
  seen.add(value);
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, seen));
  }
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message), stack: value.stack && redactString(value.stack) };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    copy[key] = SECRET_KEY_PATTERN.test(key) ? '[REDACTED]' : redactValue(entry, seen);
  }
  return copy;
}
