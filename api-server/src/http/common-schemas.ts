import type { ResponseSpec } from './route-spec';
import { z } from './zod';

/** An MSP ID as Fabric accepts it, such as `Org3MSP`. */
export const mspIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be an MSP ID such as Org3MSP')
  .openapi({ example: 'Org3MSP' });

/** A proposal id: `p-` and 16 hex characters of the creating transaction id. */
export const proposalIdSchema = z
  .string()
  .regex(/^p-[0-9a-f]{16}$/, 'must be a proposal id such as p-3f2a9c0d1e2b4a5f')
  .openapi({ example: 'p-3f2a9c0d1e2b4a5f' });

/** The error body of every failed request; 5xx bodies carry only the code and a correlation id. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VOTE_ALREADY_CAST' }),
      message: z.string().optional(),
      correlationId: z.string().optional(),
    }),
  })
  .openapi('Error');

/** A chaincode record returned as the chaincode stores it (see docs/chaincode-api.md). */
export function ledgerRecord(name: string, description: string) {
  return z.object({}).passthrough().openapi(name, { description });
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'INVALID_ARGUMENT: the input failed validation (unknown fields included)',
  401: 'UNAUTHENTICATED: missing or invalid credential',
  403: 'FORBIDDEN / NOT_AN_ADMIN / NOT_A_MEMBER: the caller may not do this',
  404: 'NOT_FOUND / MEMBER_NOT_FOUND / PROPOSAL_NOT_FOUND',
  409: 'a conflict with consortium state, such as VOTE_ALREADY_CAST or PROPOSAL_NOT_OPEN',
  410: 'INVITATION_EXPIRED / INVITATION_REVOKED',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'MSP_VALIDATION_FAILED / POLICY_UNSATISFIABLE',
  429: 'RATE_LIMITED: too many failed token attempts',
  500: 'INTERNAL: details are in the server log under the correlation id',
  503: 'UPSTREAM_UNAVAILABLE: the peer could not be reached',
};

/** Documented error responses for the given statuses (500 and 503 are always included). */
export function errorResponses(...statuses: number[]): Record<number, ResponseSpec> {
  const result: Record<number, ResponseSpec> = {};
  for (const status of [...statuses, 500, 503]) {
    result[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'error', schema: errorBodySchema };
  }
  return result;
}
