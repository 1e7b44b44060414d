import { ConsortiumWorld } from '../support/consortium-world';
import { expectAppliedExactlyOnce, opsMembership } from '../support/world-assertions';

jest.setTimeout(60_000);

describe('agents applying an approved ADD_ORG', () => {
  let world: ConsortiumWorld;
  afterEach(async () => world.close());

  it('when both members vote approve, their agents tally, sign and commit Org3 into ops-channel exactly once', async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP']);
    const proposalId = await world.harness.propose('Org3MSP', 'Org1MSP');
    const agents = [await world.startAgent('Org1MSP'), await world.startAgent('Org2MSP')];

    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();

    await expectAppliedExactlyOnce(world, proposalId, 2);
    for (const { agent } of agents) {
      expect(agent.snapshot().proposals).toEqual([expect.objectContaining({ proposalId, proposalStatus: 'APPLIED', state: 'idle' })]);
    }
    expect(opsMembership(world)).toEqual({
      application: ['Org1MSP', 'Org2MSP', 'Org3MSP'],
      orderer: ['Org1MSP', 'Org2MSP', 'Org3MSP'],
      consenters: 3,
      orgs: ['Org1MSP', 'Org2MSP', 'Org3MSP'],
    });
    expect(world.orderer.answers).toEqual([{ status: 'SUCCESS' }]);
    expect(world.harness.ledger.events.filter((e) => e.name === 'ProposalApplied')).toHaveLength(1);
  });

  it('logs one JSON line per step with proposal, channel, attempt, step and outcome, and never a key', async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP']);
    const proposalId = await world.harness.propose('Org3MSP', 'Org1MSP');
    const agents = [await world.startAgent('Org1MSP'), await world.startAgent('Org2MSP')];
    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();

    const steps = agents.flatMap((a) => a.log.lines()).filter((l) => ['RECORD_UPDATE', 'SIGN', 'SUBMIT', 'RECORD_RESULT'].includes(l.step as string));
    expect(steps.map((l) => l.step).sort()).toEqual(['RECORD_RESULT', 'RECORD_UPDATE', 'SIGN', 'SIGN', 'SUBMIT']);
    for (const line of steps) expect(line).toMatchObject({ proposalId, channel: 'ops-channel', attempt: 1, outcome: 'done', org: expect.any(String), timestamp: expect.any(String) });
    for (const agent of agents) {
      const { tree } = await world.harness.org(agent.mspId);
      const keyPem = tree.adminKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      expect(agent.log.text()).not.toContain('PRIVATE KEY');
      expect(agent.log.text()).not.toContain(keyPem.split('\n')[1]);
    }
  });
});
