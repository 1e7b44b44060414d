import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { OpsError } from '@opssc/core';
import { findErrorCode } from '../ledger/ledger-error';
import type { Logger } from '../observability/logger';
import { getCorrelationId, getLog } from './request-context';
import { httpStatusFor } from './status-by-code';

/** Answers unmatched routes with a JSON 404 instead of Express's HTML page. */
export const notFoundHandler: RequestHandler = (req) => {
  throw new OpsError('NOT_FOUND', `no route for ${req.method} ${req.path}`);
};

/** Turns any error into `{error: {code, message}}`; see {@link toOpsError} for how codes are found. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const log = getLog(res, logger);
    const opsError = toOpsError(err);
    const status = opsError ? httpStatusFor(opsError.code) : 500;
    if (status >= 500 || !opsError) {
      // The details stay in the log, found by correlation id; the client learns only that id.
      const correlationId = getCorrelationId(res);
      log.error('request failed', { err, status });
      const code = opsError?.code === 'UPSTREAM_UNAVAILABLE' ? 'UPSTREAM_UNAVAILABLE' : 'INTERNAL';
      res.status(status).json({ error: { code, correlationId } });
      return;
    }
    log.info('request refused', { code: opsError.code, status });
    res.status(status).json({ error: { code: opsError.code, message: opsError.detail } });
  };
}

/** Finds the stable code of an error: our own, a body-parser failure, a zod failure or a chaincode message. */
export function toOpsError(err: unknown): OpsError | undefined {
  if (err instanceof OpsError) {
    return err;
  }
  if (err instanceof ZodError) {
    const issues = err.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return new OpsError('INVALID_ARGUMENT', issues.join('; '));
  }
  const e = err as { type?: unknown; message?: unknown; status?: unknown };
  // body-parser marks its errors with a type; its messages are safe but ours are clearer.
  if (e?.type === 'entity.too.large') {
    return new OpsError('PAYLOAD_TOO_LARGE', 'request body exceeds the size limit');
  }
  if (e?.type === 'entity.parse.failed') {
    return new OpsError('INVALID_ARGUMENT', 'request body is not valid JSON');
  }
  if (typeof e?.type === 'string' && typeof e.status === 'number' && e.status < 500) {
    return new OpsError('INVALID_ARGUMENT', 'request body could not be read');
  }
  return typeof e?.message === 'string' ? findErrorCode(e.message) : undefined;
}
