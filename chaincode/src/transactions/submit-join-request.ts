import {
  admissionChannels,
  assertInvitationId,
  assertInvitationUsable,
  assertMemberTransition,
  canonicalJson,
  computeDeadline,
  consumeInvitation,
  EventNames,
  GOVERNANCE_LIMITS,
  joinRequestDigest,
  OpsError,
  parseJoinRequest,
  parseJsonArgument,
  proposalIdFromTxId,
  type Member,
  type Proposal,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext } from '../context/tx-context';
import { requireConsortium } from '../ledger/consortium-store';
import { putInvitation, requireInvitation } from '../ledger/invitation-store';
import { listMembers, saveMember } from '../ledger/member-store';
import { insertProposal } from '../ledger/proposal-store';
import { putAttestation } from '../ledger/vote-store';
import { failedChecks, type MspValidators } from '../msp-validators';

/**
 * A member org relays a joining org's signed join request. In one transaction: the relaying org's
 * invitation is checked and consumed, the MSP is validated against the transaction time, and an
 * ADD_ORG proposal (proposed by the joining org, relayed by the caller), the joining org's PROPOSED
 * member record and the relaying org's attestation are written.
 */
export async function submitJoinRequest(ctx: Context, validators: MspValidators, invitationId: string, requestJson: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const request = parseJoinRequest(parseJsonArgument('request', requestJson, GOVERNANCE_LIMITS.mspArgumentBytes));
  const invitation = await requireInvitation(tx, caller.mspId, assertInvitationId(invitationId));
  assertInvitationUsable(invitation, request.mspId, tx.now);

  const members = await listMembers(tx);
  const previous = members.find((m) => m.mspId === request.mspId);
  if (previous && previous.status !== 'REJECTED') {
    throw new OpsError('MEMBER_EXISTS', `${request.mspId} is already a member (${previous.status})`);
  }
  const consortium = await requireConsortium(tx);
  // removed orgs stay in the list: their MSP IDs and root CAs are retired, never reused
  const existingMembers = members.filter((m) => m.status !== 'REJECTED').map((m) => ({ mspId: m.mspId, msp: m.msp }));
  const report = await validators.validateJoinRequest(request, {
    now: tx.now,
    minRemainingLifetimeSeconds: consortium.settings.minCertLifetimeSeconds,
    existingMembers,
  });
  if (!report.ok) {
    throw new OpsError('MSP_VALIDATION_FAILED', failedChecks(report));
  }

  const digest = joinRequestDigest(request);
  const id = proposalIdFromTxId(tx.txId);
  const proposal: Proposal = {
    id,
    type: 'ADD_ORG',
    status: 'OPEN',
    proposer: request.mspId,
    relayedBy: caller.mspId,
    invitationId: invitation.invitationId,
    subjectMspId: request.mspId,
    payload: { request },
    digest,
    validationReport: report,
    channels: admissionChannels(consortium.opsChannel, request.channels),
    createdAt: tx.nowIso,
    createdTxId: tx.txId,
    deadline: computeDeadline(tx.now, ''),
    updatedAt: tx.nowIso,
    updatedTxId: tx.txId,
  };
  if (previous) assertMemberTransition(previous.status, 'PROPOSED', request.mspId);
  const member: Member = {
    mspId: request.mspId,
    msp: request.msp,
    nodes: request.nodes,
    metadata: request.metadata,
    channels: proposal.channels,
    status: 'PROPOSED',
    founding: false,
    admissionProposalId: id,
    statusReason: `join request ${id} relayed by ${caller.mspId}`,
    createdAt: previous?.createdAt ?? tx.nowIso,
    updatedAt: tx.nowIso,
    updatedTxId: tx.txId,
  };

  await insertProposal(tx, proposal);
  await saveMember(tx, previous, member, 'proposed');
  await putAttestation(tx, { proposalId: id, mspId: caller.mspId, kind: 'RELAY', digest, invitationId: invitation.invitationId, at: tx.nowIso, txId: tx.txId });
  await putInvitation(tx, consumeInvitation(invitation, id, tx.nowIso, tx.txId));
  emitEvent(tx, { name: EventNames.ProposalCreated, proposalId: id, mspId: request.mspId, status: 'OPEN' });
  return canonicalJson({ proposalId: id, digest, report });
}
