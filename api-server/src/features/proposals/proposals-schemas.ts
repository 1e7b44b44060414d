import { GOVERNANCE_LIMITS, ImplicitMetaRules, ProposalStatuses, ProposalTypes } from '@opssc/core';
import { ledgerRecord, mspIdSchema, proposalIdSchema } from '../../http/common-schemas';
import { z } from '../../http/zod';
import { channelNameSchema, mspDefinitionSchema } from '../join-requests/join-request-schema';

const description = z.string().max(GOVERNANCE_LIMITS.textChars).optional();
const channels = z.array(channelNameSchema).min(1).max(64).optional();
const memberStatusChange = z.object({ mspId: mspIdSchema, description }).strict();

/** Voting policy (core's `VotingPolicy`): MAJORITY, ALL, or THRESHOLD with `threshold`, plus veto holders. */
export const votingPolicySchema = z
  .object({
    rule: z.enum(['MAJORITY', 'ALL', 'THRESHOLD']),
    threshold: z.number().int().min(1).max(GOVERNANCE_LIMITS.members).optional(),
    vetoMspIds: z.array(mspIdSchema).max(GOVERNANCE_LIMITS.vetoHolders).optional(),
  })
  .strict()
  .refine((p) => (p.rule === 'THRESHOLD') === (p.threshold !== undefined), 'threshold is required with, and only with, rule THRESHOLD')
  .openapi('VotingPolicy');

const peerEndpoint = z.object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535) }).strict();
const uint32 = z.number().int().min(1).max(0xffffffff);
const goDuration = z.string().max(32).regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'must be a Go duration such as 250ms').openapi({ example: '250ms' });

/** One change to a channel's config (core's `ChannelChange`); the chaincode checks it again. */
export const channelChangeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('ADD_ORG'), mspId: mspIdSchema.openapi({ description: "an ACTIVE member; its MSP and anchor peers come from its member record" }) }).strict(),
    z.object({ kind: z.literal('REMOVE_ORG'), mspId: mspIdSchema }).strict(),
    z
      .object({ kind: z.literal('ADD_CONSENTER'), mspId: mspIdSchema.openapi({ description: 'an ACTIVE member whose member record lists exactly one orderer marked consenter; its agent joins that orderer once applied' }) })
      .strict(),
    z.object({ kind: z.literal('REMOVE_CONSENTER'), mspId: mspIdSchema.openapi({ description: "the org's orderer org and Raft consenters leave the channel; it stays an application org" }) }).strict(),
    z.object({ kind: z.literal('SET_BATCH_TIMEOUT'), timeout: goDuration }).strict(),
    z
      .object({ kind: z.literal('SET_BATCH_SIZE'), maxMessageCount: uint32.optional(), absoluteMaxBytes: uint32.optional(), preferredMaxBytes: uint32.optional() })
      .strict(),
    z.object({ kind: z.literal('SET_ANCHOR_PEERS'), mspId: mspIdSchema, peers: z.array(peerEndpoint).max(16) }).strict(),
  ])
  .openapi('ChannelChange');

const implicitMetaRule = z.enum(ImplicitMetaRules).openapi({ description: "an ImplicitMeta rule over the orgs' policies of the same name" });

/** A new channel (core's `CreateChannelPayload`, without `orgs`, which the chaincode fills from member records); the chaincode checks it again. */
export const createChannelPayloadSchema = z
  .object({
    channel: channelNameSchema,
    members: z.array(mspIdSchema).min(1).max(GOVERNANCE_LIMITS.members).openapi({ description: "the channel's application orgs, all ACTIVE members; their MSPs and anchor peers come from their member records" }),
    consenters: z
      .array(mspIdSchema)
      .min(1)
      .max(GOVERNANCE_LIMITS.members)
      .optional()
      .openapi({ description: 'members whose orderers (those marked consenter in their member records) form the Raft cluster; default: every member with one' }),
    policies: z
      .object({ admins: implicitMetaRule.optional(), endorsement: implicitMetaRule.optional(), lifecycleEndorsement: implicitMetaRule.optional() })
      .strict()
      .optional()
      .openapi({ description: 'default MAJORITY each; Readers and Writers are ANY' }),
    batch: z
      .object({ timeout: goDuration.optional(), maxMessageCount: uint32.optional(), absoluteMaxBytes: uint32.optional(), preferredMaxBytes: uint32.optional() })
      .strict()
      .optional()
      .openapi({ description: 'default 2s, 500 messages, 10 MiB absolute, 2 MiB preferred' }),
    description,
  })
  .strict()
  .openapi('CreateChannelPayload');

const deadlineSeconds = z
  .number()
  .int()
  .min(GOVERNANCE_LIMITS.minDeadlineSeconds)
  .max(GOVERNANCE_LIMITS.maxDeadlineSeconds)
  .optional().openapi({ description: 'default 7 days' });

/**
 * The proposals a member may create through this endpoint. ADD_ORG is absent on purpose: it is
 * created only by a joining org's signed request (POST /api/v1/join-requests).
 */
