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
    channels: z.array(z.string()).openapi({ description: 'the channels the proposal adds the org to, ops channel first' }),
    tasks: z
      .array(
        z.object({
          channel: z.string(),
          attempt: z.number().int(),
          status: z.string().openapi({ description: 'PENDING, COMMITTED, FAILED or STALE' }),
          blockNumber: z.number().int().optional(),
        }),
      )
      .openapi({ description: "the newest apply attempt of each channel; COMMITTED means the channel's config includes the org" }),
  })
  .openapi('JoinStatus');

export const joinStatusListSchema = z.object({ items: z.array(joinStatusSchema) }).openapi('JoinStatusList');

const orgEndpointsSchema = z.object({ mspId: z.string(), endpoints: z.array(z.string().openapi({ example: 'peer0.org1.example.com:7051' })) });

const channelEndpointsSchema = z
  .object({
    channel: z.string(),
    blockNumber: z.number().int().openapi({ description: 'the number of the latest config block' }),
    orderers: z.array(orgEndpointsSchema).openapi({ description: 'orderer endpoints per orderer org' }),
    peers: z.array(orgEndpointsSchema).openapi({ description: 'anchor peers per application org' }),
    tlsRootCerts: z.record(z.array(z.string())).openapi({ description: 'TLS root and intermediate certificates (PEM) per org' }),
  })
  .openapi('ChannelEndpoints');

export const bootstrapSchema = channelEndpointsSchema
  .extend({
    configBlock: z.string().openapi({ description: "the ops channel's latest config block (common.Block), base64" }),
    channels: z.array(channelEndpointsSchema).openapi({ description: "each channel of the proposal this server's peer has joined, ops channel first" }),
  })
  .openapi('Bootstrap');
