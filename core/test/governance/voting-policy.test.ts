import { assertPolicySatisfiable, parseVotingPolicy, requiredApprovals, tallyVotes, type VoteDecision, type VotingPolicy } from '../../src';

const orgs = (n: number) => Array.from({ length: n }, (_, i) => `Org${i + 1}MSP`);
/** `approve` votes from the first orgs, then `reject` votes from the next ones. */
const votes = (voters: string[], approvals: number, rejections: number) => [
  ...voters.slice(0, approvals).map((mspId) => ({ mspId, decision: 'approve' as VoteDecision })),
  ...voters.slice(approvals, approvals + rejections).map((mspId) => ({ mspId, decision: 'reject' as VoteDecision })),
];
const outcome = (policy: VotingPolicy, n: number, approvals: number, rejections: number) =>
  tallyVotes(policy, orgs(n), votes(orgs(n), approvals, rejections)).outcome;

const MAJORITY: VotingPolicy = { rule: 'MAJORITY', vetoMspIds: [] };
const ALL: VotingPolicy = { rule: 'ALL', vetoMspIds: [] };
const threshold = (m: number, vetoMspIds: string[] = []): VotingPolicy => ({ rule: 'THRESHOLD', threshold: m, vetoMspIds });

// Written out, not computed: more than half of N.
const MAJORITY_REQUIRED: Record<number, number> = { 1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 4, 7: 4 };
const SIZES = [1, 2, 3, 4, 5, 6, 7];

describe('MAJORITY of active members', () => {
  test.each(SIZES)('when N=%i, one approval short of a majority is undecided and a majority approves', (n) => {
    const required = MAJORITY_REQUIRED[n];
    expect(requiredApprovals(MAJORITY, n)).toBe(required);
    expect(outcome(MAJORITY, n, required - 1, 0)).toBe('UNDECIDED');
    expect(outcome(MAJORITY, n, required, 0)).toBe('APPROVED');
  });

  test.each(SIZES)('when N=%i, rejections that leave a majority reachable are undecided, one more rejects early', (n) => {
    const blocking = n - MAJORITY_REQUIRED[n] + 1;
    expect(outcome(MAJORITY, n, 0, blocking - 1)).toBe('UNDECIDED');
    expect(outcome(MAJORITY, n, 0, blocking)).toBe('REJECTED');
  });

  test.each(SIZES)('when N=%i and the votes are split up to the last voter, that voter decides', (n) => {
    const required = MAJORITY_REQUIRED[n];
    const rejections = n - required;
    expect(outcome(MAJORITY, n, required - 1, rejections)).toBe('UNDECIDED');
    expect(outcome(MAJORITY, n, required, rejections)).toBe('APPROVED');
  });
});

describe('ALL active members', () => {
  test.each(SIZES)('when N=%i, N-1 approvals are undecided and N approve', (n) => {
    expect(outcome(ALL, n, n - 1, 0)).toBe('UNDECIDED');
    expect(outcome(ALL, n, n, 0)).toBe('APPROVED');
  });

  test.each(SIZES)('when N=%i, a single rejection rejects', (n) => {
    expect(outcome(ALL, n, n - 1, 1)).toBe('REJECTED');
  });
});

describe('THRESHOLD M of N', () => {
  const cases = SIZES.flatMap((n) => Array.from({ length: n }, (_, i) => [i + 1, n] as [number, number]));

  test.each(cases)('when M=%i of N=%i, M-1 approvals are undecided and M approve', (m, n) => {
    expect(outcome(threshold(m), n, m - 1, 0)).toBe('UNDECIDED');
    expect(outcome(threshold(m), n, m, 0)).toBe('APPROVED');
  });

  test.each(cases)('when M=%i of N=%i, N-M rejections are undecided and N-M+1 reject', (m, n) => {
    expect(outcome(threshold(m), n, 0, n - m)).toBe('UNDECIDED');
    expect(outcome(threshold(m), n, 0, n - m + 1)).toBe('REJECTED');
  });

  test.each(cases)('when M=%i of N=%i is set, it is satisfiable', (m, n) => {
    expect(() => assertPolicySatisfiable(threshold(m), orgs(n))).not.toThrow();
  });

  test.each(SIZES)('when M=N+1 is set with N=%i voters, it is refused with POLICY_UNSATISFIABLE', (n) => {
    expect(() => assertPolicySatisfiable(threshold(n + 1), orgs(n))).toThrow(/^POLICY_UNSATISFIABLE: THRESHOLD/);
  });

  test.each(SIZES)('when the consortium shrinks below M (N=%i, M=N+2), the threshold is clamped to all N', (n) => {
    expect(requiredApprovals(threshold(n + 2), n)).toBe(n);
    expect(outcome(threshold(n + 2), n, n, 0)).toBe('APPROVED');
    expect(outcome(threshold(n + 2), n, n - 1, 1)).toBe('REJECTED');
  });
});

