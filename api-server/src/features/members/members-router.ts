import { errorResponses } from '../../http/common-schemas';
import { defineRoute, type RouteSpec } from '../../http/route-spec';
import { listMembersQuerySchema, memberListSchema, memberMetadataSchema, memberParamsSchema, memberSchema } from './members-schemas';
import type { MembersService } from './members-service';

/** Member routes: read by any key, metadata written by admins of this org only. */
export function membersRoutes(service: MembersService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/members',
      operationId: 'listMembers',
      summary: 'List consortium members',
      tag: 'members',
      auth: 'viewer',
      request: { query: listMembersQuerySchema },
      responses: { 200: { description: 'members', schema: memberListSchema }, ...errorResponses(400, 401) },
      handle: async ({ query }) => ({ status: 200, body: { items: await service.list(query.status, query.view ?? 'full') } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/members/:mspId',
      operationId: 'getMember',
      summary: 'Get one member with its history',
      tag: 'members',
      auth: 'viewer',
      request: { params: memberParamsSchema },
      responses: { 200: { description: 'the member', schema: memberSchema }, ...errorResponses(400, 401, 404) },
      handle: async ({ params }) => ({ status: 200, body: await service.get(params.mspId) }),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/members/:mspId/metadata',
      operationId: 'updateMemberMetadata',
      summary: "Update this org's own contact metadata",
      tag: 'members',
      auth: 'admin',
      request: { params: memberParamsSchema, body: memberMetadataSchema },
      responses: { 200: { description: 'the updated member', schema: memberSchema }, ...errorResponses(400, 401, 403, 404, 413) },
      handle: async ({ params, body }) => ({ status: 200, body: await service.updateMetadata(params.mspId, body) }),
    }),
  ];
}
