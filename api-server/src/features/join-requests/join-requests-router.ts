import { OpsError } from '@opssc/core';
import { errorResponses } from '../../http/common-schemas';
import type { Principal } from '../../http/request-context';
import { defineRoute, type RouteSpec } from '../../http/route-spec';
import type { InvitationView } from '../../ledger/records';
import { joinRequestSchema } from './join-request-schema';
import { bootstrapSchema, joinOutcomeSchema, joinRequestParamsSchema, joinStatusListSchema, joinStatusSchema } from './join-requests-schemas';
import type { JoinRequestsService } from './join-requests-service';

function invitationOf(principal: Principal): InvitationView {
  if (principal.kind !== 'invitation') {
    // Unreachable behind the invitation guard; kept so a mis-wired route fails closed.
    throw new OpsError('UNAUTHENTICATED', 'an invitation token is required');
  }
  return principal.invitation;
}

/** Join-request routes: the only routes an invitation token opens. */
export function joinRequestsRoutes(service: JoinRequestsService): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/join-requests',
      operationId: 'submitJoinRequest',
      summary: 'Propose your org (first member) or have this member attest your request (others)',
      tag: 'join-requests',
      auth: 'invitation-join',
      request: { body: joinRequestSchema },
      responses: {
        201: { description: 'the proposal, digest and validation report', schema: joinOutcomeSchema },
        ...errorResponses(400, 401, 403, 409, 410, 413, 422, 429),
      },
      handle: async ({ body, principal, log }) => ({ status: 201, body: await service.submit(invitationOf(principal), body, log) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/join-requests',
      operationId: 'listJoinRequests',
      summary: 'Your own join requests: the one your invitation token was used for (none before it is used)',
      tag: 'join-requests',
      auth: 'invitation-read',
      responses: { 200: { description: 'your requests', schema: joinStatusListSchema }, ...errorResponses(401, 410, 429) },
      handle: async ({ principal }) => ({ status: 200, body: { items: await service.list(invitationOf(principal)) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/join-requests/:id',
      operationId: 'getJoinRequest',
      summary: 'Status of your own join request',
      tag: 'join-requests',
      auth: 'invitation-read',
      request: { params: joinRequestParamsSchema },
      responses: { 200: { description: 'the status', schema: joinStatusSchema }, ...errorResponses(400, 401, 404, 410, 429) },
      handle: async ({ params, principal }) => ({ status: 200, body: await service.status(invitationOf(principal), params.id) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/join-requests/:id/bootstrap',
      operationId: 'getJoinBootstrap',
      summary: "What your agent needs to start, once you are APPROVED: the ops channel's config block, and each channel's orderers, anchor peers and TLS roots",
      tag: 'join-requests',
      auth: 'invitation-read',
      request: { params: joinRequestParamsSchema },
      responses: { 200: { description: 'bootstrap material', schema: bootstrapSchema }, ...errorResponses(400, 401, 404, 409, 410, 429) },
      handle: async ({ params, principal, log }) => ({ status: 200, body: await service.bootstrap(invitationOf(principal), params.id, log) }),
    }),
  ];
}
