import { OpsError } from '../errors';
import { GOVERNANCE_LIMITS } from './limits';

/**
 * Refuses a transaction argument larger than `maxBytes` (UTF-8) with PAYLOAD_TOO_LARGE.
 * Checked before any parsing, since every endorser pays for parsing.
 */
export function assertArgumentSize(name: string, value: string, maxBytes: number = GOVERNANCE_LIMITS.argumentBytes): void {
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > maxBytes) {
    throw new OpsError('PAYLOAD_TOO_LARGE', `${name} is ${bytes} bytes; the limit is ${maxBytes}`);
  }
}

/**
 * Parses a JSON transaction argument: size first (PAYLOAD_TOO_LARGE), then nesting depth and syntax
 * (INVALID_ARGUMENT). The depth check is a linear scan, so hostile input like `[[[[…` costs nothing and
 * never reaches a recursive walker such as canonicalJson.
 */
export function parseJsonArgument(name: string, value: string, maxBytes: number = GOVERNANCE_LIMITS.argumentBytes): unknown {
  if (typeof value !== 'string' || value.length === 0) {
    throw new OpsError('INVALID_ARGUMENT', `${name} must be a JSON string`);
  }
  assertArgumentSize(name, value, maxBytes);
  if (jsonDepth(value) > GOVERNANCE_LIMITS.jsonDepth) {
    throw new OpsError('INVALID_ARGUMENT', `${name} is nested deeper than ${GOVERNANCE_LIMITS.jsonDepth} levels`);
  }
  try {
    return JSON.parse(value) as unknown;
  } catch (err) {
    throw new OpsError('INVALID_ARGUMENT', `${name} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Maximum bracket nesting of a JSON text, ignoring brackets inside strings. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return max;
}
