import { OpsError } from '@opssc/core';
import { errorResponses } from '../../http/common-schemas';
import { defineRoute, type RouteSpec } from '../../http/route-spec';
import { z } from '../../http/zod';
import type { LedgerPort } from '../../ledger/ledger-port';
import type { Metrics } from '../../observability/metrics';

const statusSchema = z.object({ status: z.string() }).openapi('Status');

/** Health, readiness, the OpenAPI document and Prometheus metrics; all public (bind to a private interface). */
export function systemRoutes(ledger: LedgerPort, metrics: Metrics, openApiDocument: () => object): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/health',
      operationId: 'health',
      summary: 'Liveness: the process serves requests',
      tag: 'system',
      auth: 'public',
      responses: { 200: { description: 'alive', schema: statusSchema } },
      handle: async () => ({ status: 200, body: { status: 'ok' } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/ready',
      operationId: 'ready',
      summary: "Readiness: this org's peer answers",
      tag: 'system',
      auth: 'public',
      responses: { 200: { description: 'ready', schema: statusSchema }, ...errorResponses() },
      handle: async ({ log }) => {
        try {
          await ledger.ping();
        } catch (err) {
          log.warn('peer not reachable', { err });
          throw new OpsError('UPSTREAM_UNAVAILABLE', 'the peer is not reachable');
        }
        return { status: 200, body: { status: 'ready' } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/openapi.json',
      operationId: 'openApi',
      summary: 'This OpenAPI 3 document',
      tag: 'system',
      auth: 'public',
      responses: { 200: { description: 'OpenAPI 3 document', schema: z.object({}).passthrough() } },
      handle: async () => ({ status: 200, body: openApiDocument() }),
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics: requests and latency by route and status, ledger submit outcomes',
      tag: 'system',
      auth: 'public',
      responses: { 200: { description: 'Prometheus text format', schema: z.string(), contentType: 'text/plain' } },
      handle: async ({ res }) => {
        res.setHeader('Content-Type', metrics.registry.contentType);
        res.send(await metrics.registry.metrics());
      },
    }),
  ];
}
