import { errorResponses } from '../../http/common-schemas';
import { defineRoute, type RouteSpec } from '../../http/route-spec';
import {
  invitationListSchema,
  invitationParamsSchema,
  invitationSchema,
  issueInvitationBodySchema,
  issuedInvitationSchema,
} from './invitations-schemas';
import type { InvitationsService } from './invitations-service';

/** Invitation routes, for this org's admins (listing is open to viewers). */
export function invitationsRoutes(service: InvitationsService): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/invitations',
      operationId: 'issueInvitation',
      summary: 'Invite an org to propose itself; the token is shown once',
      tag: 'invitations',
      auth: 'admin',
      request: { body: issueInvitationBodySchema },
      responses: { 201: { description: 'the invitation and its token', schema: issuedInvitationSchema }, ...errorResponses(400, 401, 403, 409, 413) },
      handle: async ({ body, log }) => {
        const issued = await service.issue(body.mspId, body.expiresInSeconds);
        log.info('invitation issued', { invitationId: issued.invitationId, mspId: body.mspId, expiresAt: issued.expiresAt });
        return { status: 201, body: issued };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/invitations',
      operationId: 'listInvitations',
      summary: "List this org's invitations (never tokens or HMACs)",
      tag: 'invitations',
      auth: 'viewer',
      responses: { 200: { description: 'invitations', schema: invitationListSchema }, ...errorResponses(401) },
      handle: async () => ({ status: 200, body: { items: await service.list() } }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/invitations/:id',
      operationId: 'revokeInvitation',
      summary: 'Revoke an invitation',
      tag: 'invitations',
      auth: 'admin',
      request: { params: invitationParamsSchema },
      responses: { 200: { description: 'the revoked invitation', schema: invitationSchema }, ...errorResponses(400, 401, 403, 404, 409, 410) },
      handle: async ({ params, log }) => {
        const revoked = await service.revoke(params.id);
        log.info('invitation revoked', { invitationId: params.id });
        return { status: 200, body: revoked };
      },
    }),
  ];
}
