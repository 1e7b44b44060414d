import { canonicalJson } from '@opssc/core';
import { errorOf, jsonOf } from '../support/http';
import { startTestServer, type TestServer } from '../support/test-server';

interface Proposal {
  id: string;
  type: string;
  status: string;
}

describe('proposals', () => {
  let server: TestServer;
  let org2: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
    org2 = await startTestServer({ orgMspId: 'Org2MSP', ledger: server.ledger, clock: server.clock });
  });
  afterEach(async () => {
    await Promise.all([server.close(), org2.close()]);
  });

  const create = (body: unknown, by = server) => by.call('POST', '/api/v1/proposals', { auth: by.keys.admin, body });
  const suspendOrg2 = async () => jsonOf<Proposal>(await create({ type: 'SUSPEND_ORG', payload: { mspId: 'Org2MSP', description: 'unpaid' } }));

  it.each([
    ['SUSPEND_ORG', { mspId: 'Org2MSP' }],
    ['REINSTATE_ORG', { mspId: 'Org2MSP', description: 'paid' }],
    ['REMOVE_ORG', { mspId: 'Org2MSP', channels: ['ops-channel'] }],
    ['SET_VOTING_POLICY', { policy: { rule: 'THRESHOLD', threshold: 2, vetoMspIds: ['Org1MSP'] } }],
  ])('creates a %s proposal, with this org as the acting org', async (type, payload) => {
    const response = await create({ type, payload, deadlineSeconds: 3600 });
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toMatchObject({ type, status: 'OPEN', proposer: 'Org1MSP' });
    expect(server.ledger.submitted('CreateProposal')).toEqual([
      { org: 'Org1MSP', kind: 'submit', name: 'CreateProposal', args: [type, canonicalJson(payload), '3600'] },
    ]);
  });

  it('creates an UPDATE_ORG_MSP proposal with the chaincode default deadline when none is given', async () => {
    const msp = {
      mspId: 'Org2MSP',
      rootCerts: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'],
      intermediateCerts: [],
      tlsRootCerts: ['-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n'],
      tlsIntermediateCerts: [],
      admins: [],
      nodeOUs: { enable: true, clientOUIdentifier: 'client', peerOUIdentifier: 'peer', adminOUIdentifier: 'admin', ordererOUIdentifier: 'orderer' },
      revocationList: [],
    };
    const response = await create({ type: 'UPDATE_ORG_MSP', payload: { mspId: 'Org2MSP', msp } });
    expect(response.status).toBe(201);
    expect(server.ledger.submitted('CreateProposal')[0].args[2]).toBe('');
  });

  it.each([
    ['a batch timeout', { channel: 'mychannel', change: { kind: 'SET_BATCH_TIMEOUT', timeout: '250ms' } }],
    ['a batch size', { channel: 'mychannel', change: { kind: 'SET_BATCH_SIZE', maxMessageCount: 50 } }],
    ['anchor peers', { channel: 'mychannel', change: { kind: 'SET_ANCHOR_PEERS', mspId: 'Org2MSP', peers: [{ host: 'peer0.org2.example.com', port: 9051 }] } }],
    ['adding a member to a channel', { channel: 'mychannel2', change: { kind: 'ADD_ORG', mspId: 'Org2MSP' } }],
    ['adding a consenter', { channel: 'mychannel', change: { kind: 'ADD_CONSENTER', mspId: 'Org2MSP' } }],
    ['removing a consenter', { channel: 'mychannel', change: { kind: 'REMOVE_CONSENTER', mspId: 'Org2MSP' } }],
  ])('creates an UPDATE_CHANNEL proposal for %s', async (_what, payload) => {
    const response = await create({ type: 'UPDATE_CHANNEL', payload });
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toMatchObject({ type: 'UPDATE_CHANNEL', status: 'OPEN', proposer: 'Org1MSP' });
    expect(server.ledger.submitted('CreateProposal')[0].args.slice(0, 2)).toEqual(['UPDATE_CHANNEL', canonicalJson(payload)]);
  });

  it.each([
    ['an unknown change kind', { channel: 'mychannel', change: { kind: 'RENAME_CHANNEL' } }],
    ['a timeout that is not a Go duration', { channel: 'mychannel', change: { kind: 'SET_BATCH_TIMEOUT', timeout: 'soon' } }],
    ['a channel name that Fabric refuses', { channel: 'My_Channel', change: { kind: 'SET_BATCH_TIMEOUT', timeout: '1s' } }],
    ['an ADD_ORG with its own MSP', { channel: 'mychannel', change: { kind: 'ADD_ORG', mspId: 'Org2MSP', msp: {} } }],
  ])('when an UPDATE_CHANNEL has %s, it is refused with 400 and nothing is submitted', async (_what, payload) => {
    const response = await create({ type: 'UPDATE_CHANNEL', payload });
    expect(response.status).toBe(400);
    expect(server.ledger.submitted()).toEqual([]);
  });

  it.each([
    ['only its name and members', { channel: 'mychannel2', members: ['Org1MSP', 'Org2MSP'] }],
    [
      'every choice spelled out',
      {
        channel: 'mychannel2',
        members: ['Org1MSP', 'Org2MSP'],
        consenters: ['Org1MSP'],
        policies: { admins: 'ANY', endorsement: 'ALL', lifecycleEndorsement: 'MAJORITY' },
        batch: { timeout: '500ms', maxMessageCount: 10, absoluteMaxBytes: 1048576, preferredMaxBytes: 524288 },
        description: 'a channel for the trade pilot',
      },
    ],
  ])('creates a CREATE_CHANNEL proposal with %s, passing the spec to the chaincode as it is', async (_what, payload) => {
    const response = await create({ type: 'CREATE_CHANNEL', payload });
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toMatchObject({ type: 'CREATE_CHANNEL', status: 'OPEN', proposer: 'Org1MSP' });
    expect(server.ledger.submitted('CreateProposal')[0].args.slice(0, 2)).toEqual(['CREATE_CHANNEL', canonicalJson(payload)]);
  });

  it.each([
    ['no members', { channel: 'mychannel2', members: [] }],
    ['a channel name that Fabric refuses', { channel: 'MyChannel2', members: ['Org1MSP'] }],
    ['an unknown policy rule', { channel: 'mychannel2', members: ['Org1MSP'], policies: { admins: 'MOST' } }],
    ['a batch timeout that is not a Go duration', { channel: 'mychannel2', members: ['Org1MSP'], batch: { timeout: 'soon' } }],
    ['org snapshots, which only the chaincode fills in', { channel: 'mychannel2', members: ['Org1MSP'], orgs: [] }],
  ])('when a CREATE_CHANNEL has %s, it is refused with 400 and nothing is submitted', async (_what, payload) => {
    const response = await create({ type: 'CREATE_CHANNEL', payload });
    expect(response.status).toBe(400);
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('when ADD_ORG is proposed here, it is refused: join requests come through invitations', async () => {
    const response = await create({ type: 'ADD_ORG', payload: { mspId: 'Org3MSP' } });
    expect(response.status).toBe(400);
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('when the payload has an unknown field, it is refused with INVALID_ARGUMENT', async () => {
    const response = await create({ type: 'SUSPEND_ORG', payload: { mspId: 'Org2MSP', force: true } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/force/);
    expect(server.ledger.submitted()).toEqual([]);
  });

  it('when a THRESHOLD policy has no threshold, it is refused with INVALID_ARGUMENT', async () => {
    const response = await create({ type: 'SET_VOTING_POLICY', payload: { policy: { rule: 'THRESHOLD' } } });
    expect(response.status).toBe(400);
  });

  it('lists proposals with filters and a cursor', async () => {
    await suspendOrg2();
    await create({ type: 'SET_VOTING_POLICY', payload: { policy: { rule: 'ALL' } } });
    const response = await server.call('GET', '/api/v1/proposals?status=OPEN&type=SUSPEND_ORG&limit=1', { auth: server.keys.viewer });
    const page = await jsonOf<{ items: Proposal[]; nextCursor?: string }>(response);
    expect(response.status).toBe(200);
    expect(page.items.map((p) => p.type)).toEqual(['SUSPEND_ORG']);
    expect(server.ledger.calls.at(-1)?.args).toEqual([canonicalJson({ status: 'OPEN', type: 'SUSPEND_ORG', limit: 1 })]);
    const paged = await jsonOf<{ nextCursor?: string }>(await server.call('GET', '/api/v1/proposals?limit=1', { auth: server.keys.viewer }));
    expect(paged.nextCursor).toBe('1');
  });

  it('when the limit is out of range, it is refused with INVALID_ARGUMENT', async () => {
    const response = await server.call('GET', '/api/v1/proposals?limit=1000', { auth: server.keys.viewer });
    expect(response.status).toBe(400);
  });

  it('gets one proposal; an unknown one is PROPOSAL_NOT_FOUND', async () => {
    const { id } = await suspendOrg2();
    expect((await server.call('GET', `/api/v1/proposals/${id}`, { auth: server.keys.viewer })).status).toBe(200);
    const missing = await server.call('GET', '/api/v1/proposals/p-ffffffffffffffff', { auth: server.keys.viewer });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('PROPOSAL_NOT_FOUND');
  });

  it('when the proposal id is malformed, it is refused before reaching the ledger', async () => {
    const response = await server.call('GET', '/api/v1/proposals/42', { auth: server.keys.viewer });
    expect(response.status).toBe(400);
    expect(server.ledger.calls).toEqual([]);
  });

  it('votes, tallies only when the votes decide, and returns the vote and the resulting status', async () => {
    const { id } = await suspendOrg2();
    const first = await server.call('POST', `/api/v1/proposals/${id}/votes`, { auth: server.keys.admin, body: { decision: 'approve', reason: 'late payment' } });
    expect(first.status).toBe(201);
    expect(await jsonOf(first)).toEqual({ vote: { proposalId: id, mspId: 'Org1MSP', decision: 'approve', reason: 'late payment' }, proposalStatus: 'OPEN' });
    // one approval of two members decides nothing: no tally transaction
    expect(server.ledger.submitted().map((c) => c.name)).toEqual(['CreateProposal', 'CastVote']);
    const second = await org2.call('POST', `/api/v1/proposals/${id}/votes`, { auth: org2.keys.admin, body: { decision: 'approve', reason: 'agreed' } });
    expect(await jsonOf(second)).toMatchObject({ proposalStatus: 'APPROVED' });
    expect(server.ledger.submitted().map((c) => c.name)).toEqual(['CreateProposal', 'CastVote', 'CastVote', 'TallyProposal']);
  });

  it('when this org already voted, it answers 409 VOTE_ALREADY_CAST', async () => {
    const { id } = await suspendOrg2();
    const vote = { auth: server.keys.admin, body: { decision: 'reject', reason: 'no' } };
    await server.call('POST', `/api/v1/proposals/${id}/votes`, vote);
    const again = await server.call('POST', `/api/v1/proposals/${id}/votes`, vote);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('VOTE_ALREADY_CAST');
  });

  it('when the tally fails, the vote still stands and the current status is returned', async () => {
    const { id } = await suspendOrg2();
    server.ledger.failNext('TallyProposal', Object.assign(new Error('4 DEADLINE_EXCEEDED: timeout'), { code: 4 }));
    const response = await server.call('POST', `/api/v1/proposals/${id}/votes`, { auth: server.keys.admin, body: { decision: 'approve', reason: 'ok' } });
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toMatchObject({ proposalStatus: 'OPEN' });
  });

  it('when the decision is not approve or reject, or the reason is blank, it is refused', async () => {
    const { id } = await suspendOrg2();
    const maybe = await server.call('POST', `/api/v1/proposals/${id}/votes`, { auth: server.keys.admin, body: { decision: 'maybe', reason: 'x' } });
    const blank = await server.call('POST', `/api/v1/proposals/${id}/votes`, { auth: server.keys.admin, body: { decision: 'approve', reason: '  ' } });
    expect([maybe.status, blank.status]).toEqual([400, 400]);
    expect(server.ledger.submitted('CastVote')).toEqual([]);
  });

  it('withdraws a proposal this org proposed', async () => {
    const { id } = await suspendOrg2();
    const response = await server.call('POST', `/api/v1/proposals/${id}/withdraw`, { auth: server.keys.admin });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ id, status: 'WITHDRAWN' });
  });

  it('when another org tries to withdraw it, it is refused with NOT_PROPOSER', async () => {
    const { id } = await suspendOrg2();
    const response = await org2.call('POST', `/api/v1/proposals/${id}/withdraw`, { auth: org2.keys.admin });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('NOT_PROPOSER');
  });

  it('when withdraw carries a body with fields, it is refused', async () => {
    const { id } = await suspendOrg2();
    const response = await server.call('POST', `/api/v1/proposals/${id}/withdraw`, { auth: server.keys.admin, body: { reason: 'x' } });
    expect(response.status).toBe(400);
  });
});
