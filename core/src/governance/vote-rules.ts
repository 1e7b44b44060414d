import { OpsError } from '../errors';
import { assertBeforeDeadline } from './deadline';
import { expectString } from './input-shape';
import { assertArgumentSize } from './json-argument';
import type { Proposal } from './proposal';
import type { Vote, VoteDecision } from './vote';

/** What CastVote knows when it builds a vote. */
export interface VoteInput {
  proposal: Proposal;
  /** The caller's existing vote, if any. */
  existing: Vote | undefined;
  mspId: string;
  voter: string;
  decision: string;
  reason: string;
  now: Date;
  txId: string;
}

/**
 * Builds a vote after the checks CastVote makes: the proposal is OPEN (PROPOSAL_NOT_OPEN), before its
 * deadline (PROPOSAL_DEADLINE_PASSED), the org has not voted (VOTE_ALREADY_CAST), and the decision is
 * `approve` or `reject`. Votes are final: an org that wants to change its mind must convince others.
 */
export function buildVote(input: VoteInput): Vote {
  const { proposal, existing, mspId, now } = input;
  if (proposal.status !== 'OPEN') {
    throw new OpsError('PROPOSAL_NOT_OPEN', `${proposal.id} is ${proposal.status}`);
  }
  assertBeforeDeadline(proposal.id, proposal.deadline, now);
  if (existing) {
    throw new OpsError('VOTE_ALREADY_CAST', `${mspId} already voted on ${proposal.id}`);
  }
  if (input.decision !== 'approve' && input.decision !== 'reject') {
    throw new OpsError('INVALID_ARGUMENT', 'decision must be approve or reject');
  }
  assertArgumentSize('reason', input.reason);
  const reason = input.reason === '' ? '' : expectString(input.reason, 'reason');
  return {
    proposalId: proposal.id,
    mspId,
    decision: input.decision as VoteDecision,
    reason,
    voter: input.voter,
    castAt: now.toISOString(),
    txId: input.txId,
  };
}
