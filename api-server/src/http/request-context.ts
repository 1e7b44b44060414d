import type { Response } from 'express';
import type { Role } from '../auth/api-keys';
import type { InvitationView } from '../ledger/records';
import type { Logger } from '../observability/logger';

/** Who is calling: an API key holder, an invitation token holder, or nobody (public routes). */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'apiKey'; keyId: string; role: Role }
  | { kind: 'invitation'; invitation: InvitationView };

// Per-request state lives in res.locals under these names; these accessors are the only readers.
interface Locals {
  principal?: Principal;
  log?: Logger;
  correlationId?: string;
}

function locals(res: Response): Locals {
  return res.locals as Locals;
}

/** Records the authenticated caller. */
export function setPrincipal(res: Response, principal: Principal): void {
  locals(res).principal = principal;
}

/** The authenticated caller, anonymous until an auth middleware ran. */
export function getPrincipal(res: Response): Principal {
  return locals(res).principal ?? { kind: 'anonymous' };
}

/** Binds the request's logger and correlation id. */
export function setRequestLog(res: Response, log: Logger, correlationId: string): void {
  locals(res).log = log;
  locals(res).correlationId = correlationId;
}

/** The request's child logger (bound to org and correlation id). */
export function getLog(res: Response, fallback: Logger): Logger {
  return locals(res).log ?? fallback;
}

/** The correlation id echoed in `X-Correlation-Id` and in 5xx bodies. */
export function getCorrelationId(res: Response): string {
  return locals(res).correlationId ?? 'unknown';
}
