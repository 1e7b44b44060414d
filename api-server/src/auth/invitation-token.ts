import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RandomSource } from '../deps';

/** A freshly generated invitation credential. */
export interface NewInvitationToken {
  invitationId: string;
  /** `inv_<invitationId>.<secret>`; shown to the issuing admin once and never stored. */
  token: string;
}

const TOKEN_PATTERN = /^inv_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

/** Generates an invitation id (8 random bytes, hex) and a token carrying a 256-bit secret (base64url). */
export function newInvitationToken(random: RandomSource): NewInvitationToken {
  const invitationId = random.bytes(8).toString('hex');
  const secret = random.bytes(32).toString('base64url');
  return { invitationId, token: `inv_${invitationId}.${secret}` };
}

/** Extracts the invitation id from a well-formed token, or undefined. */
export function parseInvitationToken(token: string): { invitationId: string } | undefined {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { invitationId: match[1] } : undefined;
}

/**
 * HMAC-SHA256 of the whole token under the org's key, hex. Only this value goes on-chain: other orgs
 * see a keyed hash of a random secret, and a ledger reader cannot replay it as a token.
 */
export function tokenHmac(key: Buffer, token: string): string {
  return createHmac('sha256', key).update(token, 'utf8').digest('hex');
}

/** Compares a presented token with the on-chain HMAC in constant time. */
export function tokenMatchesHmac(key: Buffer, token: string, expectedHex: string | undefined): boolean {
  if (!expectedHex || !/^[0-9a-f]{64}$/.test(expectedHex)) {
    return false;
  }
  return timingSafeEqual(Buffer.from(tokenHmac(key, token), 'hex'), Buffer.from(expectedHex, 'hex'));
}
