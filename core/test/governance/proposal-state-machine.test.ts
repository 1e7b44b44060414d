import {
  assertProposalTransition,
  canTransitionProposal,
  isTerminalProposalStatus,
  ProposalStatuses,
  transitionProposal,
  type Proposal,
  type ProposalStatus,
} from '../../src';

// The expected table is written out here, independently of PROPOSAL_TRANSITIONS, so that a change to the
// state machine has to be made twice — once on purpose.
const ALLOWED: [ProposalStatus, ProposalStatus][] = [
  ['OPEN', 'APPROVED'],
  ['OPEN', 'REJECTED'],
  ['OPEN', 'WITHDRAWN'],
  ['OPEN', 'EXPIRED'],
  ['OPEN', 'DROPPED'],
  ['APPROVED', 'APPLYING'],
  ['APPLYING', 'APPLIED'],
  ['APPLYING', 'FAILED'],
  ['FAILED', 'APPLYING'],
];

const allPairs = ProposalStatuses.flatMap((from) => ProposalStatuses.map((to) => [from, to] as [ProposalStatus, ProposalStatus]));
const isAllowed = (from: ProposalStatus, to: ProposalStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe('proposal state machine', () => {
  test.each(allPairs.filter(([f, t]) => isAllowed(f, t)))('when a proposal goes from %s to %s, it is allowed', (from, to) => {
    expect(canTransitionProposal(from, to)).toBe(true);
    expect(() => assertProposalTransition(from, to)).not.toThrow();
  });

  test.each(allPairs.filter(([f, t]) => !isAllowed(f, t)))('when a proposal goes from %s to %s, it is refused with INVALID_STATUS_TRANSITION', (from, to) => {
    expect(canTransitionProposal(from, to)).toBe(false);
    expect(() => assertProposalTransition(from, to, 'p-1')).toThrow(/^INVALID_STATUS_TRANSITION: p-1 cannot go from/);
  });

  test.each(['REJECTED', 'WITHDRAWN', 'EXPIRED', 'DROPPED', 'APPLIED'] as ProposalStatus[])('when a proposal is %s, it is terminal', (status) => {
    expect(isTerminalProposalStatus(status)).toBe(true);
  });

  test('when a proposal is approved, the transition stamps the decision time and keeps the rest', () => {
    const open = { id: 'p-1', status: 'OPEN', updatedAt: 'old', updatedTxId: 'old' } as Proposal;

    const approved = transitionProposal(open, 'APPROVED', { nowIso: '2030-01-02T00:00:00.000Z', txId: 'tx9', reason: 'votes' });

    expect(approved).toMatchObject({ id: 'p-1', status: 'APPROVED', decidedAt: '2030-01-02T00:00:00.000Z', updatedTxId: 'tx9', statusReason: 'votes' });
    expect(open.status).toBe('OPEN');
  });
});
