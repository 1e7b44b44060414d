import type { JoinRequest } from '@opssc/core';
import { mspIdSchema } from '../../http/common-schemas';
import { z } from '../../http/zod';

// Bounds keep a single request from exhausting the chaincode or the ledger; real MSPs are far smaller.
const pem = z.string().min(1).max(16_384).regex(/-----BEGIN [A-Z0-9 ]+-----/, 'must be PEM');
const pemList = (max: number) => z.array(pem).max(max);
const host = z.string().min(1).max(253).regex(/^[A-Za-z0-9.-]+$/, 'must be a host name or IPv4 address');
const port = z.number().int().min(1).max(65535);
const ouIdentifier = z.string().max(64);

const nodeOUsSchema = z
  .object({
    enable: z.boolean(),
    clientOUIdentifier: ouIdentifier,
    peerOUIdentifier: ouIdentifier,
    adminOUIdentifier: ouIdentifier,
    ordererOUIdentifier: ouIdentifier,
  })
  .strict();

/** An MSP definition (core's `MspDefinition`). */
export const mspDefinitionSchema = z
  .object({
    mspId: mspIdSchema,
    rootCerts: pemList(16).min(1),
    intermediateCerts: pemList(16),
    tlsRootCerts: pemList(16).min(1),
    tlsIntermediateCerts: pemList(16),
    admins: pemList(32),
    nodeOUs: nodeOUsSchema,
    revocationList: pemList(16),
  })
  .strict()
  .openapi('MspDefinition');

const peerSchema = z.object({ host, port }).strict();
const ordererSchema = z
  .object({ host, port, serverTlsCert: pem, clientTlsCert: pem, consenter: z.boolean() })
  .strict();

/** Contact metadata a member publishes about itself. */
export const contactMetadataSchema = z
  .object({
    organizationName: z.string().max(256).optional(),
    contacts: z.array(z.object({ name: z.string().min(1).max(256), email: z.string().email().max(320) }).strict()).max(16).optional(),
    apiUrl: z.string().url().max(2048).optional(),
    description: z.string().max(2048).optional(),
  })
  .strict();

/** A Fabric channel name. */
export const channelNameSchema = z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/, 'must be a Fabric channel name');

/** The unsigned join request (core's `JoinRequestBody`). */
export const joinRequestBodySchema = z
  .object({
    format: z.literal('opssc.join-request.v1'),
    mspId: mspIdSchema,
    msp: mspDefinitionSchema,
    nodes: z
      .object({ peers: z.array(peerSchema).max(64), anchorPeers: z.array(peerSchema).max(64), orderers: z.array(ordererSchema).max(16) })
      .strict(),
    channels: z.array(channelNameSchema).min(1).max(16),
    metadata: contactMetadataSchema,
  })
  .strict();

/** A signed join request (core's `JoinRequest`); unknown fields anywhere are refused. */
export const joinRequestSchema = joinRequestBodySchema
  .extend({
    proof: z
      .object({
        signerCert: pem,
        signature: z.string().min(1).max(2048).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
      })
      .strict(),
  })
  .strict()
  .openapi('JoinRequest');

// Compile-time proof that the schema and core's type describe the same thing.
const _sameShape: z.ZodType<JoinRequest> = joinRequestSchema;
void _sameShape;
