import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What an API key may do: `admin` proposes, votes and invites; `viewer` only reads. */
export type Role = 'admin' | 'viewer';

/** One entry of the API keys file. The key itself is never stored, only its SHA-256. */
export interface ApiKeyRecord {
  /** A name for audit logs, such as `alice-laptop`. */
  id: string;
  role: Role;
  /** Lower-case hex SHA-256 of the key. */
  sha256: string;
}

const apiKeysFileSchema = z
  .array(
    z
      .object({
        id: z.string().min(1).max(64),
        role: z.enum(['admin', 'viewer']),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be lower-case hex SHA-256'),
      })
      .strict(),
  )
  .min(1, 'at least one API key is required');

/** Parses the API keys file content; throws with a readable message on any defect. */
export function parseApiKeysFile(json: string): ApiKeyRecord[] {
  return apiKeysFileSchema.parse(JSON.parse(json));
}

/** SHA-256 hex of a presented key, the form keys are stored in. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Finds the record matching a presented key. Every record is compared, in constant time, so the
 * response time reveals neither which record matched nor how much of a hash did.
 */
export function findApiKey(records: readonly ApiKeyRecord[], presented: string): ApiKeyRecord | undefined {
  const digest = Buffer.from(hashApiKey(presented), 'hex');
  let match: ApiKeyRecord | undefined;
  for (const record of records) {
    if (timingSafeEqual(digest, Buffer.from(record.sha256, 'hex')) && match === undefined) {
      match = record;
    }
  }
  return match;
}
