import { errorResponses } from '../../http/common-schemas';
import { defineRoute, type RouteSpec } from '../../http/route-spec';
import {
  createProposalBodySchema,
  emptyBodySchema,
  listProposalsQuerySchema,
  proposalPageSchema,
  proposalParamsSchema,
  proposalSchema,
  voteBodySchema,
  voteOutcomeSchema,
} from './proposals-schemas';
import type { ProposalsService } from './proposals-service';

/** Proposal routes: read by any key; create, vote and withdraw by admins. */
export function proposalsRoutes(service: ProposalsService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/proposals',
      operationId: 'listProposals',
      summary: 'List proposals, filtered by status and type, paged by cursor',
      tag: 'proposals',
      auth: 'viewer',
      request: { query: listProposalsQuerySchema },
      responses: { 200: { description: 'a page of proposals', schema: proposalPageSchema }, ...errorResponses(400, 401) },
      handle: async ({ query }) => ({ status: 200, body: await service.list(query) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/proposals',
      operationId: 'createProposal',
      summary: 'Propose UPDATE_ORG_MSP, SUSPEND_ORG, REINSTATE_ORG, REMOVE_ORG, SET_VOTING_POLICY, DEPLOY_CHAINCODE (upload its package first, or give its URL), CREATE_CHANNEL or UPDATE_CHANNEL',
      tag: 'proposals',
      auth: 'admin',
      request: { body: createProposalBodySchema },
      responses: { 201: { description: 'the new proposal', schema: proposalSchema }, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
      handle: async ({ body, log }) => ({ status: 201, body: await service.create(body.type, body.payload, body.deadlineSeconds, log) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/proposals/:id',
      operationId: 'getProposal',
      summary: 'Get a proposal with votes, attestations, report, tasks and history',
      tag: 'proposals',
      auth: 'viewer',
      request: { params: proposalParamsSchema },
      responses: { 200: { description: 'the proposal', schema: proposalSchema }, ...errorResponses(400, 401, 404) },
      handle: async ({ params }) => ({ status: 200, body: await service.get(params.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/proposals/:id/votes',
      operationId: 'castVote',
      summary: "Cast this org's vote, then tally",
      tag: 'proposals',
      auth: 'admin',
      request: { params: proposalParamsSchema, body: voteBodySchema },
      responses: { 201: { description: 'the vote and the proposal status after the tally', schema: voteOutcomeSchema }, ...errorResponses(400, 401, 403, 404, 409) },
      handle: async ({ params, body, log }) => ({ status: 201, body: await service.vote(params.id, body.decision, body.reason, log) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/proposals/:id/withdraw',
      operationId: 'withdrawProposal',
      summary: 'Withdraw a proposal this org proposed',
      tag: 'proposals',
      auth: 'admin',
      request: { params: proposalParamsSchema, body: emptyBodySchema },
      responses: { 200: { description: 'the withdrawn proposal', schema: proposalSchema }, ...errorResponses(400, 401, 403, 404, 409) },
      handle: async ({ params, log }) => ({ status: 200, body: await service.withdraw(params.id, log) }),
    }),
  ];
}
