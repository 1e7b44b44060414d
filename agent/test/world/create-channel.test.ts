import { common } from '@hyperledger/fabric-protos';
import { decodeConfigBlock, readRaftConsenters } from '@opssc/channel-config';
import { FabricAdminError } from '../../src/fabric/fabric-admin-error';
import type { ChannelJoinPort, OrdererJoinPort } from '../../src/ports';
import { ConsortiumWorld } from '../support/consortium-world';
import type { CrashSwitch } from '../support/faults';

jest.setTimeout(60_000);

const ORGS = ['Org1MSP', 'Org2MSP', 'Org3MSP'];
const CHANNEL = 'mychannel2';

/** One org's nodes as the fakes keep them: the blocks each joined with, by channel, and how often each was asked to join. */
interface Nodes {
  orderer: Map<string, Uint8Array>;
  peer: Map<string, Uint8Array>;
  ordererJoins: number;
  peerJoins: number;
}

/**
 * The fakes keep the participation API's rules: a block that is not a genesis (config) block is refused
 * for good with HTTP 400, and joining a channel the orderer has is answered "already joined".
 */
function fakeOrderer(nodes: Nodes, options: { dieAfterJoin?: boolean } = {}) {
  return (crash: CrashSwitch): OrdererJoinPort => ({
    async channelStatus(channel) {
      crash.guard();
      return nodes.orderer.has(channel) ? { consensusRelation: 'consenter', status: 'active' } : undefined;
    },
    async join(block) {
      crash.guard();
      let channel: string;
      try {
        channel = decodeConfigBlock(block).channelId;
      } catch {
        throw new FabricAdminError('PARTICIPATION_REFUSED', 'POST /participation/v1/channels: HTTP 400: not a config block', { status: 400, retryable: false });
      }
      const alreadyJoined = nodes.orderer.has(channel);
      if (!alreadyJoined) {
        nodes.orderer.set(channel, block);
        nodes.ordererJoins++;
      }
      if (options.dieAfterJoin) crash.trip('after-commit');
      return { alreadyJoined };
    },
    async genesisBlock(channel) {
      crash.guard();
      const block = nodes.orderer.get(channel);
      if (!block) throw new FabricAdminError('DELIVER_FAILED', `${channel}: NOT_FOUND`, { status: 'NOT_FOUND' });
      return block;
    },
    async leave() {
      throw new Error('no consenter leaves in these tests');
    },
  });
}

function fakePeer(nodes: Nodes): ChannelJoinPort {
  return {
    joinedChannels: async () => [...nodes.peer.keys()],
    fetchGenesisBlock: async () => undefined,
    fetchLatestConfigBlock: async () => undefined,
    async joinPeer(block) {
      const channel = decodeConfigBlock(block).channelId;
      const alreadyJoined = nodes.peer.has(channel);
      if (!alreadyJoined) {
        nodes.peer.set(channel, block);
        nodes.peerJoins++;
      }
      return { alreadyJoined };
    },
  };
}

const mspIdsIn = (group: common.ConfigGroup | undefined) => [...(group?.getGroupsMap().keys() ?? [])].map(String).sort();

