import {
  assertInvitationId,
  canonicalJson,
  EventNames,
  OpsError,
  parseInvitationInput,
  parseJsonArgument,
  publicInvitationView,
  revokeInvitation as revoked,
  type Invitation,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext } from '../context/tx-context';
import { getInvitation, putInvitation, requireInvitation } from '../ledger/invitation-store';
import { getMember } from '../ledger/member-store';

/**
 * The caller's org invites `mspId` to join. The token never reaches the chain: only its HMAC under a
 * key that only the issuing org's api-servers hold.
 */
export async function issueInvitation(ctx: Context, invitationJson: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const input = parseInvitationInput(parseJsonArgument('invitation', invitationJson), tx.now);
  if (await getInvitation(tx, caller.mspId, input.invitationId)) {
    throw new OpsError('INVITATION_EXISTS', `${caller.mspId} already has invitation ${input.invitationId}`);
  }
  // an applicant (PROPOSED) still needs invitations from the orgs that attest its request
  const invitee = await getMember(tx, input.mspId);
  if (invitee && invitee.status !== 'REJECTED' && invitee.status !== 'PROPOSED') {
    throw new OpsError('MEMBER_EXISTS', `${input.mspId} is already a member (${invitee.status})`);
  }
  const invitation: Invitation = { ...input, issuerMspId: caller.mspId, status: 'ISSUED', issuedAt: tx.nowIso, issuedTxId: tx.txId };
  await putInvitation(tx, invitation);
  emitEvent(tx, { name: EventNames.InvitationIssued, mspId: input.mspId, status: 'ISSUED' });
  return canonicalJson(publicInvitationView(invitation));
}

/** Revokes one of the caller's org's invitations; a used invitation cannot be revoked. */
export async function revokeInvitation(ctx: Context, invitationId: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const invitation = await requireInvitation(tx, caller.mspId, assertInvitationId(invitationId));
  const after = revoked(invitation, tx.nowIso);
  await putInvitation(tx, after);
  emitEvent(tx, { name: EventNames.InvitationRevoked, mspId: after.mspId, status: 'REVOKED' });
  return canonicalJson(publicInvitationView(after));
}
