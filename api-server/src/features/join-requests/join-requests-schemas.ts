import { proposalIdSchema } from '../../http/common-schemas';
import { z } from '../../http/zod';

const reportSchema = z
  .object({
    ok: z.boolean(),
    checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string().optional() })),
    validatedAt: z.string(),
  })
  .openapi('ValidationReport');

export const joinRequestParamsSchema = z.object({ id: proposalIdSchema }).strict();

export const joinOutcomeSchema = z
  .object({
    proposalId: z.string(),
    digest: z.string().openapi({ description: 'sha256 hex of the canonical request body' }),
    report: reportSchema.optional(),
    attested: z.boolean(),
    created: z.boolean(),
    autoApproved: z.boolean(),
  })
  .openapi('JoinOutcome');

export const joinStatusSchema = z
  .object({
    proposalId: z.string(),
    mspId: z.string(),
    status: z.string().openapi({ description: 'proposal status: OPEN, APPROVED, APPLYING, APPLIED, REJECTED, ...' }),
    memberStatus: z.string().optional().openapi({ description: 'PROPOSED, APPROVED, ACTIVE, ...' }),
    report: reportSchema.optional(),
  })
  .openapi('JoinStatus');

export const bootstrapSchema = z
  .object({
    channel: z.string(),
    blockNumber: z.number().int(),
    configBlock: z.string().openapi({ description: 'the latest config block (common.Block), base64' }),
    orderers: z.array(z.object({ mspId: z.string(), endpoints: z.array(z.string()) })),
    tlsRootCerts: z.record(z.array(z.string())),
  })
  .openapi('Bootstrap');