describe('agents create a channel by proposal', () => {
  let world: ConsortiumWorld;
  let nodes: Record<string, Nodes>;

  beforeEach(async () => {
    world = await ConsortiumWorld.create(ORGS, { withNodes: true });
    nodes = Object.fromEntries(ORGS.map((mspId) => [mspId, { orderer: new Map(), peer: new Map(), ordererJoins: 0, peerJoins: 0 }]));
  });
  afterEach(async () => world.close());

  async function propose(payload: object): Promise<string> {
    const proposalId = await world.harness.create('Org1MSP', 'CREATE_CHANNEL', { channel: CHANNEL, ...payload });
    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    return proposalId;
  }

  async function startAll(options: Partial<Record<string, { dieAfterJoin?: boolean; noOrderer?: boolean }>> = {}): Promise<void> {
    for (const mspId of ORGS) {
      const own = options[mspId] ?? {};
      await world.startAgent(mspId, { channelJoin: fakePeer(nodes[mspId]), ...(own.noOrderer ? {} : { ordererJoin: fakeOrderer(nodes[mspId], own) }) });
    }
  }

  it('when it is approved, each consenter joins its orderer and each member its peer with the same genesis block, and the proposal is APPLIED', async () => {
    await startAll();
    const proposalId = await propose({ members: ['Org1MSP', 'Org2MSP'], policies: { admins: 'ANY' }, batch: { timeout: '500ms' } });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    const genesis = nodes.Org1MSP.orderer.get(CHANNEL)!;
    for (const mspId of ['Org1MSP', 'Org2MSP']) {
      expect(Buffer.from(nodes[mspId].orderer.get(CHANNEL)!).equals(Buffer.from(genesis))).toBe(true);
      expect(Buffer.from(nodes[mspId].peer.get(CHANNEL)!).equals(Buffer.from(genesis))).toBe(true);
    }
    expect([nodes.Org3MSP.orderer.size, nodes.Org3MSP.peer.size]).toEqual([0, 0]);

    const { channelId, sequence, config } = decodeConfigBlock(genesis);
    expect([channelId, sequence]).toEqual([CHANNEL, 0]);
    const channelGroup = config.getChannelGroup()!;
    expect(mspIdsIn(channelGroup.getGroupsMap().get('Application'))).toEqual(['Org1MSP', 'Org2MSP']);
    expect(mspIdsIn(channelGroup.getGroupsMap().get('Orderer'))).toEqual(['Org1MSP', 'Org2MSP']);
    expect(readRaftConsenters(config).map((c) => c.getPort()).sort()).toEqual([7050, 8050]);
    const adminsRule = common.ImplicitMetaPolicy.deserializeBinary(channelGroup.getPoliciesMap().get('Admins')!.getPolicy()!.getValue_asU8()).getRule();
    expect(adminsRule).toBe(common.ImplicitMetaPolicy.Rule.ANY);

    const hash = Buffer.from(common.Block.deserializeBinary(genesis).getHeader()!.getDataHash_asU8()).toString('hex');
    expect(proposal.channelJoinSteps).toEqual([
      expect.objectContaining({ mspId: 'Org1MSP', status: 'JOINED', genesisDataHash: hash, orderer: true }),
      expect.objectContaining({ mspId: 'Org2MSP', status: 'JOINED', genesisDataHash: hash, orderer: true }),
    ]);
    for (const mspId of ['Org1MSP', 'Org2MSP']) expect((await world.harness.member(mspId)).channels).toContain(CHANNEL);
    expect((await world.harness.member('Org3MSP')).channels).not.toContain(CHANNEL);
    // the step counters GET /metrics exports count the same steps as the log
    const org2 = world.agents.find((a) => a.mspId === 'Org2MSP')!;
    expect(org2.agent.snapshot().counters?.steps).toMatchObject({ 'JOIN_ORDERER done': 1, 'JOIN_PEER done': 1, 'RECORD_JOIN done': 1 });
  });

  it('when only some members are consenters, the others join their peers only and record orderer: false', async () => {
    await startAll();
    const proposalId = await propose({ members: ['Org1MSP', 'Org2MSP', 'Org3MSP'], consenters: ['Org1MSP'] });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(ORGS.map((mspId) => [nodes[mspId].orderer.size, nodes[mspId].peer.size])).toEqual([[1, 1], [0, 1], [0, 1]]);
    expect(proposal.channelJoinSteps.map((s: { mspId: string; orderer: boolean }) => `${s.mspId} ${s.orderer}`)).toEqual(['Org1MSP true', 'Org2MSP false', 'Org3MSP false']);
  });

  it('when an agent dies right after joining its orderer, its restart joins the peer and records once: one join per node in all', async () => {
    await startAll({ Org2MSP: { dieAfterJoin: true } });
    const proposalId = await propose({ members: ['Org1MSP', 'Org2MSP'] });
    await world.settle();
    const dead = world.agents.find((a) => a.crash.crashed)!;
    expect(dead.mspId).toBe('Org2MSP');
    expect((await world.harness.proposal(proposalId)).status).toBe('APPLYING');

    await world.restart(dead, { channelJoin: fakePeer(nodes.Org2MSP), ordererJoin: fakeOrderer(nodes.Org2MSP) });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.channelJoinSteps).toHaveLength(2);
    expect(['Org1MSP', 'Org2MSP'].map((mspId) => [nodes[mspId].ordererJoins, nodes[mspId].peerJoins])).toEqual([[1, 1], [1, 1]]);
  });

  it("when an org's orderer already serves another channel of that name, the org records FAILED with CHANNEL_EXISTS and its peer does not join", async () => {
    // block 0 of some other chain, made outside the consortium
    const foreign = new common.Block();
    foreign.setHeader(new common.BlockHeader());
    foreign.getHeader()!.setDataHash(Buffer.alloc(32, 7));
    nodes.Org2MSP.orderer.set(CHANNEL, foreign.serializeBinary());
    await startAll();
    const proposalId = await propose({ members: ['Org1MSP', 'Org2MSP'] });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('FAILED');
    expect(proposal.statusReason).toMatch(/^Org2MSP: CHANNEL_EXISTS: mychannel2 already exists on this org's orderer with another genesis block/);
    expect(nodes.Org2MSP.peer.size).toBe(0);
    expect((await world.harness.member('Org1MSP')).channels).not.toContain(CHANNEL);
  });

  it('when a consenter org has no orderer admin endpoint, its agent waits and says why; the proposal stays APPLYING', async () => {
    await startAll({ Org2MSP: { noOrderer: true } });
    const proposalId = await propose({ members: ['Org1MSP', 'Org2MSP'] });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLYING');
    expect(proposal.channelJoinSteps.map((s: { mspId: string }) => s.mspId)).toEqual(['Org1MSP']);
    const org2 = world.agents.find((a) => a.mspId === 'Org2MSP')!;
    expect(org2.agent.status.activity(proposalId)).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('OPSSC_ORDERER_ADMIN_URL') });
    expect(nodes.Org2MSP.peer.size).toBe(0);
  });
});
