import { OpsError } from '../errors';
import type { VoteDecision } from './vote';
import { requiredApprovals, type VotingPolicy } from './voting-policy';

/** The outcome of counting votes: decided either way, or not yet. */
export type TallyOutcome = 'APPROVED' | 'REJECTED' | 'UNDECIDED';

/** What a tally saw and concluded; stored on the proposal when it decides. */
export interface TallyResult {
  outcome: TallyOutcome;
  approvals: number;
  rejections: number;
  required: number;
  /** Number of voters: the ACTIVE members at the time of the tally. */
  eligible: number;
  /** Approving and rejecting orgs that counted, sorted. */
  approvedBy: string[];
  rejectedBy: string[];
  /** Active veto holders that rejected (non-empty means the proposal was vetoed). */
  vetoedBy: string[];
  /** Active veto holders that have not approved yet. */
  vetoHoldersPending: string[];
}

/**
 * Counts votes under `policy`, with `activeMspIds` as the voters. Pure: the same inputs give the same
 * result on every peer. Votes of orgs that are not active are ignored (the re-evaluation rule).
 * Rejects as soon as approval has become impossible, so a lost proposal does not linger until its deadline.
 */
export function tallyVotes(
  policy: VotingPolicy,
  activeMspIds: readonly string[],
  votes: readonly { mspId: string; decision: VoteDecision }[],
): TallyResult {
  const voters = new Set(activeMspIds);
  if (voters.size === 0) {
    throw new OpsError('POLICY_UNSATISFIABLE', 'there are no active members to count');
  }
  const byOrg = new Map<string, VoteDecision>();
  for (const vote of votes) {
    if (voters.has(vote.mspId) && !byOrg.has(vote.mspId)) {
      byOrg.set(vote.mspId, vote.decision);
    }
  }
  const approvedBy = [...byOrg].filter(([, d]) => d === 'approve').map(([m]) => m).sort();
  const rejectedBy = [...byOrg].filter(([, d]) => d === 'reject').map(([m]) => m).sort();
  const vetoHolders = policy.vetoMspIds.filter((mspId) => voters.has(mspId));
  const vetoedBy = vetoHolders.filter((mspId) => byOrg.get(mspId) === 'reject').sort();
  const vetoHoldersPending = vetoHolders.filter((mspId) => byOrg.get(mspId) !== 'approve').sort();
  const eligible = voters.size;
  const required = requiredApprovals(policy, eligible);

  let outcome: TallyOutcome = 'UNDECIDED';
  if (vetoedBy.length > 0 || rejectedBy.length > eligible - required) {
    outcome = 'REJECTED';
  } else if (approvedBy.length >= required && vetoHoldersPending.length === 0) {
    outcome = 'APPROVED';
  }
  return {
    outcome,
    approvals: approvedBy.length,
    rejections: rejectedBy.length,
    required,
    eligible,
    approvedBy,
    rejectedBy,
    vetoedBy,
    vetoHoldersPending,
  };
}
