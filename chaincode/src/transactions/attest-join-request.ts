import {
  assertBeforeDeadline,
  assertInvitationId,
  assertInvitationUsable,
  canonicalJson,
  consumeInvitation,
  EventNames,
  GOVERNANCE_LIMITS,
  joinRequestDigest,
  OpsError,
  parseJoinRequest,
  parseJsonArgument,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext } from '../context/tx-context';
import { putInvitation, requireInvitation } from '../ledger/invitation-store';
import { getMember } from '../ledger/member-store';
import { requireProposal } from '../ledger/proposal-store';
import { getAttestation, putAttestation, putMismatch } from '../ledger/vote-store';

/**
 * Another member org reports the join request it received, with its own invitation. Same digest: an
 * attestation ("we received the same MSP"). Different digest: a mismatch record, committed so the
 * evidence of substitution stays on the ledger; the result then says `attested: false`.
 * Either way the invitation is consumed.
 */
export async function attestJoinRequest(ctx: Context, invitationId: string, requestJson: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const request = parseJoinRequest(parseJsonArgument('request', requestJson, GOVERNANCE_LIMITS.mspArgumentBytes));
  const invitation = await requireInvitation(tx, caller.mspId, assertInvitationId(invitationId));
  assertInvitationUsable(invitation, request.mspId, tx.now);

  const applicant = await getMember(tx, request.mspId);
  if (applicant?.status !== 'PROPOSED' || !applicant.admissionProposalId) {
    throw new OpsError('PROPOSAL_NOT_FOUND', `${request.mspId} has no open join request`);
  }
  const proposal = await requireProposal(tx, applicant.admissionProposalId);
  if (proposal.status !== 'OPEN') {
    throw new OpsError('PROPOSAL_NOT_OPEN', `${proposal.id} is ${proposal.status}`);
  }
  assertBeforeDeadline(proposal.id, proposal.deadline, tx.now);
  if (await getAttestation(tx, proposal.id, caller.mspId)) {
    throw new OpsError('ALREADY_ATTESTED', `${caller.mspId} already attested ${proposal.id}`);
  }

  const digest = joinRequestDigest(request);
  const attested = digest === proposal.digest;
  const common = { proposalId: proposal.id, mspId: caller.mspId, invitationId: invitation.invitationId, at: tx.nowIso, txId: tx.txId };
  if (attested) {
    await putAttestation(tx, { ...common, kind: 'ATTEST', digest });
  } else {
    await putMismatch(tx, { ...common, expectedDigest: proposal.digest ?? '', receivedDigest: digest });
  }
  await putInvitation(tx, consumeInvitation(invitation, proposal.id, tx.nowIso, tx.txId));
  emitEvent(tx, {
    name: attested ? EventNames.AttestationRecorded : EventNames.AttestationMismatch,
    proposalId: proposal.id,
    mspId: caller.mspId,
    status: proposal.status,
  });
  return canonicalJson({ proposalId: proposal.id, digest, attested });
}
