import { createHash } from 'node:crypto';
import { decodeConfigBlock } from '@opssc/channel-config';
import { FabricAdminError, sameParameters, type ChaincodeDefinition } from '../../src/fabric';
import { sectionOrgs } from '../../src/planner/channel-orgs';
import type { ChaincodeDeployerPort, ChannelJoinPort, OrdererJoinPort } from '../../src/ports';
import { ConsortiumWorld, type WorldAgent } from '../support/consortium-world';
import type { CrashSwitch } from '../support/faults';
import { FakeLifecycle, fakePackage } from '../support/fake-lifecycle';

jest.setTimeout(60_000);

const ORGS = ['Org1MSP', 'Org2MSP'];
const APP = 'mychannel2';
const API_URL = 'http://org1.example:3000';
const PACKAGE = fakePackage('basic_1.0');
const SHA = createHash('sha256').update(PACKAGE).digest('hex');
const BASIC = { channel: APP, name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${SHA}`, sha256: SHA, label: 'basic_1.0' };
const BY_HAND = `the operator to install ${BASIC.packageId} on the peer and approve basic sequence 1 on ${APP} by hand`;

describe("an org added to a channel by ADD_ORG catches up the channel's committed chaincodes", () => {
  let world: ConsortiumWorld;
  let lifecycle: FakeLifecycle;
  /** Block 0 of each channel, as Org1's orderer (the only one) serves it. */
  let genesisBlocks: Map<string, Uint8Array>;
  afterEach(async () => world.close());

  /** An org's peer: its joins are the fake lifecycle's, which answers a channel's queries only once the peer has joined it. */
  function peerOf(mspId: string): ChannelJoinPort {
    return {
      joinedChannels: async () => lifecycle.joinedChannels(mspId),
      fetchGenesisBlock: async (channel, orderers) => (orderers.some((o) => o.mspId === 'Org1MSP') ? genesisBlocks.get(channel) : undefined),
      fetchLatestConfigBlock: async () => undefined,
      joinPeer: async (block) => ({ alreadyJoined: lifecycle.joinPeer(mspId, decodeConfigBlock(block).channelId) }),
    };
  }

  const org1Orderer = () => (): OrdererJoinPort => ({
    channelStatus: async (channel) => (genesisBlocks.has(channel) ? { consensusRelation: 'consenter', status: 'active' } : undefined),
    async join(block) {
      const { channelId } = decodeConfigBlock(block);
      const alreadyJoined = genesisBlocks.has(channelId);
      genesisBlocks.set(channelId, block);
      return { alreadyJoined };
    },
    async genesisBlock(channel) {
      const block = genesisBlocks.get(channel);
      if (!block) throw new FabricAdminError('DELIVER_FAILED', `${channel}: NOT_FOUND`, { status: 'NOT_FOUND' });
      return block;
    },
    leave: async () => {
      throw new Error('no consenter leaves in these tests');
    },
  });

  /**
   * Org1 and Org2; Org1 publishes its api-server URL and creates APP alone by a CREATE_CHANNEL proposal, so
   * its member record lists APP (a deployment on APP then involves Org1 alone).
   */
  async function channelOfOrg1(): Promise<void> {
    world = await ConsortiumWorld.create(ORGS, { withNodes: true });
    genesisBlocks = new Map();
    lifecycle = new FakeLifecycle((channel) => {
      const fetched = world.orderer.fetchLatestConfig(channel);
      return fetched ? sectionOrgs(fetched.config, 'Application') : [];
    });
    await world.harness.must(await world.harness.admin('Org1MSP'), 'UpdateMemberMetadata', JSON.stringify({ apiUrl: API_URL }));
    await world.startAgent('Org1MSP', { lifecycle, channelJoin: peerOf('Org1MSP'), ordererJoin: org1Orderer() });
    const created = await world.harness.create('Org1MSP', 'CREATE_CHANNEL', { channel: APP, members: ['Org1MSP'] });
    await world.harness.vote(created, 'approve', ...ORGS);
    await world.settle();
    // the fake ordering service serves APP from here on, with the config of the block Org1's orderer joined
    world.orderer.createChannel(APP, decodeConfigBlock(genesisBlocks.get(APP)!).config);
  }

  /** Org1's DEPLOY_CHAINCODE of basic on APP, carried out by Org1's agent: the commit records the package with the proposal id. */
  async function deployedByProposal(): Promise<string> {
    const proposalId = await world.harness.create('Org1MSP', 'DEPLOY_CHAINCODE', { ...BASIC, endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer','Org2MSP.peer')" }, initRequired: true });
    lifecycle.served.set(proposalId, PACKAGE);
    await world.harness.vote(proposalId, 'approve', ...ORGS);
    await world.settle();
    expect((await world.harness.proposal(proposalId)).status).toBe('APPLIED');
    return proposalId;
  }

  /** basic committed on APP by Org1's admin by hand, its package recorded with RecordChaincodePackage (no proposal, no URL). */
  async function deployedByHand(): Promise<void> {
    const org1 = lifecycle.deployer('Org1MSP');
    const definition: ChaincodeDefinition = { channelId: APP, name: 'basic', version: '1.0', sequence: 1 };
    await org1.install(PACKAGE);
    await org1.approve(definition, BASIC.packageId);
    await org1.commit(definition);
    await world.harness.must(await world.harness.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(BASIC));
  }

  /**
   * Org2's agent starts (only now: every active member's agent takes part in every deployment), then an
   * ADD_ORG of Org2 to APP is approved and applied.
   */
  async function addOrg2(options: { deployer?: (inner: ChaincodeDeployerPort, crash: CrashSwitch) => ChaincodeDeployerPort; unwired?: boolean } = {}) {
    const { unwired, ...ports } = options;
    const org2 = await world.startAgent('Org2MSP', { ...(unwired ? {} : { lifecycle }), channelJoin: peerOf('Org2MSP'), ...ports });
    const mark = { events: world.harness.ledger.events.length, downloads: lifecycle.downloads.length };
    const proposalId = await world.harness.create('Org1MSP', 'UPDATE_CHANNEL', { channel: APP, change: { kind: 'ADD_ORG', mspId: 'Org2MSP' } });
    await world.harness.vote(proposalId, 'approve', ...ORGS);
    await world.settle();
    return { org2, proposalId, mark };
  }

  const org2 = <T extends { mspId: string }>(calls: T[]) => calls.filter((c) => c.mspId === 'Org2MSP');
  /** The step lines of the join and the catch-up that `agent` logged about the proposal. */
  const CATCH_UP_STEPS = new Set(['JOIN_PEER', 'DOWNLOAD', 'INSTALL', 'APPROVE', 'CATCH_UP_CHAINCODES']);
  const steps = (agent: WorldAgent, proposalId: string) =>
    agent.log.lines().filter((l) => l.proposalId === proposalId && CATCH_UP_STEPS.has(String(l.step))).map((l) => `${l.step} ${l.outcome}`);

  it("when a chaincode deployed by proposal is committed on the channel, the added org's peer joins, installs the recorded package from the proposer's api-server and approves the committed definition once, recording nothing more on-chain", async () => {
    await channelOfOrg1();
    const deployment = await deployedByProposal();
    const record = await world.harness.query(await world.harness.admin('Org1MSP'), 'GetChaincodePackage', APP, 'basic', '1');

    const { org2: agent, proposalId, mark } = await addOrg2();

    expect((await world.harness.proposal(proposalId)).status).toBe('APPLIED');
    expect(lifecycle.joinedChannels('Org2MSP')).toEqual([APP]);
    expect(lifecycle.downloads.slice(mark.downloads)).toEqual([{ apiUrl: API_URL, proposalId: deployment }]);
    expect(org2(lifecycle.installs)).toEqual([{ mspId: 'Org2MSP', packageId: BASIC.packageId }]);
    const committed = lifecycle.committedDefinition(APP, 'basic')!;
    expect(org2(lifecycle.approvals)).toEqual([expect.objectContaining({ key: `${APP}|basic|1|1.0`, packageId: BASIC.packageId })]);
    expect(sameParameters(org2(lifecycle.approvals)[0].parameters, committed)).toBe(true);
    expect(lifecycle.approvedCommitted('Org2MSP', APP, committed)).toBe(true);
    // every transaction since is the ADD_ORG's own, and the package record is untouched
    expect(world.harness.ledger.events.slice(mark.events).every((e) => e.payload.proposalId === proposalId)).toBe(true);
    expect(await world.harness.query(await world.harness.admin('Org2MSP'), 'GetChaincodePackage', APP, 'basic', '1')).toEqual(record);
    expect(agent.agent.status.activity(proposalId)).toMatchObject({ step: 'CATCH_UP_CHAINCODES', state: 'idle', note: `the peer has joined ${APP}; Org2MSP approved basic sequence 1` });
    expect(steps(agent, proposalId)).toEqual(['JOIN_PEER done', 'DOWNLOAD done', 'INSTALL done', 'APPROVE done']);
  });

  it("when the added org's agent dies right after the install, its restart approves once without downloading or installing again", async () => {
    await channelOfOrg1();
    await deployedByProposal();
    const dieAfterInstall = (inner: ChaincodeDeployerPort, crash: CrashSwitch): ChaincodeDeployerPort => ({
      ...inner,
      install: async (bytes) => {
        await inner.install(bytes);
        return crash.trip('after-commit');
      },
    });
    const { org2: dead, mark } = await addOrg2({ deployer: dieAfterInstall });
    expect(dead.crash.crashed).toBe(true);
    expect(org2(lifecycle.approvals)).toEqual([]);

    await world.restart(dead, { lifecycle, channelJoin: peerOf('Org2MSP') });
    await world.settle();

    expect(lifecycle.downloads.slice(mark.downloads)).toHaveLength(1);
    expect(org2(lifecycle.installCalls)).toEqual([{ mspId: 'Org2MSP', packageId: BASIC.packageId }]);
    expect(org2(lifecycle.approvals)).toEqual([expect.objectContaining({ packageId: BASIC.packageId })]);
    expect(lifecycle.approvedCommitted('Org2MSP', APP, lifecycle.committedDefinition(APP, 'basic')!)).toBe(true);
  });

  it("when the chaincode's package was recorded by hand (no proposal, no URL), nothing is installed and the added org's status says what to do by hand, logged once", async () => {
    await channelOfOrg1();
    await deployedByHand();

    const { org2: agent, proposalId } = await addOrg2();
    await world.settle();

    expect(lifecycle.joinedChannels('Org2MSP')).toEqual([APP]);
    expect(org2(lifecycle.installCalls)).toEqual([]);
    expect(org2(lifecycle.approvals)).toEqual([]);
    expect(agent.agent.status.activity(proposalId)).toMatchObject({
      step: 'CATCH_UP_CHAINCODES', state: 'waiting', waitingFor: BY_HAND,
      problem: `the package record of basic sequence 1 on ${APP} names no place to download ${BASIC.packageId} from (it was recorded with RecordChaincodePackage, not by a deployment)`,
    });
    expect(steps(agent, proposalId)).toEqual(['JOIN_PEER done', 'CATCH_UP_CHAINCODES refused']);
  });

  it("when the proposer's api-server serves a package whose SHA-256 is not the recorded one, it is not installed and the added org's status reports it", async () => {
    await channelOfOrg1();
    const deployment = await deployedByProposal();
    lifecycle.served.set(deployment, fakePackage('basic_1.0', 'tampered code'));

    const { org2: agent, proposalId } = await addOrg2();

    expect(org2(lifecycle.installCalls)).toEqual([]);
    expect(org2(lifecycle.approvals)).toEqual([]);
    expect(agent.agent.status.activity(proposalId)).toMatchObject({
      step: 'CATCH_UP_CHAINCODES', state: 'waiting', waitingFor: BY_HAND,
      problem: expect.stringMatching(new RegExp(`^PACKAGE_HASH_MISMATCH: the downloaded package for ${BASIC.packageId} has SHA-256 [0-9a-f]{64}; refusing to install it \\(served by ${API_URL}\\)$`)),
    });
    expect(steps(agent, proposalId)).toEqual(['JOIN_PEER done', 'CATCH_UP_CHAINCODES refused']);
  });

  it("when the added org's agent is not wired for chaincodes, its peer joins and its status leaves the catch-up to the operator", async () => {
    await channelOfOrg1();
    await deployedByProposal();

    const { org2: agent, proposalId } = await addOrg2({ unwired: true });

    expect(lifecycle.joinedChannels('Org2MSP')).toEqual([APP]);
    expect(org2(lifecycle.installCalls)).toEqual([]);
    expect(agent.agent.status.activity(proposalId)).toMatchObject({
      step: 'CATCH_UP_CHAINCODES', state: 'idle', note: `the peer has joined ${APP}; this agent is not wired for chaincodes: install and approve ${APP}'s committed chaincodes by hand`,
    });
  });
});
