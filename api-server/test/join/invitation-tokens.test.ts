import { errorOf } from '../support/http';
import { issueInvitation } from '../support/invitations';
import { postJoin, startJoinHarness, type JoinHarness } from './join-harness';

describe('invitation tokens on the join endpoint', () => {
  let h: JoinHarness;
  beforeEach(async () => {
    h = await startJoinHarness();
  });
  afterEach(() => h.close());

  it('when no token is sent, it is refused with UNAUTHENTICATED', async () => {
    const response = await h.org1.call('POST', '/api/v1/join-requests', { body: h.request });
    expect(response.status).toBe(401);
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
  });

  it('when a token is reused, it is refused with INVITATION_USED and nothing is submitted', async () => {
    const { token } = await issueInvitation(h.org1);
    expect((await postJoin(h.org1, token, h.request)).status).toBe(201);
    const response = await postJoin(h.org1, token, h.request);
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('INVITATION_USED');
    expect(h.ledger.submitted('SubmitJoinRequest')).toHaveLength(1);
    expect(h.ledger.submitted('AttestJoinRequest')).toEqual([]);
  });

  it('when the token has expired, it is refused with INVITATION_EXPIRED and nothing is submitted', async () => {
    const { token } = await issueInvitation(h.org1, 'Org3MSP', 600);
    h.clock.advance(601_000);
    const response = await postJoin(h.org1, token, h.request);
    expect(response.status).toBe(410);
    expect((await errorOf(response)).code).toBe('INVITATION_EXPIRED');
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
  });

  it('when the invitation was revoked, it is refused with INVITATION_REVOKED', async () => {
    const { invitationId, token } = await issueInvitation(h.org1);
    await h.org1.call('DELETE', `/api/v1/invitations/${invitationId}`, { auth: h.org1.keys.admin });
    const response = await postJoin(h.org1, token, h.request);
    expect(response.status).toBe(410);
    expect((await errorOf(response)).code).toBe('INVITATION_REVOKED');
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
  });

  it('when the token was issued for another MSP, it is refused with INVITATION_MSP_MISMATCH', async () => {
    const { token } = await issueInvitation(h.org1, 'Org4MSP');
    const response = await postJoin(h.org1, token, h.request);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('INVITATION_MSP_MISMATCH');
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
  });

  it('when the body is not JSON, it is refused with INVALID_ARGUMENT and the token is not burnt', async () => {
    const { token } = await issueInvitation(h.org1);
    const response = await h.org1.call('POST', '/api/v1/join-requests', { auth: token, body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(400);
    expect((await postJoin(h.org1, token, h.request)).status).toBe(201);
  });

  it("when a token issued by another org is presented, it is refused: each org's tokens work only on its own server", async () => {
    const { token } = await issueInvitation(h.org2);
    const response = await postJoin(h.org1, token, h.request);
    expect(response.status).toBe(401);
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
  });

  it('when the secret part of a token is wrong, it is refused with UNAUTHENTICATED', async () => {
    const { token } = await issueInvitation(h.org1);
    const forged = `${token.slice(0, -4)}AAAA`;
    const response = await postJoin(h.org1, forged, h.request);
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toEqual({ code: 'UNAUTHENTICATED', message: 'invalid invitation token' });
  });

  it('when tokens are guessed repeatedly, it answers 429 even to a valid token, until the window passes', async () => {
    const { token } = await issueInvitation(h.org1);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const guess = `inv_${i.toString(16).padStart(16, '0')}.${'A'.repeat(43)}`;
      statuses.push((await postJoin(h.org1, guess, h.request)).status);
    }
    const blocked = await postJoin(h.org1, token, h.request);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await errorOf(blocked)).code).toBe('RATE_LIMITED');
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
    h.clock.advance(60_000);
    expect((await postJoin(h.org1, token, h.request)).status).toBe(201);
  });

  it('when the rate limit is reached, the ledger is not even asked about the invitation', async () => {
    for (let i = 0; i < 5; i++) {
      await postJoin(h.org1, `inv_${'0'.repeat(16)}.${'B'.repeat(43)}`, h.request);
    }
    const evaluatesBefore = h.ledger.calls.filter((c) => c.name === 'GetInvitation').length;
    await postJoin(h.org1, `inv_${'0'.repeat(16)}.${'C'.repeat(43)}`, h.request);
    expect(h.ledger.calls.filter((c) => c.name === 'GetInvitation')).toHaveLength(evaluatesBefore);
  });
});
