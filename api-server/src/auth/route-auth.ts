import type { RequestHandler } from 'express';
import type { AuthMode } from '../http/route-spec';
import type { Logger } from '../observability/logger';
import { apiKeyAuth } from './api-key-auth';
import type { ApiKeyRecord } from './api-keys';
import { bearerCredential, looksLikeInvitationToken } from './bearer';
import { invitationAuth, type InvitationAuthDeps } from './invitation-auth';

/** Builds the authentication middleware for each {@link AuthMode}; the only place routes get their guards. */
export function routeAuth(apiKeys: readonly ApiKeyRecord[], invitations: InvitationAuthDeps, logger: Logger): (mode: AuthMode) => RequestHandler {
  const viewer = apiKeyAuth(apiKeys, 'viewer', logger);
  const invitationRead = invitationAuth(invitations, 'read');
  const guards: Record<AuthMode, RequestHandler> = {
    public: (_req, _res, next) => next(),
    viewer,
    admin: apiKeyAuth(apiKeys, 'admin', logger),
    'invitation-join': invitationAuth(invitations, 'join'),
    'invitation-read': invitationRead,
    // The credential's form picks the check; each check then refuses anything that is not its kind.
    'viewer-or-invitation': (req, res, next) =>
      looksLikeInvitationToken(bearerCredential(req) ?? '') ? invitationRead(req, res, next) : viewer(req, res, next),
  };
  return (mode) => guards[mode];
}
