import { OpsError } from '../errors';
import type { ProposalStatus } from './proposal';

/**
 * Every allowed proposal status change. Anything not listed is refused.
 * - OPEN ends in a decision (APPROVED, REJECTED), or WITHDRAWN by its proposer, EXPIRED at its deadline,
 *   or DROPPED when its subject is no longer in a state it can act on.
 * - APPROVED → APPLYING when the first channel update is recorded (or at once when there is none).
 * - APPLYING → APPLIED when every channel task is COMMITTED, → FAILED on a failed result.
 * - FAILED → APPLYING when a new attempt is recorded: votes approved the intent, so a failed apply can be retried.
 */
export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = Object.freeze({
  OPEN: ['APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'DROPPED'],
  APPROVED: ['APPLYING'],
  APPLYING: ['APPLIED', 'FAILED'],
  FAILED: ['APPLYING'],
  REJECTED: [],
  WITHDRAWN: [],
  EXPIRED: [],
  DROPPED: [],
  APPLIED: [],
});

/** True when a proposal may move from `from` to `to`. */
export function canTransitionProposal(from: ProposalStatus, to: ProposalStatus): boolean {
  return PROPOSAL_TRANSITIONS[from]?.includes(to) ?? false;
}

/** Throws INVALID_STATUS_TRANSITION unless the proposal may move from `from` to `to`. */
export function assertProposalTransition(from: ProposalStatus, to: ProposalStatus, proposalId = 'proposal'): void {
  if (!canTransitionProposal(from, to)) {
    throw new OpsError('INVALID_STATUS_TRANSITION', `${proposalId} cannot go from ${from} to ${to}`);
  }
}

/** True for statuses a proposal never leaves. */
export function isTerminalProposalStatus(status: ProposalStatus): boolean {
  return PROPOSAL_TRANSITIONS[status].length === 0;
}
