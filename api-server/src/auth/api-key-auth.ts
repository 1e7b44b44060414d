import type { RequestHandler } from 'express';
import { OpsError } from '@opssc/core';
import { setPrincipal, setRequestLog, getLog, getCorrelationId } from '../http/request-context';
import type { Logger } from '../observability/logger';
import { findApiKey, type ApiKeyRecord, type Role } from './api-keys';
import { bearerCredential, looksLikeInvitationToken } from './bearer';

/**
 * Authenticates `Authorization: Bearer <apiKey>` and enforces the role: `viewer` routes accept both
 * roles, `admin` routes only admins. Invitation tokens are refused here, whatever they are worth elsewhere.
 */
export function apiKeyAuth(keys: readonly ApiKeyRecord[], required: Role, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const credential = bearerCredential(req);
    if (!credential) {
      throw new OpsError('UNAUTHENTICATED', 'an API key is required (Authorization: Bearer <key>)');
    }
    if (looksLikeInvitationToken(credential)) {
      throw new OpsError('UNAUTHENTICATED', 'invitation tokens are accepted only on join-request endpoints');
    }
    const record = findApiKey(keys, credential);
    if (!record) {
      throw new OpsError('UNAUTHENTICATED', 'invalid API key');
    }
    if (required === 'admin' && record.role !== 'admin') {
      throw new OpsError('FORBIDDEN', `API key ${record.id} has role ${record.role}; this operation needs admin`);
    }
    setPrincipal(res, { kind: 'apiKey', keyId: record.id, role: record.role });
    // The key id (never the key) is bound to every later log line of this request, for audit.
    setRequestLog(res, getLog(res, logger).child({ keyId: record.id }), getCorrelationId(res));
    next();
  };
}
