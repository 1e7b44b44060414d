import { removeOrg } from '@opssc/channel-config';
import { approvedChange } from '../../src/planner/approved-change';
import { endorsementProblems, raftProblem, removalProblems } from '../../src/planner/removal-safety';
import { channelPolicyParameter, peersPolicy, signaturePolicyParameter } from '../support/endorsement-policy';
import { addOrgView, makePlannerOrgs, OPS, opsChannel, type PlannerOrgs } from '../support/planner-fixture';

jest.setTimeout(30_000);

let orgs: PlannerOrgs;
beforeAll(async () => {
  orgs = await makePlannerOrgs();
});

const members = (n: number) => [orgs.org1, orgs.org2, orgs.org3, orgs.org4].slice(0, n);

describe('removal pre-checks', () => {
  it.each([
    [2, 'Org2MSP', "removing Org2MSP would leave 1 of 2 Raft consenters, fewer than the 2 needed for a quorum without Org2MSP's orderer"],
    [3, 'Org3MSP', undefined],
    [4, 'Org4MSP', undefined],
  ])('Raft: removing one of %i consenters (%s) → %s', (n, subject, expected) => {
    const current = opsChannel(members(n)).config;
    expect(raftProblem({ subject, current, updated: removeOrg(current, subject), committed: [] })).toBe(expected);
  });

  it('Raft: a change that takes out two consenters at once is refused (etcdraft changes one at a time)', () => {
    const current = opsChannel(members(4)).config;
    const updated = removeOrg(removeOrg(current, 'Org4MSP'), 'Org3MSP');
    expect(raftProblem({ subject: 'Org3MSP', current, updated, committed: [] })).toMatch(/would take out 2 Raft consenters .* at once/);
  });

  it.each([
    ["AND('Org1MSP.peer','Org3MSP.peer')", signaturePolicyParameter(peersPolicy(2, ['Org1MSP', 'Org3MSP'])), ["chaincode cc's endorsement policy could no longer be satisfied without Org3MSP"]],
    ["OR('Org1MSP.peer','Org3MSP.peer')", signaturePolicyParameter(peersPolicy(1, ['Org1MSP', 'Org3MSP'])), []],
    ['2 of Org1, Org2, Org3', signaturePolicyParameter(peersPolicy(2, ['Org1MSP', 'Org2MSP', 'Org3MSP'])), []],
    ['/Channel/Application/Endorsement (MAJORITY Endorsement)', channelPolicyParameter(), []],
    ["AND('Org1MSP.peer','Org4MSP.peer'), already unsatisfiable before", signaturePolicyParameter(peersPolicy(2, ['Org1MSP', 'Org4MSP'])), []],
  ])('endorsement: removing Org3 with a committed policy %s', (_name, validationParameter, expected) => {
    const current = opsChannel(members(3)).config;
    expect(endorsementProblems({ subject: 'Org3MSP', current, updated: removeOrg(current, 'Org3MSP'), committed: [{ name: 'cc', validationParameter }] })).toEqual(expected);
  });

  it('a REMOVE_ORG of an org that is not on the channel is already applied', () => {
    const proposal = addOrgView(orgs, { type: 'REMOVE_ORG', payload: { mspId: 'Org4MSP' }, subjectMspId: 'Org4MSP' });
    expect(approvedChange(proposal, OPS, opsChannel(members(2)).config)).toEqual({ kind: 'APPLIED' });
  });

  it('a removal with no problem has an empty list', () => {
    const current = opsChannel(members(3)).config;
    expect(removalProblems({ subject: 'Org3MSP', current, updated: removeOrg(current, 'Org3MSP'), committed: [] })).toEqual([]);
  });
});
