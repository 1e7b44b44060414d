import { errorOf } from '../support/http';
import { issueInvitation } from '../support/invitations';
import { startTestServer, type TestServer } from '../support/test-server';

describe('API key authentication and roles', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('when no key is sent, it is refused with UNAUTHENTICATED and nothing reaches the ledger', async () => {
    const response = await server.call('GET', '/api/v1/members');
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('UNAUTHENTICATED');
    expect(server.ledger.calls).toEqual([]);
  });

  it('when a wrong key is sent, it is refused with UNAUTHENTICATED', async () => {
    const response = await server.call('GET', '/api/v1/members', { auth: `${server.keys.admin}x` });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'invalid API key' } });
    expect(server.ledger.calls).toEqual([]);
  });

  it('when the Authorization scheme is not Bearer, it is refused', async () => {
    const response = await server.call('GET', '/api/v1/members', { headers: { authorization: `Basic ${server.keys.admin}` } });
    expect(response.status).toBe(401);
  });

  it('when a viewer reads, it is allowed', async () => {
    const response = await server.call('GET', '/api/v1/members', { auth: server.keys.viewer });
    expect(response.status).toBe(200);
  });

  it('when a viewer tries to vote, it is refused with FORBIDDEN and no vote is submitted', async () => {
    const response = await server.call('POST', '/api/v1/proposals/p-0123456789abcdef/votes', {
      auth: server.keys.viewer,
      body: { decision: 'approve', reason: 'looks fine' },
    });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('FORBIDDEN');
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('when a viewer tries to issue an invitation, it is refused with FORBIDDEN', async () => {
    const response = await server.call('POST', '/api/v1/invitations', { auth: server.keys.viewer, body: { mspId: 'Org3MSP', expiresInSeconds: 600 } });
    expect(response.status).toBe(403);
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('when an invitation token is used on an admin endpoint, it is refused', async () => {
    const { token } = await issueInvitation(server);
    const response = await server.call('GET', '/api/v1/proposals', { auth: token });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toMatch(/only on join-request endpoints/);
  });

  it('when an API key is used on the join endpoint, it is refused', async () => {
    const response = await server.call('POST', '/api/v1/join-requests', { auth: server.keys.admin, body: { mspId: 'Org3MSP' } });
    expect(response.status).toBe(401);
    expect(server.ledger.submitted()).toEqual([]);
  });
});
