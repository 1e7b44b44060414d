import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberApi, MemberApi, poll } from '../src/api-client';
import { queryCommitted } from '../src/chaincode-lifecycle';
import { packageNodeChaincode } from '../src/chaincode-package';
import { whileDiscoveryConverges } from '../src/consortium';
import { APP_CHANNEL, startConsortium } from '../src/consortium-setup';
import { NetworkState, orgHandle } from '../src/network-state';
import { listPeerChannels } from '../src/peer-cli';
import { repoRoot } from '../src/run-layout';
import { endorseSample } from '../src/sample-endorsement';
import { fetchChannelConfig, installedPackageIds, ordererChannels } from './support/fabric-oracles';
import { stopSuiteNetwork, suiteRunDir } from './support/suite-network';

jest.setTimeout(900_000);

const SUITE = 'channel-proposals-e2e';
const ORGS = ['Org1MSP', 'Org2MSP'];
const CHANNEL2 = 'mychannel2';
const CHANNEL3 = 'mychannel3';

interface ProposalBody {
  id: string;
  status: string;
  statusReason?: string;
  channels: string[];
  tasks: { channel: string; status: string; recordedBy: string; result?: { blockNumber?: number } }[];
  signatures: { mspId: string }[];
}

describe('channel creation and updates by proposal, end to end', () => {
  let network: NetworkState;
  const api: Record<string, MemberApi> = {};
  const scratch = mkdtempSync(join(tmpdir(), 'opssc-channel-proposals-'));
  // packaging blocks the event loop for seconds: done before any HTTP connection is open, so that no idle
  // keep-alive socket is closed by the server unnoticed
  const pkg = packageNodeChaincode(join(repoRoot, 'test-network', 'fixtures', 'smoke-chaincode'), 'basic2_1.0', join(scratch, 'basic2_1.0.tar.gz'));
  const pkg3 = packageNodeChaincode(join(repoRoot, 'test-network', 'fixtures', 'smoke-chaincode'), 'basic3_1.0', join(scratch, 'basic3_1.0.tar.gz'));

  /** Uploads `file` to Org1's api-server, proposes it on `channel`, has both orgs approve, and waits for APPLIED. */
  async function deployByProposal(file: string, channel: string, name: string): Promise<{ deploymentSteps: { kind: string; mspId: string; status: string }[] }> {
    const { packageId } = await api.Org1MSP.uploadPackage(file);
    const proposal = await api.Org1MSP.call('POST', '/api/v1/proposals', { type: 'DEPLOY_CHAINCODE', payload: { channel, name, version: '1.0', packageId } });
    for (const mspId of ORGS) await api[mspId].call('POST', `/api/v1/proposals/${proposal.id}/votes`, { decision: 'approve', reason: 'deploy it' });
    return poll(`${proposal.id} to be APPLIED`, async () => {
      const p = await api.Org2MSP.call('GET', `/api/v1/proposals/${proposal.id}`);
      if (p.status === 'FAILED') throw new Error(`${proposal.id} FAILED: ${p.statusReason} ${JSON.stringify(p.deploymentSteps)}`);
      return p.status === 'APPLIED' ? p : undefined;
    });
  }

  async function proposeAndApply(payload: object, type = 'UPDATE_CHANNEL'): Promise<ProposalBody> {
    const proposal: ProposalBody = await api.Org1MSP.call('POST', '/api/v1/proposals', { type, payload });
    for (const mspId of ORGS) await api[mspId].call('POST', `/api/v1/proposals/${proposal.id}/votes`, { decision: 'approve', reason: 'agreed' });
    return poll(`${proposal.id} to be APPLIED`, async () => {
      const p: ProposalBody = await api.Org2MSP.call('GET', `/api/v1/proposals/${proposal.id}`);
      if (p.status === 'FAILED') throw new Error(`${proposal.id} FAILED: ${p.statusReason} ${JSON.stringify(p)}`);
      return p.status === 'APPLIED' ? p : undefined;
    });
  }

  beforeAll(async () => {
    const consortium = await startConsortium({ runDir: suiteRunDir(SUITE), basePort: 19050, orgs: 2, log: () => undefined });
    network = consortium.state;
    for (const server of consortium.servers) api[server.mspId] = memberApi(server.mspId, server.url, server.adminKey);
  });

  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    expect(await stopSuiteNetwork(SUITE)).toEqual([]);
  });

  it(`sets ${APP_CHANNEL}'s batch timeout to 150ms by proposal: both orgs sign, it commits, and the orderer's config has it`, async () => {
    const before = await fetchChannelConfig(orgHandle(network, 'Org1MSP'), APP_CHANNEL);
    expect(before.channelGroup.groups.Orderer.values.BatchTimeout.value.timeout).not.toBe('150ms');

    const applied = await proposeAndApply({ channel: APP_CHANNEL, change: { kind: 'SET_BATCH_TIMEOUT', timeout: '150ms' } });

    expect(applied.channels).toEqual([APP_CHANNEL]);
    expect(applied.tasks).toEqual([expect.objectContaining({ channel: APP_CHANNEL, status: 'COMMITTED' })]);
    expect(applied.signatures.map((s) => s.mspId).sort()).toEqual(ORGS);
    for (const mspId of ORGS) {
      const after = await fetchChannelConfig(orgHandle(network, mspId), APP_CHANNEL);
      expect(after.channelGroup.groups.Orderer.values.BatchTimeout.value.timeout).toBe('150ms');
      expect(after.sequence).toBe(before.sequence + 1);
    }
  });

  it(`creates ${CHANNEL2} for both orgs by proposal: each org's agent joins its orderer and peer with the same genesis block, and the orderers' config lists both orgs as consenters`, async () => {
    const applied = await proposeAndApply({ channel: CHANNEL2, members: ORGS, policies: { admins: 'MAJORITY' }, batch: { timeout: '250ms' } }, 'CREATE_CHANNEL');

    const steps = (applied as unknown as { channelJoinSteps: { mspId: string; status: string; orderer: boolean; genesisDataHash: string }[] }).channelJoinSteps;
    expect(steps.map((s) => [s.mspId, s.status, s.orderer])).toEqual([['Org1MSP', 'JOINED', true], ['Org2MSP', 'JOINED', true]]);
    expect(new Set(steps.map((s) => s.genesisDataHash)).size).toBe(1);
    for (const mspId of ORGS) {
      const org = orgHandle(network, mspId);
      expect(await ordererChannels(org)).toContain(CHANNEL2);
      expect(await listPeerChannels(org)).toContain(CHANNEL2);
      expect((await api.Org1MSP.call('GET', `/api/v1/members/${mspId}`)).channels).toContain(CHANNEL2);
    }
    // a new Raft channel answers SERVICE_UNAVAILABLE until it has elected a leader
    const config = await poll(`${CHANNEL2} to serve its config`, () => fetchChannelConfig(orgHandle(network, 'Org2MSP'), CHANNEL2).catch(() => undefined), 60_000);
    expect(config.sequence).toBe(0);
    expect(Object.keys(config.channelGroup.groups.Application.groups).sort()).toEqual(ORGS);
    expect(Object.keys(config.channelGroup.groups.Orderer.groups).sort()).toEqual(ORGS);
    expect(config.channelGroup.groups.Orderer.values.ConsensusType.value.metadata.consenters).toHaveLength(2);
    expect(config.channelGroup.groups.Orderer.values.BatchTimeout.value.timeout).toBe('250ms');
  });

  it(`deploys a Node chaincode onto ${CHANNEL2} by proposal, and each org invokes it there`, async () => {
    await deployByProposal(pkg.file, CHANNEL2, 'basic2');

    expect(await queryCommitted(orgHandle(network, 'Org1MSP'), CHANNEL2, 'basic2')).toMatchObject({ sequence: 1, approvals: { Org1MSP: true, Org2MSP: true } });
    for (const mspId of ORGS) {
      const other = ORGS.filter((o) => o !== mspId);
      const endorsed = await whileDiscoveryConverges(() => endorseSample(orgHandle(network, mspId), CHANNEL2, 'basic2', other));
      expect(endorsed).toMatchObject({ valid: true, readBack: `${mspId} was here` });
    }
  });

  it(`creates ${CHANNEL3} of Org1 alone by proposal and deploys a chaincode there, in which only Org1 takes part`, async () => {
    await proposeAndApply({ channel: CHANNEL3, members: ['Org1MSP'] }, 'CREATE_CHANNEL');
    expect(await ordererChannels(orgHandle(network, 'Org2MSP'))).not.toContain(CHANNEL3);
    const before = await poll(`${CHANNEL3} to serve its config`, () => fetchChannelConfig(orgHandle(network, 'Org1MSP'), CHANNEL3).catch(() => undefined), 60_000);
    expect(Object.keys(before.channelGroup.groups.Application.groups).sort()).toEqual(['Org1MSP']);

    const deployed = await deployByProposal(pkg3.file, CHANNEL3, 'basic3');

    // Org2 is not on the channel: its agent takes no part (it would fail the approval and the deployment)
    expect(deployed.deploymentSteps.map((s) => `${s.kind} ${s.mspId} ${s.status}`).sort()).toEqual(['COMMIT Org1MSP COMMITTED', 'ORG Org1MSP INSTALLED_APPROVED']);
    expect(await installedPackageIds(orgHandle(network, 'Org2MSP'))).not.toContain(pkg3.packageId);
  });

  it(`adds the member Org2 to ${CHANNEL3} by proposal: Org1 alone signs, the config lists both orgs, and Org2's agent joins its peer`, async () => {

    const applied = await proposeAndApply({ channel: CHANNEL3, change: { kind: 'ADD_ORG', mspId: 'Org2MSP' } });

    expect(applied.tasks).toEqual([expect.objectContaining({ channel: CHANNEL3, status: 'COMMITTED', recordedBy: 'Org1MSP' })]);
    expect(applied.signatures.map((s) => s.mspId)).toEqual(['Org1MSP']);
    const after = await fetchChannelConfig(orgHandle(network, 'Org1MSP'), CHANNEL3);
    expect(Object.keys(after.channelGroup.groups.Application.groups).sort()).toEqual(ORGS);
    expect(Object.keys(after.channelGroup.groups.Orderer.groups).sort()).toEqual(['Org1MSP']);
    const member = await api.Org1MSP.call('GET', '/api/v1/members/Org2MSP');
    const org2 = after.channelGroup.groups.Application.groups.Org2MSP;
    expect(org2.values.AnchorPeers?.value.anchor_peers ?? []).toEqual(member.nodes.anchorPeers);
    expect(member.channels).toContain(CHANNEL3);
    const org2Peer = orgHandle(network, 'Org2MSP');
    const joined = await poll(`Org2's peer to join ${CHANNEL3}`, async () => ((await listPeerChannels(org2Peer)).includes(CHANNEL3) ? true : undefined), 120_000);
    expect(joined).toBe(true);
  });

  it(`then Org2's agent catches up the chaincode committed on ${CHANNEL3}: it installs the recorded package, approves the definition, and Org2 endorses it`, async () => {
    const org2 = orgHandle(network, 'Org2MSP');

    const approved = await poll(`Org2's approval of basic3 on ${CHANNEL3}`, async () => {
      const committed = await queryCommitted(org2, CHANNEL3, 'basic3').catch(() => undefined);
      return committed?.approvals?.Org2MSP ? committed : undefined;
    }, 180_000);

    expect(approved).toMatchObject({ sequence: 1, approvals: { Org1MSP: true, Org2MSP: true } });
    expect(await installedPackageIds(org2)).toContain(pkg3.packageId);
    // the channel's default endorsement policy is now a majority of two orgs: Org2's peer must endorse too
    const endorsed = await whileDiscoveryConverges(() => endorseSample(org2, CHANNEL3, 'basic3', ['Org1MSP']));
    expect(endorsed).toMatchObject({ valid: true, readBack: 'Org2MSP was here' });
  });
});
