import { canonicalJson } from '@opssc/core';
import { errorOf, jsonOf } from '../support/http';
import { startTestServer, type TestServer } from '../support/test-server';

describe('members', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('lists members in the summary view without their MSP definitions and nodes', async () => {
    server.ledger.state.members.set('Org9MSP', {
      mspId: 'Org9MSP', status: 'ACTIVE', metadata: { apiUrl: 'https://api.org9.example.com' }, channels: ['ops-channel'],
      msp: { mspId: 'Org9MSP', rootCerts: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] }, nodes: { peers: [], anchorPeers: [], orderers: [] },
    });
    const full = await jsonOf<{ items: Record<string, unknown>[] }>(await server.call('GET', '/api/v1/members', { auth: server.keys.viewer }));
    const summary = await jsonOf<{ items: Record<string, unknown>[] }>(await server.call('GET', '/api/v1/members?view=summary', { auth: server.keys.viewer }));

    expect(full.items.find((m) => m.mspId === 'Org9MSP')).toHaveProperty('msp');
    expect(summary.items.map((m) => m.mspId)).toEqual(full.items.map((m) => m.mspId));
    expect(summary.items.find((m) => m.mspId === 'Org9MSP')).toEqual({ mspId: 'Org9MSP', status: 'ACTIVE', metadata: { apiUrl: 'https://api.org9.example.com' }, channels: ['ops-channel'] });
    for (const member of summary.items) {
      expect(member).not.toHaveProperty('msp');
      expect(member).not.toHaveProperty('nodes');
      expect(member).toHaveProperty('status');
    }
    expect((await server.call('GET', '/api/v1/members?view=brief', { auth: server.keys.viewer })).status).toBe(400);
  });

  it('lists members, optionally filtered by status', async () => {
    server.ledger.state.members.set('Org9MSP', { mspId: 'Org9MSP', status: 'SUSPENDED', metadata: {} });
    const all = await jsonOf<{ items: { mspId: string }[] }>(await server.call('GET', '/api/v1/members', { auth: server.keys.viewer }));
    const suspended = await server.call('GET', '/api/v1/members?status=SUSPENDED', { auth: server.keys.viewer });
    expect(all.items.map((m) => m.mspId)).toEqual(['Org1MSP', 'Org2MSP', 'Org9MSP']);
    expect(await jsonOf(suspended)).toEqual({ items: [{ mspId: 'Org9MSP', status: 'SUSPENDED', metadata: {} }] });
    expect(server.ledger.calls.at(-1)).toEqual({ org: 'Org1MSP', kind: 'evaluate', name: 'ListMembers', args: ['SUSPENDED'] });
  });

  it('when the status filter is not a member status, it is refused with INVALID_ARGUMENT', async () => {
    const response = await server.call('GET', '/api/v1/members?status=HAPPY', { auth: server.keys.viewer });
    expect(response.status).toBe(400);
    expect(server.ledger.calls).toEqual([]);
  });

  it('when an unknown query parameter is sent, it is refused', async () => {
    const response = await server.call('GET', '/api/v1/members?sort=name', { auth: server.keys.viewer });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/Unrecognized key/);
  });

  it('gets one member', async () => {
    const response = await server.call('GET', '/api/v1/members/Org2MSP', { auth: server.keys.viewer });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ mspId: 'Org2MSP', status: 'ACTIVE' });
  });

  it('when the member is unknown, it answers 404 MEMBER_NOT_FOUND', async () => {
    const response = await server.call('GET', '/api/v1/members/Org9MSP', { auth: server.keys.viewer });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('MEMBER_NOT_FOUND');
  });

  it("updates this org's own metadata", async () => {
    const response = await server.call('PATCH', '/api/v1/members/Org1MSP/metadata', {
      auth: server.keys.admin,
      body: { apiUrl: 'https://api.org1.example.com', contacts: [{ name: 'Ops', email: 'ops@org1.example.com' }] },
    });
    expect(response.status).toBe(200);
    expect(server.ledger.submitted('UpdateMemberMetadata')).toEqual([
      {
        org: 'Org1MSP',
        kind: 'submit',
        name: 'UpdateMemberMetadata',
        args: [canonicalJson({ apiUrl: 'https://api.org1.example.com', contacts: [{ name: 'Ops', email: 'ops@org1.example.com' }] })],
      },
    ]);
  });

  it("when an admin tries to update another org's metadata, it is refused with FORBIDDEN and nothing is submitted", async () => {
    const response = await server.call('PATCH', '/api/v1/members/Org2MSP/metadata', { auth: server.keys.admin, body: { description: 'hijacked' } });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('FORBIDDEN');
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('when the metadata has an unknown field, it is refused with INVALID_ARGUMENT', async () => {
    const response = await server.call('PATCH', '/api/v1/members/Org1MSP/metadata', { auth: server.keys.admin, body: { status: 'ACTIVE' } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('INVALID_ARGUMENT');
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('when a viewer tries to update metadata, it is refused with FORBIDDEN', async () => {
    const response = await server.call('PATCH', '/api/v1/members/Org1MSP/metadata', { auth: server.keys.viewer, body: { description: 'x' } });
    expect(response.status).toBe(403);
  });
});
