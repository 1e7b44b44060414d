import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The server's Prometheus metrics, in a registry of their own (one per app, so tests do not collide). */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  ledgerSubmits: Counter<'tx' | 'outcome'>;
}

/** Creates the registry with process metrics, HTTP request metrics and ledger submit outcomes. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'opssc_http_requests_total',
      help: 'HTTP requests by route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'opssc_http_request_duration_seconds',
      help: 'HTTP request latency by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    ledgerSubmits: new Counter({
      name: 'opssc_ledger_submits_total',
      help: 'Ledger transactions submitted, by transaction name and outcome (committed or error code)',
      labelNames: ['tx', 'outcome'],
      registers: [registry],
    }),
  };
}
