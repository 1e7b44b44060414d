import { planProposal } from '../../src/planner/plan-proposal';
import { activeMembers, addOrgView, makePlannerOrgs, OPS, task, type PlannerOrgs } from '../support/planner-fixture';

jest.setTimeout(30_000);

let orgs: PlannerOrgs;
beforeAll(async () => {
  orgs = await makePlannerOrgs();
});

const tally = { outcome: 'APPROVED' as const, approvals: 2, rejections: 0, required: 2, eligible: 2, approvedBy: [], rejectedBy: [], vetoedBy: [], vetoHoldersPending: [] };

describe('the proposal planner', () => {
  it.each([
    ['an OPEN proposal whose tally would approve it → TALLY', { status: 'OPEN', evaluation: { kind: 'DECIDED', status: 'APPROVED', tally } }, { kind: 'TALLY' }],
    ['an OPEN proposal whose subject vanished (a tally would drop it) → TALLY', { status: 'OPEN', evaluation: { kind: 'DROPPED', reason: 'gone' } }, { kind: 'TALLY' }],
    ['an OPEN proposal still undecided → idle, votes pending', { status: 'OPEN', evaluation: { kind: 'UNDECIDED', tally } }, { kind: 'IDLE', reason: 'votes pending' }],
    ['an APPROVED proposal → its first channel', { status: 'APPROVED' }, { kind: 'CHANNEL', channel: OPS }],
    ['an APPLYING proposal whose ops-channel committed → the next channel', { status: 'APPLYING', channels: [OPS, 'trade'] }, { kind: 'CHANNEL', channel: 'trade' }],
    ['a FAILED proposal → left alone, not retried blindly', { status: 'FAILED' }, { kind: 'IDLE', reason: 'proposal is FAILED' }],
    ['an APPLIED proposal → nothing to do', { status: 'APPLIED' }, { kind: 'IDLE', reason: 'proposal is APPLIED' }],
  ] as const)('%s', (_name, over, expected) => {
    const committedOps = 'channels' in over ? [task(new Uint8Array([1]), 'Org1MSP', 1, { status: 'COMMITTED', blockNumber: 5 })] : [];
    const proposal = addOrgView(orgs, { ...(over as object), tasks: committedOps });
    expect(planProposal(proposal, 'Org1MSP', activeMembers('Org1MSP', 'Org2MSP'))).toEqual(expected);
  });

  it('an org that is not ACTIVE (e.g. the joining org itself) does not carry out approved proposals', () => {
    const members = [...activeMembers('Org1MSP', 'Org2MSP'), { mspId: 'Org3MSP', status: 'APPROVED' as const, channels: [OPS] }];
    expect(planProposal(addOrgView(orgs, { status: 'APPROVED' }), 'Org3MSP', members)).toEqual({ kind: 'IDLE', reason: 'Org3MSP is not an active member' });
  });
});
