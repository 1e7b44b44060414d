import type { Express } from 'express';
import { createApp } from '../../src/app';
import { openApiPath } from '../../src/http/openapi-document';
import { silentLogger } from '../support/silent-logger';
import { jsonOf } from '../support/http';
import { startTestServer, type TestServer } from '../support/test-server';
import { FakeClock } from '../support/fake-clock';
import { FakeConfigBlocks, FakeLedger } from '../support/fake-ledger';

const FIXED_ROUTES = [
  'GET /api/v1/health',
  'GET /api/v1/ready',
  'GET /api/v1/openapi.json',
  'GET /metrics',
  'GET /api/v1/members',
  'GET /api/v1/members/{mspId}',
  'PATCH /api/v1/members/{mspId}/metadata',
  'POST /api/v1/invitations',
  'GET /api/v1/invitations',
  'DELETE /api/v1/invitations/{id}',
  'POST /api/v1/join-requests',
  'GET /api/v1/join-requests/{id}',
  'GET /api/v1/join-requests/{id}/bootstrap',
  'GET /api/v1/proposals',
  'POST /api/v1/proposals',
  'GET /api/v1/proposals/{id}',
  'POST /api/v1/proposals/{id}/votes',
  'POST /api/v1/proposals/{id}/withdraw',
  'GET /api/v1/events',
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  operationId?: string;
  responses?: Record<string, { description?: string }>;
  parameters?: { name: string; in: string }[];
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

/** Structural checks of an OpenAPI 3.0 document: what a consumer (codegen, gateway) relies on. */
function validateOpenApi(doc: Document): string[] {
  const problems: string[] = [];
  if (!/^3\.\d+\.\d+$/.test(doc.openapi)) problems.push(`openapi is ${doc.openapi}`);
  if (!doc.info?.title || !doc.info?.version) problems.push('info.title and info.version are required');
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith('/')) problems.push(`${path} does not start with /`);
    const operations = Object.entries(item).filter(([method]) => METHODS.includes(method));
    if (operations.length === 0) problems.push(`${path} has no operation`);
    for (const [method, op] of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${where} has no responses`);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!/^[1-5]\d\d$/.test(status)) problems.push(`${where} has response key ${status}`);
        if (!response.description) problems.push(`${where} ${status} has no description`);
      }
      if (!op.operationId || operationIds.has(op.operationId)) problems.push(`${where} has a missing or duplicate operationId`);
      operationIds.add(op.operationId ?? '');
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        if (!op.parameters?.some((p) => p.in === 'path' && p.name === name)) problems.push(`${where} does not declare path parameter ${name}`);
      }
    }
  }
  return problems;
}

/** Every route the Express app actually serves, read from its router (not from our route table). */
function servedRoutes(app: Express): string[] {
  const stack = (app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack;
  return stack.flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : []));
}

describe('OpenAPI document', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('is a structurally valid OpenAPI 3 document', async () => {
    const response = await server.call('GET', '/api/v1/openapi.json');
    const doc = await jsonOf<Document>(response);
    expect(response.status).toBe(200);
    expect(validateOpenApi(doc)).toEqual([]);
  });

  it('documents every route the app serves, and nothing it does not', async () => {
    const clock = new FakeClock();
    const app = createApp(server.config, {
      ledger: new FakeLedger(clock).portFor('Org1MSP'),
      configBlocks: new FakeConfigBlocks(),
      clock,
      logger: silentLogger(),
      random: { bytes: () => Buffer.alloc(32) },
    });
    const doc = await jsonOf<Document>(await server.call('GET', '/api/v1/openapi.json'));
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = servedRoutes(app).map((route) => openApiPath(route));
    // The paths the issue fixes must all be served (and therefore documented).
    expect(served).toEqual(expect.arrayContaining(FIXED_ROUTES));
    expect(new Set(documented)).toEqual(new Set(served));
  });

  it('describes request bodies with the same schemas that validate them', async () => {
    const doc = await jsonOf<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>; components: { schemas: Record<string, { required?: string[]; additionalProperties?: boolean }> } }>(
      await server.call('GET', '/api/v1/openapi.json'),
    );
    const invitation = doc.components.schemas.IssueInvitationRequest;
    expect(invitation.required).toEqual(['mspId', 'expiresInSeconds']);
    expect(invitation.additionalProperties).toBe(false);
    expect(doc.paths['/api/v1/join-requests'].post.requestBody?.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/JoinRequest' });
  });
});
