import { isPastDeadline } from './deadline';
import type { Member } from './member';
import type { Proposal, SetVotingPolicyPayload } from './proposal';
import { subjectProblem } from './proposal-subject';
import { tallyVotes, type TallyResult } from './tally';
import type { Vote } from './vote';
import { assertPolicySatisfiable, type VotingPolicy } from './voting-policy';

/** What should happen to an OPEN proposal now. */
export type Evaluation =
  | { kind: 'UNDECIDED'; tally: TallyResult }
  | { kind: 'DECIDED'; status: 'APPROVED' | 'REJECTED'; tally: TallyResult }
  | { kind: 'EXPIRED'; tally: TallyResult }
  | { kind: 'DROPPED'; reason: string };

/** Everything an evaluation looks at, all read in the same transaction. */
export interface EvaluationInput {
  proposal: Proposal;
  /** The voting policy in force now. */
  policy: VotingPolicy;
  /** Every member record (the voters are the ACTIVE ones; the subject is looked up here). */
  members: readonly Member[];
  votes: readonly Vote[];
  now: Date;
}

/**
 * The re-evaluation rule, as one pure function. A tally always uses the policy and the ACTIVE members
 * at the time of the tally, so a policy or membership change never rewrites open proposals:
 * 1. a proposal whose subject is no longer in a state it can act on is DROPPED;
 * 2. otherwise the votes of active members are counted; an approved SET_VOTING_POLICY whose new
 *    policy the current members could never satisfy is DROPPED instead of installed;
 * 3. an undecided proposal past its deadline is EXPIRED.
 */
export function evaluateProposal(input: EvaluationInput): Evaluation {
  const { proposal, policy, members, votes, now } = input;
  const subject = proposal.subjectMspId ? members.find((m) => m.mspId === proposal.subjectMspId) : undefined;
  const problem = subjectProblem(proposal, subject);
  if (problem) {
    return { kind: 'DROPPED', reason: problem };
  }
  const active = members.filter((m) => m.status === 'ACTIVE').map((m) => m.mspId);
  const tally = tallyVotes(policy, active, votes);
  if (tally.outcome === 'APPROVED' && proposal.type === 'SET_VOTING_POLICY') {
    try {
      assertPolicySatisfiable((proposal.payload as SetVotingPolicyPayload).policy, active);
    } catch (err) {
      return { kind: 'DROPPED', reason: (err as Error).message };
    }
  }
  if (tally.outcome !== 'UNDECIDED') {
    return { kind: 'DECIDED', status: tally.outcome, tally };
  }
  if (isPastDeadline(proposal.deadline, now)) {
    return { kind: 'EXPIRED', tally };
  }
  return { kind: 'UNDECIDED', tally };
}
