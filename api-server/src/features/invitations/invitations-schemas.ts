import { GOVERNANCE_LIMITS } from '@opssc/core';
import { ledgerRecord, mspIdSchema } from '../../http/common-schemas';
import { z } from '../../http/zod';

export const issueInvitationBodySchema = z
  .object({
    mspId: mspIdSchema,
    expiresInSeconds: z.number().int().min(60).max(GOVERNANCE_LIMITS.maxInvitationSeconds).openapi({ example: 86400 }),
  })
  .strict()
  .openapi('IssueInvitationRequest');

export const issuedInvitationSchema = z
  .object({
    invitationId: z.string(),
    token: z.string().openapi({ description: 'Shown only once; never stored in plain text.' }),
    apiUrl: z.string().url(),
    expiresAt: z.string().datetime(),
  })
  .openapi('IssuedInvitation');

export const invitationParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'must be an invitation id') }).strict();

export const invitationSchema = ledgerRecord('Invitation', 'An invitation record, without its token HMAC.');

export const invitationListSchema = z.object({ items: z.array(invitationSchema) }).openapi('InvitationList');
