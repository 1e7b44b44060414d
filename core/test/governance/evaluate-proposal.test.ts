import { evaluateProposal, type Member, type MemberStatus, type Proposal, type Vote, type VotingPolicy } from '../../src';

const NOW = new Date('2030-01-02T00:00:00.000Z');
const MAJORITY: VotingPolicy = { rule: 'MAJORITY', vetoMspIds: [] };

const member = (mspId: string, status: MemberStatus = 'ACTIVE') => ({ mspId, status }) as Member;
const vote = (mspId: string, decision: 'approve' | 'reject' = 'approve') => ({ mspId, decision }) as Vote;
const proposal = (overrides: Partial<Proposal> = {}) =>
  ({ id: 'p-1', type: 'SUSPEND_ORG', subjectMspId: 'Org4MSP', status: 'OPEN', deadline: '2030-01-08T00:00:00.000Z', channels: [], ...overrides }) as Proposal;
const four = () => [member('Org1MSP'), member('Org2MSP'), member('Org3MSP'), member('Org4MSP')];

describe('the re-evaluation rule', () => {
  test('when the votes reach the current policy, the proposal is decided APPROVED', () => {
    const result = evaluateProposal({ proposal: proposal(), policy: MAJORITY, members: four(), votes: [vote('Org1MSP'), vote('Org2MSP'), vote('Org3MSP')], now: NOW });
    expect(result).toMatchObject({ kind: 'DECIDED', status: 'APPROVED' });
  });

  test('when the policy changed since the votes were cast, the tally uses the policy in force now', () => {
    const votes = [vote('Org1MSP'), vote('Org2MSP'), vote('Org3MSP')];
    const all: VotingPolicy = { rule: 'ALL', vetoMspIds: [] };
    expect(evaluateProposal({ proposal: proposal(), policy: all, members: four(), votes, now: NOW }).kind).toBe('UNDECIDED');
  });

  test('when a voter was suspended after voting, its vote no longer counts', () => {
    const members = [member('Org1MSP'), member('Org2MSP', 'SUSPENDED'), member('Org3MSP'), member('Org4MSP'), member('Org5MSP')];
    const result = evaluateProposal({ proposal: proposal(), policy: MAJORITY, members, votes: [vote('Org1MSP'), vote('Org2MSP'), vote('Org3MSP')], now: NOW });
    expect(result).toMatchObject({ kind: 'UNDECIDED', tally: { approvals: 2, eligible: 4, required: 3 } });
  });

  test('when the subject was removed meanwhile, the proposal is DROPPED whatever the votes', () => {
    const members = [...four().slice(0, 3), member('Org4MSP', 'REMOVED')];
    const result = evaluateProposal({ proposal: proposal(), policy: MAJORITY, members, votes: [vote('Org1MSP'), vote('Org2MSP'), vote('Org3MSP')], now: NOW });
    expect(result).toEqual({ kind: 'DROPPED', reason: 'SUSPEND_ORG needs Org4MSP to be ACTIVE, it is REMOVED' });
  });

  test('when an approved SET_VOTING_POLICY could no longer be met by the active members, it is DROPPED', () => {
    const setPolicy = proposal({ type: 'SET_VOTING_POLICY', subjectMspId: undefined, payload: { policy: { rule: 'THRESHOLD', threshold: 4, vetoMspIds: [] } } });
    const members = [...four().slice(0, 3), member('Org4MSP', 'SUSPENDED')];
    const result = evaluateProposal({ proposal: setPolicy, policy: MAJORITY, members, votes: [vote('Org1MSP'), vote('Org2MSP')], now: NOW });
    expect(result).toMatchObject({ kind: 'DROPPED', reason: expect.stringMatching(/^POLICY_UNSATISFIABLE/) });
  });

  test('when the deadline has passed and the votes decide nothing, the proposal is EXPIRED', () => {
    const late = new Date('2030-01-08T00:00:00.000Z');
    expect(evaluateProposal({ proposal: proposal(), policy: MAJORITY, members: four(), votes: [vote('Org1MSP')], now: late }).kind).toBe('EXPIRED');
  });

  test('when the deadline has passed but the votes cast in time decide, the decision stands', () => {
    const late = new Date('2030-02-01T00:00:00.000Z');
    const votes = [vote('Org1MSP', 'reject'), vote('Org2MSP', 'reject')];
    expect(evaluateProposal({ proposal: proposal(), policy: MAJORITY, members: four(), votes, now: late })).toMatchObject({ kind: 'DECIDED', status: 'REJECTED' });
  });
});
