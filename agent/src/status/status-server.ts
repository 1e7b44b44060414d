import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_CONTENT_TYPE, renderMetrics } from './metrics-text';
import type { AgentStatus } from './status-board';

/** A running status endpoint. */
export interface StatusServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /status` (the status model as JSON) and `GET /metrics` (the same, as Prometheus metrics) on
 * 127.0.0.1 only: they tell what the agent waits for, which is for the org's operators, not for the
 * network. Anything else is 404; only GET is allowed.
 */
export function startStatusServer(port: number, status: () => AgentStatus): Promise<StatusServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/status' && path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'NOT_FOUND' }));
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { 'content-type': 'application/json', allow: 'GET' }).end(JSON.stringify({ error: 'METHOD_NOT_ALLOWED' }));
      return;
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' }).end(renderMetrics(status()));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(status()));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
