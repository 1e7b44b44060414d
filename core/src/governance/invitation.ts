import { OpsError } from '../errors';
import { assertInvitationId, assertMspId } from './identifiers';
import { expectIsoTime, expectObject, expectString } from './input-shape';
import { GOVERNANCE_LIMITS } from './limits';

/** An invitation's lifecycle: issued once, then either used (exactly once) or revoked. */
export type InvitationStatus = 'ISSUED' | 'USED' | 'REVOKED';

/**
 * An invitation, stored under `invitation~issuerMspId~invitationId`. The token itself is never on the
 * ledger: only `tokenHmac`, a keyed hash that only the issuing org's api-servers can recompute.
 */
export interface Invitation {
  invitationId: string;
  issuerMspId: string;
  /** The only MSP ID that may use the invitation. */
  mspId: string;
  expiresAt: string;
  tokenHmac: string;
  status: InvitationStatus;
  issuedAt: string;
  issuedTxId: string;
  usedAt?: string;
  usedTxId?: string;
  /** The proposal the invitation created or attested. */
  usedFor?: string;
  revokedAt?: string;
}

/** An invitation as shown to anyone but the issuing api-server: without `tokenHmac`. */
export type PublicInvitation = Omit<Invitation, 'tokenHmac'>;

/** Drops `tokenHmac`. */
export function publicInvitationView(invitation: Invitation): PublicInvitation {
  const { tokenHmac: _hmac, ...rest } = invitation;
  return rest;
}

/** The IssueInvitation argument, after validation. */
export interface InvitationInput {
  invitationId: string;
  mspId: string;
  expiresAt: string;
  tokenHmac: string;
}

/**
 * Reads an IssueInvitation argument. The expiry must be in the future and at most
 * {@link GOVERNANCE_LIMITS.maxInvitationSeconds} away, both against the transaction time.
 */
export function parseInvitationInput(value: unknown, now: Date): InvitationInput {
  const obj = expectObject(value, 'invitation', ['invitationId', 'mspId', 'expiresAt', 'tokenHmac']);
  const invitationId = assertInvitationId(obj.invitationId);
  const mspId = assertMspId(obj.mspId, 'invitation.mspId');
  const expires = expectIsoTime(obj.expiresAt, 'invitation.expiresAt');
  const seconds = (expires.getTime() - now.getTime()) / 1000;
  if (seconds <= 0 || seconds > GOVERNANCE_LIMITS.maxInvitationSeconds) {
    throw new OpsError(
      'INVALID_ARGUMENT',
      `invitation.expiresAt must be after the transaction time and at most ${GOVERNANCE_LIMITS.maxInvitationSeconds}s later`,
    );
  }
  // hex or base64(url) of an HMAC-SHA256; the api-server decides the encoding, the chain only stores it
  const tokenHmac = expectString(obj.tokenHmac, 'invitation.tokenHmac', {
    min: 32,
    max: 128,
    pattern: /^[A-Za-z0-9+/=_-]+$/,
    describe: 'hex or base64 of an HMAC (32 to 128 characters)',
  });
  return { invitationId, mspId, expiresAt: expires.toISOString(), tokenHmac };
}

/**
 * Checks that `invitation` may be used now by `joiningMspId`, with a stable code for each refusal.
 * The caller consumes it in the same transaction (see {@link consumeInvitation}), which is what makes
 * a double use impossible: two uses in one block both read it, and the second fails MVCC validation.
 */
export function assertInvitationUsable(invitation: Invitation, joiningMspId: string, now: Date): void {
  const id = invitation.invitationId;
  if (invitation.status === 'REVOKED') {
    throw new OpsError('INVITATION_REVOKED', `invitation ${id} was revoked at ${invitation.revokedAt}`);
  }
  if (invitation.status === 'USED') {
    throw new OpsError('INVITATION_USED', `invitation ${id} was already used for ${invitation.usedFor}`);
  }
  if (invitation.mspId !== joiningMspId) {
    throw new OpsError('INVITATION_MSP_MISMATCH', `invitation ${id} is for ${invitation.mspId}, not ${joiningMspId}`);
  }
  if (now.getTime() >= Date.parse(invitation.expiresAt)) {
    throw new OpsError('INVITATION_EXPIRED', `invitation ${id} expired at ${invitation.expiresAt}`);
  }
}

/** The invitation after use. */
export function consumeInvitation(invitation: Invitation, proposalId: string, nowIso: string, txId: string): Invitation {
  return { ...invitation, status: 'USED', usedAt: nowIso, usedTxId: txId, usedFor: proposalId };
}

/** The invitation after revocation; a used or revoked invitation cannot be revoked. */
export function revokeInvitation(invitation: Invitation, nowIso: string): Invitation {
  if (invitation.status === 'USED') {
    throw new OpsError('INVITATION_USED', `invitation ${invitation.invitationId} was already used`);
  }
  if (invitation.status === 'REVOKED') {
    throw new OpsError('INVITATION_REVOKED', `invitation ${invitation.invitationId} is already revoked`);
  }
  return { ...invitation, status: 'REVOKED', revokedAt: nowIso };
}