export const createProposalBodySchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('UPDATE_ORG_MSP'),
        payload: z.object({ mspId: mspIdSchema, msp: mspDefinitionSchema, channels, description }).strict(),
        deadlineSeconds,
      })
      .strict(),
    z.object({ type: z.literal('SUSPEND_ORG'), payload: memberStatusChange, deadlineSeconds }).strict(),
    z.object({ type: z.literal('REINSTATE_ORG'), payload: memberStatusChange, deadlineSeconds }).strict(),
    z
      .object({
        type: z.literal('REMOVE_ORG'),
        payload: z.object({ mspId: mspIdSchema, channels, description }).strict(),
        deadlineSeconds,
      })
      .strict(),
    z
      .object({
        type: z.literal('DEPLOY_CHAINCODE'),
        payload: z
          .object({
            channel: channelNameSchema,
            name: z.string().regex(/^[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*$/, 'must be a Fabric chaincode name').max(128),
            version: z.string().regex(/^[A-Za-z0-9_.+-]+$/, 'must be a Fabric chaincode version').max(128),
            sequence: z.number().int().min(1).max(999_999_999).optional().openapi({ description: "default: the next sequence after the chaincode's on-chain package records" }),
            packageId: z
              .string()
              .max(300)
              .regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]*:[0-9a-f]{64}$/, 'must be a package id <label>:<sha256 hex>')
              .optional()
              .openapi({ description: 'as POST /api/v1/chaincode-packages returned it; the package must be on this server. Exactly one of packageId, packageUrl' }),
            packageUrl: z
              .string()
              .max(2048)
              .optional()
              .openapi({
                description:
                  "http(s) URL of the package, with no user:password and no #fragment; this server downloads it once (upload size limit) to fill in sha256, label and packageId, and every member's agent downloads it from there, without credentials. Exactly one of packageId, packageUrl",
                example: 'https://packages.example.com/basic_1.0.tar.gz',
              }),
            sha256: z.string().regex(/^[0-9a-f]{64}$/).optional().openapi({ description: 'optional: must be the hash in packageId, or the hash of what packageUrl serves (PACKAGE_HASH_MISMATCH otherwise)' }),
            label: z.string().max(128).optional(),
            endorsementPolicy: z
              .union([
                z.object({ channelConfigPolicy: z.string().max(160) }).strict(),
                z.object({ signaturePolicy: z.string().max(4096).openapi({ example: "OR('Org1MSP.peer','Org2MSP.peer')" }) }).strict(),
              ])
              .optional()
              .openapi({ description: "default: the channel's /Channel/Application/Endorsement" }),
            initRequired: z.boolean().optional(),
            collections: z
              .array(
                z
                  .object({
                    name: z.string().max(128).regex(/^[A-Za-z0-9-][A-Za-z0-9_-]*$/, "must be letters, digits, '-' and '_', not starting with '_'"),
                    policy: z.string().max(4096).openapi({ description: "the member orgs: an OR of principals in Fabric's policy language", example: "OR('Org1MSP.member','Org2MSP.member')" }),
                    requiredPeerCount: z.number().int().min(0).max(2147483647),
                    maxPeerCount: z.number().int().min(0).max(2147483647).openapi({ description: 'at least requiredPeerCount' }),
                    blockToLive: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).openapi({ description: '0: never purged' }),
                    memberOnlyRead: z.boolean(),
                    memberOnlyWrite: z.boolean(),
                    endorsementPolicy: z
                      .union([z.object({ channelConfigPolicy: z.string().max(160) }).strict(), z.object({ signaturePolicy: z.string().max(4096) }).strict()])
                      .optional()
                      .openapi({ description: "default: the chaincode's endorsement policy" }),
                  })
                  .strict()
                  .openapi('CollectionSpec'),
              )
              .min(1)
              .max(32)
              .optional()
              .openapi({ description: "private data collections, as in Fabric's collections_config.json, in order; names unique; absent: none" }),
            description,
          })
          .strict()
          .refine((p) => (p.packageId === undefined) !== (p.packageUrl === undefined), 'must have exactly one of packageId, packageUrl')
          .openapi('DeployChaincodePayload'),
        deadlineSeconds,
      })
      .strict(),
    z
      .object({
        type: z.literal('CREATE_CHANNEL'),
        payload: createChannelPayloadSchema,
        deadlineSeconds,
      })
      .strict(),
    z
      .object({
        type: z.literal('UPDATE_CHANNEL'),
        payload: z.object({ channel: channelNameSchema, change: channelChangeSchema, description }).strict().openapi('UpdateChannelPayload'),
        deadlineSeconds,
      })
      .strict(),
    z
      .object({
        type: z.literal('SET_VOTING_POLICY'),
        payload: z.object({ policy: votingPolicySchema, description }).strict(),
        deadlineSeconds,
      })
      .strict(),
  ])
  .openapi('CreateProposalRequest');

export const proposalTypeSchema = z.enum(ProposalTypes);

export const proposalStatusSchema = z.enum(ProposalStatuses);

export const listProposalsQuerySchema = z
  .object({
    status: proposalStatusSchema.optional(),
    type: proposalTypeSchema.optional(),
    limit: z.coerce.number().int().min(1).max(GOVERNANCE_LIMITS.pageSize).optional(),
    cursor: z.string().regex(/^[A-Za-z0-9_-]{1,1024}$/, 'must be a cursor returned by a previous page').optional(),
  })
  .strict();

export const proposalParamsSchema = z.object({ id: proposalIdSchema }).strict();

export const voteBodySchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().min(1).max(GOVERNANCE_LIMITS.textChars),
  })
  .strict()
  .openapi('VoteRequest');

export const emptyBodySchema = z.object({}).strict().optional();

export const proposalSchema = ledgerRecord('Proposal', 'A proposal with its votes, attestations, validation report, tasks and history.');

export const proposalPageSchema = z
  .object({ items: z.array(proposalSchema), nextCursor: z.string().optional() })
  .openapi('ProposalPage');

export const voteOutcomeSchema = z
  .object({ vote: ledgerRecord('Vote', 'A vote record.'), proposalStatus: z.string() })
  .openapi('VoteOutcome');
