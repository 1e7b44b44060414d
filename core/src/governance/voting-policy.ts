import { OpsError } from '../errors';
import { assertMspId } from './identifiers';
import { expectArray, expectInteger, expectObject, expectString } from './input-shape';
import { GOVERNANCE_LIMITS } from './limits';

/** How many approvals a proposal needs, out of the N active members at the time of the tally. */
export const VotingRules = ['MAJORITY', 'ALL', 'THRESHOLD'] as const;
export type VotingRule = (typeof VotingRules)[number];

/**
 * The voting policy is data, changed only by a SET_VOTING_POLICY proposal.
 * - MAJORITY: more than half of the active members (`floor(N/2) + 1`).
 * - ALL: every active member.
 * - THRESHOLD: `threshold` approvals (M of N).
 * `vetoMspIds` name veto holders: a reject from an active veto holder rejects the proposal, and a
 * proposal is approved only once every active veto holder has approved (otherwise a fast majority
 * could always outrun a veto).
 */
export interface VotingPolicy {
  rule: VotingRule;
  /** Required approvals for THRESHOLD; absent otherwise. */
  threshold?: number;
  vetoMspIds: string[];
}

/** The policy of a consortium initialised without one. */
export const DEFAULT_VOTING_POLICY: VotingPolicy = Object.freeze({ rule: 'MAJORITY', vetoMspIds: [] }) as VotingPolicy;

/** Reads a voting policy from untrusted JSON (shape only; see {@link assertPolicySatisfiable}). */
export function parseVotingPolicy(value: unknown, path = 'votingPolicy'): VotingPolicy {
  const obj = expectObject(value, path, ['rule', 'threshold', 'vetoMspIds']);
  const rule = expectString(obj.rule, `${path}.rule`, {
    pattern: /^(MAJORITY|ALL|THRESHOLD)$/,
    describe: 'one of MAJORITY, ALL, THRESHOLD',
  }) as VotingRule;
  const vetoMspIds =
    obj.vetoMspIds === undefined
      ? []
      : expectArray(obj.vetoMspIds, `${path}.vetoMspIds`, GOVERNANCE_LIMITS.vetoHolders, (v, p) => assertMspId(v, p), true);
  if (rule === 'THRESHOLD') {
    const threshold = expectInteger(obj.threshold, `${path}.threshold`, 1, GOVERNANCE_LIMITS.members);
    return { rule, threshold, vetoMspIds: [...vetoMspIds].sort() };
  }
  if (obj.threshold !== undefined) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.threshold is only allowed with rule THRESHOLD`);
  }
  return { rule, vetoMspIds: [...vetoMspIds].sort() };
}

/**
 * Approvals needed out of `eligible` voters. THRESHOLD is clamped to N: a policy is only ever set when
 * M ≤ N, and if the consortium later shrinks below M, requiring every remaining member is the closest
 * honest reading of M-of-N — refusing instead would leave governance unable to repair itself.
 */
export function requiredApprovals(policy: VotingPolicy, eligible: number): number {
  switch (policy.rule) {
    case 'MAJORITY':
      return Math.floor(eligible / 2) + 1;
    case 'ALL':
      return eligible;
    case 'THRESHOLD':
      return Math.min(policy.threshold ?? 1, eligible);
  }
}

/**
 * Refuses, with POLICY_UNSATISFIABLE, a policy that could never approve anything with these voters:
 * no voters at all, or a THRESHOLD above their number. Veto holders must be among the voters
 * (INVALID_ARGUMENT), since the veto of a non-voter could never be cast.
 */
export function assertPolicySatisfiable(policy: VotingPolicy, eligibleMspIds: readonly string[]): void {
  const eligible = new Set(eligibleMspIds);
  if (eligible.size === 0) {
    throw new OpsError('POLICY_UNSATISFIABLE', 'there are no voting members');
  }
  if (policy.rule === 'THRESHOLD' && (policy.threshold ?? 0) > eligible.size) {
    throw new OpsError(
      'POLICY_UNSATISFIABLE',
      `THRESHOLD ${policy.threshold} can never be met by ${eligible.size} voting member(s)`,
    );
  }
  const strangers = policy.vetoMspIds.filter((mspId) => !eligible.has(mspId));
  if (strangers.length > 0) {
    throw new OpsError('INVALID_ARGUMENT', `veto holder(s) ${strangers.join(', ')} are not voting members`);
  }
}
