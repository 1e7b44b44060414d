import { orderer as ordererProto } from '@hyperledger/fabric-protos';
import { readRaftConsenters } from '@opssc/channel-config';
import { FabricAdminError } from '../../src/fabric/fabric-admin-error';
import type { ChannelJoinPort, OrdererJoinPort } from '../../src/ports';
import { channelConfig, fixtureOrderer } from '../support/channel-fixture';
import { ConsortiumWorld, OPS } from '../support/consortium-world';
import { sectionOrgs } from '../../src/planner/channel-orgs';
import { groupAt, valuesOf } from '../../src/planner/config-maps';

jest.setTimeout(60_000);

const APP = 'mychannel2';

describe('agents applying an approved UPDATE_CHANNEL', () => {
  let world: ConsortiumWorld;
  afterEach(async () => world.close());

  /** Each org's fake peer: the channels it joined, and where its genesis blocks came from. */
  const peers = new Map<string, { joined: string[]; fetchedFrom: string[][] }>();
  function fakePeer(mspId: string): ChannelJoinPort {
    const peer = { joined: [] as string[], fetchedFrom: [] as string[][] };
    peers.set(mspId, peer);
    return {
      joinedChannels: async () => [...peer.joined],
      async fetchGenesisBlock(channel, orderers) {
        peer.fetchedFrom.push(orderers.map((o) => o.mspId));
        return world.orderer.fetchLatestConfig(channel) ? Buffer.from(`genesis of ${channel}`) : undefined;
      },
      async fetchLatestConfigBlock(channel, orderers) {
        peer.fetchedFrom.push(orderers.map((o) => o.mspId));
        const latest = world.orderer.fetchLatestConfig(channel);
        return latest ? Buffer.from(`config block ${latest.blockNumber} of ${channel}`) : undefined;
      },
      async joinPeer(genesis) {
        const channel = Buffer.from(genesis).toString().replace('genesis of ', '');
        const alreadyJoined = peer.joined.includes(channel);
        if (!alreadyJoined) peer.joined.push(channel);
        return { alreadyJoined };
      },
    };
  }

  /** Each org's fake orderer: the blocks it was joined with. */
  const orderers = new Map<string, string[]>();
  /** Each org's fake orderer: the blocks it was joined with, and the channels it was taken off. Every orderer serves OPS from the start. */
  const left = new Map<string, string[]>();
  function fakeOrderer(mspId: string): () => OrdererJoinPort {
    const joined: string[] = [];
    const gone: string[] = [];
    orderers.set(mspId, joined);
    left.set(mspId, gone);
    const serves = (channel: string) => !gone.includes(channel) && (channel === OPS || joined.some((b) => b.endsWith(` of ${channel}`)));
    return () => ({
      channelStatus: async (channel) => (serves(channel) ? { consensusRelation: 'consenter', status: 'active' } : undefined),
      async join(block) {
        joined.push(Buffer.from(block).toString());
        return { alreadyJoined: false };
      },
      genesisBlock: async () => {
        throw new Error('not used when joining a running channel');
      },
      async leave(channel) {
        const alreadyLeft = !serves(channel);
        if (!alreadyLeft) gone.push(channel);
        return { alreadyLeft };
      },
    });
  }

  async function approved(orgs: string[], payload: object): Promise<string> {
    const proposalId = await world.harness.create('Org1MSP', 'UPDATE_CHANNEL', payload);
    for (const mspId of orgs) await world.startAgent(mspId, { channelJoin: fakePeer(mspId), ordererJoin: fakeOrderer(mspId) });
    await world.harness.vote(proposalId, 'approve', ...orgs);
    return proposalId;
  }

  function batchTimeout(channel: string): string {
    const fetched = world.orderer.fetchLatestConfig(channel);
    const value = fetched && valuesOf(groupAt(fetched.config, ['Orderer'])!).get('BatchTimeout');
    return ordererProto.BatchTimeout.deserializeBinary(value!.getValue_asU8()).getTimeout();
  }

  it('when SET_BATCH_TIMEOUT is approved, both orgs sign (Orderer/Admins is a majority of 2), it commits once and the proposal is APPLIED', async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP']);
    const proposalId = await approved(['Org1MSP', 'Org2MSP'], { channel: OPS, change: { kind: 'SET_BATCH_TIMEOUT', timeout: '150ms' } });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.tasks).toEqual([expect.objectContaining({ channel: OPS, attempt: 1, status: 'COMMITTED' })]);
    expect(proposal.signatures.map((s: { mspId: string }) => s.mspId).sort()).toEqual(['Org1MSP', 'Org2MSP']);
    expect(world.orderer.committed.filter((c) => !c.outOfBand)).toHaveLength(1);
    expect(batchTimeout(OPS)).toBe('150ms');
  });

  it('when the channel already has the timeout, the designated agent records a witness and COMMITTED without broadcasting', async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP']);
    const first = await approved(['Org1MSP', 'Org2MSP'], { channel: OPS, change: { kind: 'SET_BATCH_TIMEOUT', timeout: '150ms' } });
    await world.settle();
    expect((await world.harness.proposal(first)).status).toBe('APPLIED');

    const again = await world.harness.create('Org2MSP', 'UPDATE_CHANNEL', { channel: OPS, change: { kind: 'SET_BATCH_TIMEOUT', timeout: '150ms' } });
    await world.harness.vote(again, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();

    expect((await world.harness.proposal(again)).status).toBe('APPLIED');
    expect(world.orderer.committed.filter((c) => !c.outOfBand)).toHaveLength(1);
  });

  it("when ADD_ORG adds Org2 to a channel of Org1 alone, Org1 alone records, signs and submits, Org2 becomes an application org (not an orderer org), the channel joins Org2's record, and Org2's agent joins its peer once", async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP']);
    const { tree } = await world.harness.org('Org1MSP');
    world.orderer.createChannel(APP, channelConfig([{ msp: tree.msp, peerPort: 7051, orderer: fixtureOrderer(tree.ordererTls, 0) }]));
    const proposalId = await approved(['Org1MSP', 'Org2MSP'], { channel: APP, change: { kind: 'ADD_ORG', mspId: 'Org2MSP' } });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.tasks).toEqual([expect.objectContaining({ channel: APP, attempt: 1, status: 'COMMITTED', recordedBy: 'Org1MSP' })]);
    expect(proposal.signatures.map((s: { mspId: string }) => s.mspId)).toEqual(['Org1MSP']);
    const config = world.orderer.fetchLatestConfig(APP)!.config;
    expect(sectionOrgs(config, 'Application')).toEqual(['Org1MSP', 'Org2MSP']);
    expect(sectionOrgs(config, 'Orderer')).toEqual(['Org1MSP']);
    expect((await world.harness.member('Org2MSP')).channels).toContain(APP);
    const org1Orderers = (await world.harness.member('Org1MSP')).nodes.orderers.map(() => 'Org1MSP');
    expect(peers.get('Org2MSP')).toEqual({ joined: [APP], fetchedFrom: [org1Orderers] });
    expect(peers.get('Org1MSP')?.joined).toEqual([]);
  });

  it('when REMOVE_ORG would leave 1 of 2 Raft consenters, it gets the same safety check as a membership removal: FAILED with the reason, nothing broadcast', async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP']);
    const proposalId = await approved(['Org1MSP', 'Org2MSP'], { channel: OPS, change: { kind: 'REMOVE_ORG', mspId: 'Org2MSP' } });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('FAILED');
    expect(proposal.tasks).toEqual([expect.objectContaining({ attempt: 1, recordedBy: 'Org1MSP', status: 'FAILED' })]);
    expect(proposal.tasks[0].result.reason).toMatch(/would leave 1 of 2 Raft consenters/);
    expect(world.orderer.answers).toEqual([]);
  });

  it("when ADD_CONSENTER makes Org2 a consenter of a channel of Org1 alone, Org2 becomes an orderer org with its one consenter, Org1's signature suffices, and Org2's agent joins its orderer with the latest config block", async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP'], { withNodes: true });
    const { tree } = await world.harness.org('Org1MSP');
    world.orderer.createChannel(APP, channelConfig([{ msp: tree.msp, peerPort: 7051, orderer: fixtureOrderer(tree.ordererTls, 0) }]));
    const proposalId = await approved(['Org1MSP', 'Org2MSP'], { channel: APP, change: { kind: 'ADD_CONSENTER', mspId: 'Org2MSP' } });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.payload.change.orderer).toMatchObject({ host: '127.0.0.1', port: 8050, consenter: true });
    expect(proposal.signatures.map((s: { mspId: string }) => s.mspId)).toEqual(['Org1MSP']);
    const latest = world.orderer.fetchLatestConfig(APP)!;
    expect(sectionOrgs(latest.config, 'Orderer')).toEqual(['Org1MSP', 'Org2MSP']);
    expect(sectionOrgs(latest.config, 'Application')).toEqual(['Org1MSP']);
    expect(readRaftConsenters(latest.config).map((c) => c.getPort())).toEqual([7050, 8050]);
    expect(orderers.get('Org2MSP')).toEqual([`config block ${latest.blockNumber} of ${APP}`]);
    expect(orderers.get('Org1MSP')).toEqual([]);
  });

  it('when REMOVE_CONSENTER takes Org2 out of a Raft cluster of 3, its orderer org and consenter go and its application org stays', async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP', 'Org3MSP'], { withNodes: true });
    const proposalId = await approved(['Org1MSP', 'Org2MSP', 'Org3MSP'], { channel: OPS, change: { kind: 'REMOVE_CONSENTER', mspId: 'Org2MSP' } });
    await world.settle();

    expect((await world.harness.proposal(proposalId)).status).toBe('APPLIED');
    const config = world.orderer.fetchLatestConfig(OPS)!.config;
    expect(sectionOrgs(config, 'Orderer')).toEqual(['Org1MSP', 'Org3MSP']);
    expect(sectionOrgs(config, 'Application')).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
    expect(readRaftConsenters(config).map((c) => c.getPort()).sort()).toEqual([7050, 9050]);
    // the removed consenter's orderer is taken off the channel, once; the others stay
    expect([...left.entries()]).toEqual([['Org1MSP', []], ['Org2MSP', [OPS]], ['Org3MSP', []]]);
  });

  it('when REMOVE_CONSENTER would leave 1 of 2 Raft consenters, it is FAILED by the Raft safety check and nothing is broadcast', async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP'], { withNodes: true });
    const proposalId = await approved(['Org1MSP', 'Org2MSP'], { channel: OPS, change: { kind: 'REMOVE_CONSENTER', mspId: 'Org2MSP' } });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('FAILED');
    expect(proposal.tasks[0].result.reason).toMatch(/would leave 1 of 2 Raft consenters/);
    expect(world.orderer.answers).toEqual([]);
  });

  it("when the added org's peer cannot reach any member orderer as the ADD_ORG is applied, a later reconcile joins it", async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP']);
    const { tree } = await world.harness.org('Org1MSP');
    world.orderer.createChannel(APP, channelConfig([{ msp: tree.msp, peerPort: 7051, orderer: fixtureOrderer(tree.ordererTls, 0) }]));
    let unreachable = true;
    const peer = fakePeer('Org2MSP');
    const flaky: ChannelJoinPort = {
      ...peer,
      fetchGenesisBlock: async (channel, from) => {
        if (unreachable) throw new FabricAdminError('NODE_UNAVAILABLE', 'no member orderer answers', { retryable: true });
        return peer.fetchGenesisBlock(channel, from);
      },
    };
    const proposalId = await world.harness.create('Org1MSP', 'UPDATE_CHANNEL', { channel: APP, change: { kind: 'ADD_ORG', mspId: 'Org2MSP' } });
    await world.startAgent('Org1MSP', { channelJoin: fakePeer('Org1MSP') });
    await world.startAgent('Org2MSP', { channelJoin: flaky });
    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();
    expect((await world.harness.proposal(proposalId)).status).toBe('APPLIED');
    expect(peers.get('Org2MSP')?.joined).toEqual([]);

    unreachable = false;
    await world.settle();

    expect(peers.get('Org2MSP')?.joined).toEqual([APP]);
  });
});
