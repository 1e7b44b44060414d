import type { RequestHandler } from 'express';
import type { AuthMode } from '../http/route-spec';
import type { Logger } from '../observability/logger';
import { apiKeyAuth } from './api-key-auth';
import type { ApiKeyRecord } from './api-keys';
import { invitationAuth, type InvitationAuthDeps } from './invitation-auth';

/** Builds the authentication middleware for each {@link AuthMode}; the only place routes get their guards. */
export function routeAuth(apiKeys: readonly ApiKeyRecord[], invitations: InvitationAuthDeps, logger: Logger): (mode: AuthMode) => RequestHandler {
  const guards: Record<AuthMode, RequestHandler> = {
    public: (_req, _res, next) => next(),
    viewer: apiKeyAuth(apiKeys, 'viewer', logger),
    admin: apiKeyAuth(apiKeys, 'admin', logger),
    'invitation-join': invitationAuth(invitations, 'join'),
    'invitation-read': invitationAuth(invitations, 'read'),
  };
  return (mode) => guards[mode];
}
