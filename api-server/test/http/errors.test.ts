import { errorOf, jsonOf, type ErrorBody } from '../support/http';
import { ErrorCodes } from '@opssc/core';
import { statusByCode } from '../../src/http/status-by-code';
import { startTestServer, type TestServer } from '../support/test-server';

describe('error handling', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ bodyLimitBytes: 4096 });
  });
  afterEach(() => server.close());

  it('when the body exceeds the limit, it is refused with 413 PAYLOAD_TOO_LARGE before reaching the ledger', async () => {
    const response = await server.call('PATCH', '/api/v1/members/Org1MSP/metadata', {
      auth: server.keys.admin,
      body: { description: 'x'.repeat(10_000) },
    });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('PAYLOAD_TOO_LARGE');
    expect(server.ledger.calls).toEqual([]);
  });

  it('when the body is not JSON, it is refused with INVALID_ARGUMENT', async () => {
    const response = await server.call('POST', '/api/v1/invitations', { auth: server.keys.admin, body: '{"mspId": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'INVALID_ARGUMENT', message: 'request body is not valid JSON' } });
  });

  it('when the ledger fails unexpectedly, the 500 body carries only INTERNAL and the correlation id', async () => {
    server.ledger.failNext('ListMembers', new Error('TypeError: cannot read x of undefined\n    at secret/path.js:1'));
    const response = await server.call('GET', '/api/v1/members', { auth: server.keys.viewer });
    const body = await jsonOf<ErrorBody>(response);
    expect(response.status).toBe(500);
    expect(body).toEqual({ error: { code: 'INTERNAL', correlationId: response.headers.get('x-correlation-id') } });
    expect(server.logs.join('')).toContain(body.error.correlationId);
  });

  it('when the chaincode refuses with a code, the code decides the status and the detail is the message', async () => {
    const response = await server.call('GET', '/api/v1/members/Org9MSP', { auth: server.keys.viewer });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'MEMBER_NOT_FOUND', message: 'no member Org9MSP' } });
  });

  it('when the chaincode code arrives wrapped in a gateway error, it is still found', async () => {
    const gatewayError = Object.assign(new Error('10 ABORTED: failed to endorse transaction, see attached details for more info'), {
      code: 10,
      details: [{ address: 'peer0:7051', mspId: 'Org1MSP', message: 'chaincode response 500, PROPOSAL_NOT_OPEN: p-1 is APPROVED' }],
    });
    server.ledger.failNext('WithdrawProposal', gatewayError);
    const response = await server.call('POST', '/api/v1/proposals/p-0123456789abcdef/withdraw', { auth: server.keys.admin });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'PROPOSAL_NOT_OPEN', message: 'p-1 is APPROVED' } });
  });

  it('maps every stable error code to an explicit HTTP status', () => {
    const unmapped = ErrorCodes.filter((code) => statusByCode[code] === undefined);
    expect(unmapped).toEqual([]);
  });

  it('echoes a well-formed incoming correlation id and replaces a malformed one', async () => {
    const kept = await server.call('GET', '/api/v1/health', { headers: { 'x-correlation-id': 'trace-12345678' } });
    const replaced = await server.call('GET', '/api/v1/health', { headers: { 'x-correlation-id': 'bad id\twith junk' } });
    expect(kept.headers.get('x-correlation-id')).toBe('trace-12345678');
    expect(replaced.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
