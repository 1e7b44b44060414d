import { errorOf, jsonOf } from '../support/http';
import { issueInvitation } from '../support/invitations';
import { org3Pki, signedJoinRequest } from '../support/join-request-fixture';
import { joinThrough, postJoin, startJoinHarness, type JoinHarness } from './join-harness';

describe('join request status and bootstrap', () => {
  let h: JoinHarness;
  let token: string;
  let proposalId: string;
  beforeEach(async () => {
    h = await startJoinHarness();
    ({ token } = await issueInvitation(h.org1));
    ({ proposalId } = await jsonOf<{ proposalId: string }>(await postJoin(h.org1, token, h.request)));
  });
  afterEach(() => h.close());

  const vote = (server: JoinHarness['org1']) =>
    server.call('POST', `/api/v1/proposals/${proposalId}/votes`, { auth: server.keys.admin, body: { decision: 'approve', reason: 'MSP verified' } });

  it('the token holder sees the status of its own request', async () => {
    const response = await h.org1.call('GET', `/api/v1/join-requests/${proposalId}`, { auth: token });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual({
      proposalId,
      mspId: 'Org3MSP',
      status: 'OPEN',
      memberStatus: 'PROPOSED',
      report: expect.objectContaining({ ok: true }),
      channels: ['ops-channel'],
      tasks: [],
    });
  });

  it("when the token holder asks for another org's proposal, it answers NOT_FOUND", async () => {
    const other = signedJoinRequest('Org5MSP', await org3Pki());
    const { proposalId: otherId } = await jsonOf<{ proposalId: string }>(await joinThrough(h.org1, other));
    const response = await h.org1.call('GET', `/api/v1/join-requests/${otherId}`, { auth: token });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
  });

  it('when the proposal id is unknown, it answers NOT_FOUND, like for a foreign proposal', async () => {
    const response = await h.org1.call('GET', '/api/v1/join-requests/p-0000000000000000', { auth: token });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
  });

  it('when an API key is used instead of the token, it is refused', async () => {
    const response = await h.org1.call('GET', `/api/v1/join-requests/${proposalId}`, { auth: h.org1.keys.admin });
    expect(response.status).toBe(401);
  });

  it('after the invitation expiry, the holder of a used token can still follow its request', async () => {
    h.clock.advance(2 * 3600_000);
    const response = await h.org1.call('GET', `/api/v1/join-requests/${proposalId}`, { auth: token });
    expect(response.status).toBe(200);
  });

  it('before the joiner is approved, bootstrap is refused with INVALID_STATUS_TRANSITION', async () => {
    const response = await h.org1.call('GET', `/api/v1/join-requests/${proposalId}/bootstrap`, { auth: token });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('INVALID_STATUS_TRANSITION');
    expect(h.org1.configBlocks.calls).toBe(0);
  });

  it('once the members approve, bootstrap returns the config block, orderers and TLS roots', async () => {
    expect((await vote(h.org1)).status).toBe(201);
    const second = await jsonOf<{ proposalStatus: string }>(await vote(h.org2));
    const response = await h.org1.call('GET', `/api/v1/join-requests/${proposalId}/bootstrap`, { auth: token });
    expect(second.proposalStatus).toBe('APPROVED');
    expect(response.status).toBe(200);
    const endpoints = {
      channel: 'ops-channel',
      blockNumber: 3,
      orderers: [{ mspId: 'OrdererMSP', endpoints: ['orderer.example.com:7050'] }],
      peers: [{ mspId: 'Org1MSP', endpoints: ['peer0.org1.example.com:7051'] }],
      tlsRootCerts: { OrdererMSP: [expect.stringContaining('BEGIN CERTIFICATE')] },
    };
    expect(await jsonOf(response)).toEqual({ ...endpoints, configBlock: Buffer.from('ops-channel-config-block-bytes').toString('base64'), channels: [endpoints] });
  });
});
