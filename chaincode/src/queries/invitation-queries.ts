import { assertInvitationId, canonicalJson, publicInvitationView } from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { txContext } from '../context/tx-context';
import { listInvitations, requireInvitation } from '../ledger/invitation-store';

/**
 * One of the caller's org's invitations, with `tokenHmac`: the issuing api-server compares a presented
 * token's HMAC with it. Only the issuing org can read it, since invitations are keyed by issuer.
 */
export async function getInvitationQuery(ctx: Context, invitationId: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'member-reader');
  return canonicalJson(await requireInvitation(tx, caller.mspId, assertInvitationId(invitationId)));
}

/** The caller's org's invitations, without `tokenHmac`. */
export async function listInvitationsQuery(ctx: Context): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'member-reader');
  return canonicalJson((await listInvitations(tx, caller.mspId)).map(publicInvitationView));
}
