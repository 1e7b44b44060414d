import { tokenHmac } from '../../src/auth/invitation-token';
import { errorOf, jsonOf } from '../support/http';
import { issueInvitation } from '../support/invitations';
import { startTestServer, type TestServer } from '../support/test-server';

describe('invitations', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('issues an invitation: the token is returned once and only its HMAC reaches the ledger', async () => {
    const response = await server.call('POST', '/api/v1/invitations', { auth: server.keys.admin, body: { mspId: 'Org3MSP', expiresInSeconds: 3600 } });
    const issued = await jsonOf<{ invitationId: string; token: string; apiUrl: string; expiresAt: string }>(response);
    expect(response.status).toBe(201);
    expect(issued.token).toMatch(new RegExp(`^inv_${issued.invitationId}\\.[A-Za-z0-9_-]{43}$`));
    expect(issued.apiUrl).toBe('https://api.org1msp.example.com');
    expect(issued.expiresAt).toBe('2030-01-01T01:00:00.000Z');
    const [call] = server.ledger.submitted('IssueInvitation');
    expect(JSON.parse(call.args[0])).toEqual({
      invitationId: issued.invitationId,
      mspId: 'Org3MSP',
      expiresAt: issued.expiresAt,
      tokenHmac: tokenHmac(server.config.invitationHmacKey, issued.token),
    });
    expect(call.args[0]).not.toContain(issued.token.split('.')[1]);
  });

  it('when the expiry is out of bounds, it is refused with INVALID_ARGUMENT', async () => {
    const response = await server.call('POST', '/api/v1/invitations', { auth: server.keys.admin, body: { mspId: 'Org3MSP', expiresInSeconds: 10 } });
    expect(response.status).toBe(400);
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('when the MSP ID is malformed, it is refused with INVALID_ARGUMENT', async () => {
    const response = await server.call('POST', '/api/v1/invitations', { auth: server.keys.admin, body: { mspId: 'Org 3', expiresInSeconds: 600 } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/^mspId: /);
  });

  it('when the body has an unknown field, it is refused with INVALID_ARGUMENT', async () => {
    const response = await server.call('POST', '/api/v1/invitations', {
      auth: server.keys.admin,
      body: { mspId: 'Org3MSP', expiresInSeconds: 600, token: 'inv_mine' },
    });
    expect(response.status).toBe(400);
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('lists invitations without tokens or HMACs', async () => {
    const issued = await issueInvitation(server);
    const response = await server.call('GET', '/api/v1/invitations', { auth: server.keys.viewer });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text).items).toEqual([expect.objectContaining({ invitationId: issued.invitationId, mspId: 'Org3MSP', status: 'ISSUED' })]);
    expect(text).not.toContain('tokenHmac');
    expect(text).not.toContain(issued.token);
  });

  it('revokes an invitation', async () => {
    const issued = await issueInvitation(server);
    const response = await server.call('DELETE', `/api/v1/invitations/${issued.invitationId}`, { auth: server.keys.admin });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ invitationId: issued.invitationId, status: 'REVOKED' });
    expect(server.ledger.submitted('RevokeInvitation')[0].args).toEqual([issued.invitationId]);
  });

  it('when the invitation is unknown, revoking answers 404 INVITATION_NOT_FOUND', async () => {
    const response = await server.call('DELETE', '/api/v1/invitations/0123456789abcdef', { auth: server.keys.admin });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('INVITATION_NOT_FOUND');
  });

  it('when the invitation was already revoked, revoking again answers 410 INVITATION_REVOKED', async () => {
    const issued = await issueInvitation(server);
    await server.call('DELETE', `/api/v1/invitations/${issued.invitationId}`, { auth: server.keys.admin });
    const response = await server.call('DELETE', `/api/v1/invitations/${issued.invitationId}`, { auth: server.keys.admin });
    expect(response.status).toBe(410);
  });
});
