import type { Request, RequestHandler } from 'express';
import { OpsError } from '@opssc/core';
import type { Clock } from '../deps';
import { setPrincipal } from '../http/request-context';
import type { LedgerPort } from '../ledger/ledger-port';
import { readInvitation, type InvitationView } from '../ledger/records';
import { bearerCredential } from './bearer';
import type { FailureRateLimiter } from './failure-rate-limiter';
import { parseInvitationToken, tokenMatchesHmac } from './invitation-token';

/** What the invitation middleware needs. */
export interface InvitationAuthDeps {
  ledger: LedgerPort;
  hmacKey: Buffer;
  clock: Clock;
  limiter: FailureRateLimiter;
}

/**
 * Authenticates an invitation token on the join endpoints.
 * - `join`: the token must be unused, unexpired, unrevoked and issued for the body's `mspId`
 *   (the chaincode checks all of it again, atomically, when it consumes the invitation);
 * - `read`: the token must be unrevoked, and unexpired unless a join request already consumed it,
 *   since a joiner follows its proposal for longer than the invitation lived.
 * Failures count per client IP and per invitation id; past the limit the answer is 429.
 */
export function invitationAuth(deps: InvitationAuthDeps, mode: 'join' | 'read'): RequestHandler {
  return async (req, res, next) => {
    const token = bearerCredential(req);
    const invitationId = token ? parseInvitationToken(token)?.invitationId : undefined;
    const keys = [`ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`, ...(invitationId ? [`inv:${invitationId}`] : [])];
    const retryAfter = Math.max(...keys.map((key) => deps.limiter.retryAfterSeconds(key)));
    if (retryAfter > 0) {
      res.setHeader('Retry-After', String(retryAfter));
      throw new OpsError('RATE_LIMITED', 'too many failed attempts with invitation tokens; try again later');
    }
    try {
      const invitation = await verify(deps, req, mode, token, invitationId);
      setPrincipal(res, { kind: 'invitation', invitation });
    } catch (err) {
      if (err instanceof OpsError && (err.code === 'UNAUTHENTICATED' || err.code.startsWith('INVITATION_'))) {
        keys.forEach((key) => deps.limiter.recordFailure(key));
      }
      throw err;
    }
    next();
  };
}

async function verify(
  deps: InvitationAuthDeps,
  req: Request,
  mode: 'join' | 'read',
  token: string | undefined,
  invitationId: string | undefined,
): Promise<InvitationView> {
  if (!token) {
    throw new OpsError('UNAUTHENTICATED', 'an invitation token is required (Authorization: Bearer inv_...)');
  }
  if (!invitationId) {
    throw new OpsError('UNAUTHENTICATED', 'invalid invitation token');
  }
  const invitation = await fetchInvitation(deps.ledger, invitationId);
  // Until the HMAC matches, every failure looks the same, so a guesser learns nothing about ids.
  if (!invitation || !tokenMatchesHmac(deps.hmacKey, token, invitation.tokenHmac)) {
    throw new OpsError('UNAUTHENTICATED', 'invalid invitation token');
  }
  if (invitation.revoked) {
    throw new OpsError('INVITATION_REVOKED', `invitation ${invitationId} was revoked`);
  }
  const expired = Date.parse(invitation.expiresAt) <= deps.clock.now().getTime();
  if (mode === 'join') {
    if (invitation.used) {
      throw new OpsError('INVITATION_USED', `invitation ${invitationId} was already used`);
    }
    if (expired) {
      throw new OpsError('INVITATION_EXPIRED', `invitation ${invitationId} expired at ${invitation.expiresAt}`);
    }
    const mspId: unknown = (req.body as { mspId?: unknown } | undefined)?.mspId;
    if (typeof mspId !== 'string') {
      // A malformed body is not a misuse of the token; the schema check reports it as such.
      throw new OpsError('INVALID_ARGUMENT', 'mspId: Required (send the join request as application/json)');
    }
    if (mspId !== invitation.mspId) {
      throw new OpsError('INVITATION_MSP_MISMATCH', `invitation ${invitationId} was issued for ${invitation.mspId}`);
    }
  } else if (expired && !invitation.used) {
    throw new OpsError('INVITATION_EXPIRED', `invitation ${invitationId} expired at ${invitation.expiresAt}`);
  }
  return invitation;
}

async function fetchInvitation(ledger: LedgerPort, invitationId: string): Promise<InvitationView | undefined> {
  try {
    return readInvitation(await ledger.evaluate('GetInvitation', [invitationId]));
  } catch (err) {
    if (err instanceof OpsError && err.code === 'INVITATION_NOT_FOUND') {
      return undefined;
    }
    throw err;
  }
}
