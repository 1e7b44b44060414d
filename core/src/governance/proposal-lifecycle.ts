import { OpsError } from '../errors';
import type { Proposal, ProposalStatus } from './proposal';
import { assertProposalTransition } from './proposal-state-machine';

/** When and why a status change happens. */
export interface ChangeStamp {
  nowIso: string;
  txId: string;
  reason?: string;
}

/** The proposal moved to `to`, after checking the transition table (INVALID_STATUS_TRANSITION). */
export function transitionProposal(proposal: Proposal, to: ProposalStatus, stamp: ChangeStamp): Proposal {
  assertProposalTransition(proposal.status, to, proposal.id);
  const next: Proposal = { ...proposal, status: to, updatedAt: stamp.nowIso, updatedTxId: stamp.txId };
  if (stamp.reason !== undefined) next.statusReason = stamp.reason;
  if (to === 'APPROVED' || to === 'REJECTED') next.decidedAt = stamp.nowIso;
  if (to === 'APPLIED') next.appliedAt = stamp.nowIso;
  return next;
}

/**
 * Checks that `callerMspId` may withdraw `proposal` (NOT_PROPOSER otherwise): its proposer, or, for a
 * relayed join request, the relaying org — the joining org cannot reach the ops channel yet, so its
 * relay is the only one that can act for it.
 */
export function assertMayWithdraw(proposal: Proposal, callerMspId: string): void {
  if (callerMspId !== proposal.proposer && callerMspId !== proposal.relayedBy) {
    throw new OpsError('NOT_PROPOSER', `only ${proposal.proposer} may withdraw ${proposal.id}`);
  }
  if (proposal.status !== 'OPEN') {
    throw new OpsError('PROPOSAL_NOT_OPEN', `${proposal.id} is ${proposal.status}`);
  }
}
