import { ConsortiumWorld, OPS } from '../support/consortium-world';
import { channelPolicyParameter, peersPolicy, signaturePolicyParameter } from '../support/endorsement-policy';
import { opsMembership } from '../support/world-assertions';

jest.setTimeout(60_000);

describe('agents applying an approved REMOVE_ORG', () => {
  let world: ConsortiumWorld;
  afterEach(async () => world.close());

  async function approvedRemoval(orgs: string[], subject: string): Promise<string> {
    world = await ConsortiumWorld.create(orgs);
    const proposalId = await world.harness.create('Org1MSP', 'REMOVE_ORG', { mspId: subject });
    for (const mspId of orgs) await world.startAgent(mspId);
    await world.harness.vote(proposalId, 'approve', ...orgs);
    return proposalId;
  }

  it('when 3 consenters become 2, the org leaves the Application and Orderer groups and the member is REMOVED', async () => {
    const proposalId = await approvedRemoval(['Org1MSP', 'Org2MSP', 'Org3MSP'], 'Org3MSP');
    world.definitions.set(OPS, [{ name: 'consortium_ops', validationParameter: channelPolicyParameter() }]);
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.tasks).toEqual([expect.objectContaining({ attempt: 1, status: 'COMMITTED' })]);
    expect(proposal.tasks[0].recordedBy).not.toBe('Org3MSP');
    expect(opsMembership(world)).toEqual({ application: ['Org1MSP', 'Org2MSP'], orderer: ['Org1MSP', 'Org2MSP'], consenters: 2, orgs: ['Org1MSP', 'Org2MSP'] });
    expect((await world.harness.member('Org3MSP')).status).toBe('REMOVED');
  });

  it('when the removal would leave 1 of 2 Raft consenters, it is refused and recorded FAILED with the reason, and nothing is broadcast', async () => {
    const proposalId = await approvedRemoval(['Org1MSP', 'Org2MSP'], 'Org2MSP');
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('FAILED');
    expect(proposal.tasks).toEqual([expect.objectContaining({ attempt: 1, recordedBy: 'Org1MSP', status: 'FAILED' })]);
    expect(proposal.tasks[0].result.reason).toBe("removing Org2MSP would leave 1 of 2 Raft consenters, fewer than the 2 needed for a quorum without Org2MSP's orderer");
    expect(proposal.signatures).toEqual([]);
    expect(world.orderer.answers).toEqual([]);
    expect(opsMembership(world).orgs).toEqual(['Org1MSP', 'Org2MSP']);
    expect((await world.harness.member('Org2MSP')).status).toBe('ACTIVE');
  });

  it("when a committed chaincode's policy is AND('Org1MSP.peer','Org3MSP.peer'), removing Org3 is refused and recorded FAILED", async () => {
    const proposalId = await approvedRemoval(['Org1MSP', 'Org2MSP', 'Org3MSP'], 'Org3MSP');
    world.definitions.set(OPS, [{ name: 'trade', validationParameter: signaturePolicyParameter(peersPolicy(2, ['Org1MSP', 'Org3MSP'])) }]);
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('FAILED');
    expect(proposal.tasks[0].result.reason).toBe("chaincode trade's endorsement policy could no longer be satisfied without Org3MSP");
    expect(world.orderer.answers).toEqual([]);
  });
});
