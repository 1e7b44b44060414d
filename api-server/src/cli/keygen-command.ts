import { randomBytes } from 'node:crypto';
import { hashApiKey, type ApiKeyRecord, type Role } from '../auth/api-keys';

/** A new API key and the entry to append to the API keys file. */
export interface GeneratedKey {
  key: string;
  record: ApiKeyRecord;
}

/**
 * Generates an API key (`osk_` + 256 random bits, base64url). The prefix lets log redaction recognise
 * keys anywhere; only the SHA-256 goes into the keys file, so the file is not a secret by itself.
 */
export function generateApiKey(id: string, role: Role, random: (size: number) => Buffer = randomBytes): GeneratedKey {
  const key = `osk_${random(32).toString('base64url')}`;
  return { key, record: { id, role, sha256: hashApiKey(key) } };
}