describe('veto holders', () => {
  const VETO = 'Org1MSP';
  const withVeto: VotingPolicy = { rule: 'MAJORITY', vetoMspIds: [VETO] };
  /** Votes where the veto holder (Org1) votes `veto` and the others approve. */
  const othersApprove = (n: number, veto?: VoteDecision) => [
    ...(veto ? [{ mspId: VETO, decision: veto }] : []),
    ...orgs(n).slice(1).map((mspId) => ({ mspId, decision: 'approve' as VoteDecision })),
  ];

  test.each(SIZES)('when N=%i and the veto holder rejects, the proposal is rejected even if every other org approves', (n) => {
    const result = tallyVotes(withVeto, orgs(n), othersApprove(n, 'reject'));
    expect(result.outcome).toBe('REJECTED');
    expect(result.vetoedBy).toEqual([VETO]);
  });

  test.each(SIZES.filter((n) => n > 1))('when N=%i and every other org approves but the veto holder has not voted, it stays undecided', (n) => {
    const result = tallyVotes(withVeto, orgs(n), othersApprove(n));
    expect(result.outcome).toBe('UNDECIDED');
    expect(result.vetoHoldersPending).toEqual([VETO]);
  });

  test.each(SIZES)('when N=%i and the veto holder approves with a majority, it is approved', (n) => {
    const required = MAJORITY_REQUIRED[n];
    expect(tallyVotes(withVeto, orgs(n), votes(orgs(n), required, 0)).outcome).toBe('APPROVED');
  });

  test('when the veto holder is no longer active, its veto no longer counts', () => {
    const active = ['Org2MSP', 'Org3MSP', 'Org4MSP'];
    const result = tallyVotes(withVeto, active, [{ mspId: VETO, decision: 'reject' }, ...votes(active, 2, 0)]);
    expect(result.outcome).toBe('APPROVED');
  });

  test('when a veto holder is not a voting member, the policy is refused with INVALID_ARGUMENT', () => {
    expect(() => assertPolicySatisfiable({ rule: 'ALL', vetoMspIds: ['Org9MSP'] }, orgs(3))).toThrow(/^INVALID_ARGUMENT: veto holder/);
  });
});

describe('tally bookkeeping', () => {
  test('when an org that is not active voted, its vote is ignored', () => {
    const result = tallyVotes(MAJORITY, orgs(3), [{ mspId: 'Org9MSP', decision: 'approve' }, ...votes(orgs(3), 1, 0)]);
    expect(result).toMatchObject({ approvals: 1, outcome: 'UNDECIDED', approvedBy: ['Org1MSP'] });
  });

  test('when there are no active members, the tally is refused with POLICY_UNSATISFIABLE', () => {
    expect(() => tallyVotes(MAJORITY, [], [])).toThrow(/^POLICY_UNSATISFIABLE/);
    expect(() => assertPolicySatisfiable(MAJORITY, [])).toThrow(/^POLICY_UNSATISFIABLE/);
  });
});

describe('parseVotingPolicy', () => {
  test('when a THRESHOLD policy is well formed, it is returned with sorted veto holders', () => {
    expect(parseVotingPolicy({ rule: 'THRESHOLD', threshold: 2, vetoMspIds: ['Org2MSP', 'Org1MSP'] })).toEqual({
      rule: 'THRESHOLD',
      threshold: 2,
      vetoMspIds: ['Org1MSP', 'Org2MSP'],
    });
  });

  test.each([
    [{ rule: 'SOME' }, /rule must be one of/],
    [{ rule: 'THRESHOLD' }, /threshold must be an integer/],
    [{ rule: 'THRESHOLD', threshold: 0 }, /threshold must be an integer/],
    [{ rule: 'MAJORITY', threshold: 2 }, /only allowed with rule THRESHOLD/],
    [{ rule: 'ALL', vetoMspIds: ['Org1MSP', 'Org1MSP'] }, /free of duplicates/],
    [{ rule: 'ALL', extra: 1 }, /unknown field/],
  ])('when the policy is %j, it is refused with INVALID_ARGUMENT', (input, message) => {
    expect(() => parseVotingPolicy(input)).toThrow(/^INVALID_ARGUMENT/);
    expect(() => parseVotingPolicy(input)).toThrow(message);
  });
});
