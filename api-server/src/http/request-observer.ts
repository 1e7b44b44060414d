import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { getLog, setRequestLog } from './request-context';

const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives each request a correlation id (a well-formed incoming `X-Correlation-Id` is kept, so a trace
 * spans services) and a child logger bound to org and id; on finish it logs one line and records metrics.
 * Routes are labelled by template (`/api/v1/proposals/:id`), never by raw path, to bound cardinality.
 */
export function requestObserver(logger: Logger, orgMspId: string, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-correlation-id');
    const correlationId = incoming && CORRELATION_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    setRequestLog(res, logger.child({ org: orgMspId, correlationId }), correlationId);
    res.setHeader('X-Correlation-Id', correlationId);
    const startedAt = process.hrtime.bigint();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      getLog(res, logger).info('http request', { ...labels, durationMs: Math.round(seconds * 1000) });
    });
    next();
  };
}
