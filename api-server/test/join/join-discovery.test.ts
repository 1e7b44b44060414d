import { signJoinRequest } from '@opssc/core';
import { jsonOf } from '../support/http';
import { issueInvitation } from '../support/invitations';
import { joinRequestBody, org3Pki } from '../support/join-request-fixture';
import { postJoin, startJoinHarness, type JoinHarness } from './join-harness';

interface Status {
  proposalId: string;
  status: string;
  channels: string[];
  tasks: { channel: string; attempt: number; status: string; blockNumber?: number }[];
}

describe("a joining org's agent finding its request and its bootstrap material from its token alone", () => {
  let h: JoinHarness;
  let token: string;
  beforeEach(async () => {
    h = await startJoinHarness();
    ({ token } = await issueInvitation(h.org1));
  });
  afterEach(() => h.close());

  /** Org3 asks for the ops channel, mychannel (both servers' peers have joined it) and farchannel (they have not). */
  async function join(): Promise<string> {
    const pki = await org3Pki();
    const request = signJoinRequest({ ...joinRequestBody('Org3MSP', pki), channels: ['ops-channel', 'mychannel', 'farchannel'] }, pki.admin.certPem, pki.admin.privateKey);
    return (await jsonOf<{ proposalId: string }>(await postJoin(h.org1, token, request))).proposalId;
  }

  async function approve(proposalId: string): Promise<void> {
    for (const server of [h.org1, h.org2]) {
      await server.call('POST', `/api/v1/proposals/${proposalId}/votes`, { auth: server.keys.admin, body: { decision: 'approve', reason: 'ok' } });
    }
  }

  it('before the token is used, the holder has no join request', async () => {
    const response = await h.org1.call('GET', '/api/v1/join-requests', { auth: token });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual({ items: [] });
  });

  it('once the token is used, the list holds the proposal it was used for, with its channels', async () => {
    const proposalId = await join();
    const { items } = await jsonOf<{ items: Status[] }>(await h.org1.call('GET', '/api/v1/join-requests', { auth: token }));
    expect(items).toEqual([expect.objectContaining({ proposalId, status: 'OPEN', channels: ['ops-channel', 'mychannel', 'farchannel'], tasks: [] })]);
  });

  it('when a channel update commits, its newest attempt shows COMMITTED with the config block number', async () => {
    const proposalId = await join();
    await approve(proposalId);
    h.ledger.state.recordTask(proposalId, 'ops-channel', 'STALE');
    h.ledger.state.recordTask(proposalId, 'ops-channel', 'COMMITTED', 12);

    const status = await jsonOf<Status>(await h.org1.call('GET', `/api/v1/join-requests/${proposalId}`, { auth: token }));

    expect(status.status).toBe('APPLYING');
    expect(status.tasks).toEqual([{ channel: 'ops-channel', attempt: 2, status: 'COMMITTED', blockNumber: 12 }]);
  });

  it('when an API key lists join requests, it is refused: the list belongs to a token', async () => {
    expect((await h.org1.call('GET', '/api/v1/join-requests', { auth: h.org1.keys.viewer })).status).toBe(401);
  });

  it("once approved, bootstrap gives each channel's endpoints that this server's peer can read, ops channel first", async () => {
    const proposalId = await join();
    await approve(proposalId);

    const response = await h.org1.call('GET', `/api/v1/join-requests/${proposalId}/bootstrap`, { auth: token });
    const body = await jsonOf<{ channel: string; configBlock: string; channels: { channel: string; peers: unknown[] }[] }>(response);

    expect(response.status).toBe(200);
    expect(body.channel).toBe('ops-channel');
    expect(body.channels.map((c) => c.channel)).toEqual(['ops-channel', 'mychannel']);
    expect(body.channels[1]).toEqual(expect.objectContaining({ peers: [{ mspId: 'Org1MSP', endpoints: ['peer0.org1.example.com:7051'] }] }));
    expect(body.channels[1]).not.toHaveProperty('configBlock');
    expect(h.org1.logs.join('')).toMatch(/channel left out of the bootstrap material.*farchannel/);
  });

  it("when this server's peer cannot be reached for a channel, bootstrap answers UPSTREAM_UNAVAILABLE rather than leaving the channel out", async () => {
    const proposalId = await join();
    await approve(proposalId);
    const latest = h.org1.configBlocks.latestConfigBlock.bind(h.org1.configBlocks);
    h.org1.configBlocks.latestConfigBlock = async (channel?: string) => {
      if (channel === 'mychannel') throw Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
      return latest(channel);
    };

    const response = await h.org1.call('GET', `/api/v1/join-requests/${proposalId}/bootstrap`, { auth: token });

    expect(response.status).toBe(503);
    expect((await jsonOf<{ error: { code: string } }>(response)).error.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
