import { addApplicationOrg, addOrdererOrg, computeConfigUpdate, serializeConfigUpdate } from '@opssc/channel-config';
import { designatedAgent } from '../../src/planner/designated-agent';
import { ConsortiumWorld, OPS, WORLD_AGENT_OPTIONS } from '../support/consortium-world';
import { dropAnchorPeers, opsConfig, opsMembership } from '../support/world-assertions';

jest.setTimeout(60_000);

const ORGS = ['Org1MSP', 'Org2MSP'];

function designatedFor(proposalId: string, attempt = 1): string {
  const members = ORGS.map((mspId) => ({ mspId, status: 'ACTIVE' as const, channels: [OPS] }));
  return designatedAgent({ proposalId, channel: OPS, attempt, members, now: new Date(0), failoverMs: 60_000 }) as string;
}

describe('agents never sign what was not approved, and recompute stale updates', () => {
  let world: ConsortiumWorld;
  beforeEach(async () => {
    world = await ConsortiumWorld.create(ORGS);
  });
  afterEach(async () => world.close());

  async function approvedJoin(): Promise<string> {
    const proposalId = await world.harness.propose('Org3MSP', 'Org1MSP');
    await world.harness.vote(proposalId, 'approve', ...ORGS);
    await world.harness.tally(proposalId);
    return proposalId;
  }

  it('when the recorded update carries a different MSP under the approved MSP ID, the other agent refuses to sign and says why', async () => {
    const proposalId = await approvedJoin();
    const { nodes } = (await world.harness.proposal(proposalId)).payload.request;
    const substitute = { ...(await world.harness.org('Org4MSP')).tree.msp, mspId: 'Org3MSP' };
    const current = opsConfig(world);
    const withApplication = addApplicationOrg(current, { msp: substitute, anchorPeers: nodes.anchorPeers });
    const substituted = computeConfigUpdate(OPS, current, addOrdererOrg(withApplication, { msp: substitute, orderers: nodes.orderers }));
    await world.harness.must(await world.harness.admin('Org1MSP'), 'RecordConfigUpdate', proposalId, OPS, Buffer.from(serializeConfigUpdate(substituted)).toString('base64'), '1');

    const honest = await world.startAgent('Org2MSP');
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.signatures).toEqual([]);
    expect(world.orderer.answers).toEqual([]);
    const activity = honest.agent.snapshot().proposals.find((p) => p.proposalId === proposalId);
    expect(activity).toMatchObject({ state: 'waiting', attempt: 1, problem: expect.stringMatching(/^refusing to sign attempt 1 recorded by Org1MSP: it differs from the approved change at write_set\/groups\/Application\/groups\/Org3MSP\/values\/MSP: value bytes differ$/) });
    const refusal = honest.log.lines().find((l) => l.step === 'WAIT' && l.outcome === 'refused');
    expect(refusal).toMatchObject({ proposalId, channel: OPS, attempt: 1, problem: activity?.problem });
  });

  it('when the config moves after the update was recorded, the recorder marks it STALE and a new attempt commits, votes standing', async () => {
    const proposalId = await approvedJoin();
    const decisionBefore = (await world.harness.proposal(proposalId)).decision;
    const first = await world.startAgent(designatedFor(proposalId));
    await world.settle();
    world.orderer.changeOutOfBand(OPS, dropAnchorPeers('Org1MSP'));
    await world.startAgent(ORGS.find((o) => o !== first.mspId) as string);
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.tasks.map((t: { attempt: number; status: string }) => [t.attempt, t.status])).toEqual([[1, 'STALE'], [2, 'COMMITTED']]);
    expect(proposal.tasks[0].result.reason).toMatch(/the channel config moved: \/Channel\/Application\/Org1MSP is at version 1, the update read version 0/);
    expect(proposal.decision).toEqual(decisionBefore);
    expect(proposal.votes.map((v: { mspId: string }) => v.mspId).sort()).toEqual(ORGS);
    expect(world.orderer.committed.map((c) => c.outOfBand)).toEqual([true, false]);
    expect(opsMembership(world).application).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
  });

  it('when the orderer refuses the broadcast as stale, the recorder marks it STALE and the next attempt commits', async () => {
    const proposalId = await approvedJoin();
    for (const mspId of ORGS) await world.startAgent(mspId);
    world.orderer.beforeNextBroadcast = () => world.orderer.changeOutOfBand(OPS, dropAnchorPeers('Org2MSP'));
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.tasks.map((t: { attempt: number; status: string }) => [t.attempt, t.status])).toEqual([[1, 'STALE'], [2, 'COMMITTED']]);
    expect(world.orderer.answers[0]).toEqual({ status: 'BAD_REQUEST', info: expect.stringContaining('error validating ReadSet: proposed update requires that key [Group]  /Channel/Application/Org2MSP be at version 0, but it is currently at version 1') });
    expect(world.orderer.committed.filter((c) => !c.outOfBand)).toHaveLength(1);
  });

  it('when the designated agent stays silent past the failover time, the next candidate records the update', async () => {
    const proposalId = await approvedJoin();
    const silent = designatedFor(proposalId);
    const other = ORGS.find((o) => o !== silent) as string;
    const stand = await world.startAgent(other);
    await world.settle();
    expect((await world.harness.proposal(proposalId)).tasks).toEqual([]);
    expect(stand.agent.snapshot().proposals[0]).toMatchObject({ waitingFor: `${silent} (designated) to record the config update of attempt 1` });

    world.clock.advance((WORLD_AGENT_OPTIONS.failoverMs as number) + 1);
    await world.settle();
    await world.startAgent(silent);
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.tasks).toEqual([expect.objectContaining({ attempt: 1, recordedBy: other, status: 'COMMITTED' })]);
  });
});
