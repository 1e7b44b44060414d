import { jsonOf, type ErrorBody } from '../support/http';
import { startTestServer, type TestServer } from '../support/test-server';

describe('health, readiness and metrics', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('when asked for health, it answers ok without credentials', async () => {
    const response = await server.call('GET', '/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('when the peer answers, it is ready', async () => {
    const response = await server.call('GET', '/api/v1/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('when the peer does not answer, it is not ready, with a correlation id and no detail', async () => {
    server.ledger.pingError = new Error('14 UNAVAILABLE: connect ECONNREFUSED 10.0.0.7:7051');
    const response = await server.call('GET', '/api/v1/ready');
    expect(response.status).toBe(503);
    const body = await jsonOf<ErrorBody>(response);
    expect(body).toEqual({ error: { code: 'UPSTREAM_UNAVAILABLE', correlationId: response.headers.get('x-correlation-id') } });
    expect(JSON.stringify(body)).not.toContain('10.0.0.7');
  });

  it('sends the standard security headers', async () => {
    const response = await server.call('GET', '/api/v1/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('exposes request counts by route template and status, and ledger submit outcomes, to Prometheus', async () => {
    await server.call('GET', '/api/v1/members/Org2MSP', { auth: server.keys.viewer });
    await server.call('POST', '/api/v1/invitations', { auth: server.keys.admin, body: { mspId: 'Org3MSP', expiresInSeconds: 600 } });
    const response = await server.call('GET', '/metrics');
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(/opssc_http_requests_total\{method="GET",route="\/api\/v1\/members\/:mspId",status="200"\} 1/);
    expect(text).toMatch(/opssc_http_request_duration_seconds_bucket\{.*route="\/api\/v1\/members\/:mspId"/);
    expect(text).toMatch(/opssc_ledger_submits_total\{tx="IssueInvitation",outcome="committed"\} 1/);
  });

  it('when a route does not exist, it answers a JSON 404', async () => {
    const response = await server.call('GET', '/api/v1/nope', { auth: server.keys.viewer });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no route for GET /api/v1/nope' } });
  });
});
