import { Keys, OpsError, type Invitation } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { getJson, listJson, putJson } from './state';

/** The invitation `invitationId` issued by `issuerMspId`, or undefined. */
export async function getInvitation(tx: TxContext, issuerMspId: string, invitationId: string): Promise<Invitation | undefined> {
  return getJson<Invitation>(tx.stub, Keys.invitation(issuerMspId, invitationId));
}

/**
 * The invitation `invitationId` issued by `issuerMspId`, or INVITATION_NOT_FOUND. An invitation is
 * looked up under the caller's own org only, so an org can never use another org's invitation.
 */
export async function requireInvitation(tx: TxContext, issuerMspId: string, invitationId: string): Promise<Invitation> {
  const invitation = await getInvitation(tx, issuerMspId, invitationId);
  if (!invitation) {
    throw new OpsError('INVITATION_NOT_FOUND', `${issuerMspId} has no invitation ${invitationId}`);
  }
  return invitation;
}

/** Writes an invitation. */
export async function putInvitation(tx: TxContext, invitation: Invitation): Promise<void> {
  await putJson(tx.stub, Keys.invitation(invitation.issuerMspId, invitation.invitationId), invitation);
}

/** Every invitation issued by `issuerMspId`. */
export async function listInvitations(tx: TxContext, issuerMspId: string): Promise<Invitation[]> {
  return listJson<Invitation>(tx.stub, Keys.invitationsOf(issuerMspId));
}
