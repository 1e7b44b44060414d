import { memberApi, MemberApi, poll } from '../src/api-client';
import { APP_CHANNEL, startConsortium } from '../src/consortium-setup';
import { createChannel } from '../src/network';
import { NetworkState, orgHandle } from '../src/network-state';
import { listPeerChannels } from '../src/peer-cli';
import { fetchChannelConfig } from './support/fabric-oracles';
import { stopSuiteNetwork, suiteRunDir } from './support/suite-network';

jest.setTimeout(900_000);

const SUITE = 'channel-proposals-e2e';
const ORGS = ['Org1MSP', 'Org2MSP'];
const CHANNEL2 = 'mychannel2';

interface ProposalBody {
  id: string;
  status: string;
  statusReason?: string;
  channels: string[];
  tasks: { channel: string; status: string; recordedBy: string; result?: { blockNumber?: number } }[];
  signatures: { mspId: string }[];
}

describe('channel updates by proposal, end to end', () => {
  let network: NetworkState;
  const api: Record<string, MemberApi> = {};

  async function proposeAndApply(payload: object): Promise<ProposalBody> {
    const proposal: ProposalBody = await api.Org1MSP.call('POST', '/api/v1/proposals', { type: 'UPDATE_CHANNEL', payload });
    for (const mspId of ORGS) await api[mspId].call('POST', `/api/v1/proposals/${proposal.id}/votes`, { decision: 'approve', reason: 'agreed' });
    return poll(`${proposal.id} to be APPLIED`, async () => {
      const p: ProposalBody = await api.Org2MSP.call('GET', `/api/v1/proposals/${proposal.id}`);
      if (p.status === 'FAILED') throw new Error(`${proposal.id} FAILED: ${p.statusReason} ${JSON.stringify(p.tasks)}`);
      return p.status === 'APPLIED' ? p : undefined;
    });
  }

  beforeAll(async () => {
    const consortium = await startConsortium({ runDir: suiteRunDir(SUITE), basePort: 19050, orgs: 2, log: () => undefined });
    network = consortium.state;
    for (const server of consortium.servers) api[server.mspId] = memberApi(server.mspId, server.url, server.adminKey);
  });

  afterAll(async () => {
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

  it(`adds the member Org2 to ${CHANNEL2}, a channel of Org1 alone, by proposal: Org1 alone signs, the config lists both orgs, and Org2's agent joins its peer`, async () => {
    await createChannel(network, CHANNEL2, ['Org1MSP']);
    // a new Raft channel answers SERVICE_UNAVAILABLE until it has elected a leader
    const before = await poll(`${CHANNEL2} to serve its config`, () => fetchChannelConfig(orgHandle(network, 'Org1MSP'), CHANNEL2).catch(() => undefined), 60_000);
    expect(Object.keys(before.channelGroup.groups.Application.groups).sort()).toEqual(['Org1MSP']);

    const applied = await proposeAndApply({ channel: CHANNEL2, change: { kind: 'ADD_ORG', mspId: 'Org2MSP' } });

    expect(applied.tasks).toEqual([expect.objectContaining({ channel: CHANNEL2, status: 'COMMITTED', recordedBy: 'Org1MSP' })]);
    expect(applied.signatures.map((s) => s.mspId)).toEqual(['Org1MSP']);
    const after = await fetchChannelConfig(orgHandle(network, 'Org1MSP'), CHANNEL2);
    expect(Object.keys(after.channelGroup.groups.Application.groups).sort()).toEqual(ORGS);
    expect(Object.keys(after.channelGroup.groups.Orderer.groups).sort()).toEqual(['Org1MSP']);
    const member = await api.Org1MSP.call('GET', '/api/v1/members/Org2MSP');
    const org2 = after.channelGroup.groups.Application.groups.Org2MSP;
    expect(org2.values.AnchorPeers?.value.anchor_peers ?? []).toEqual(member.nodes.anchorPeers);
    expect(member.channels).toContain(CHANNEL2);
    const org2Peer = orgHandle(network, 'Org2MSP');
    const joined = await poll(`Org2's peer to join ${CHANNEL2}`, async () => ((await listPeerChannels(org2Peer)).includes(CHANNEL2) ? true : undefined), 120_000);
    expect(joined).toBe(true);
  });
});
