import { OpsError } from '../errors';
import type { JoinRequest } from '../msp/types';
import { assertChannelName, assertMspId } from './identifiers';
import { expectArray, expectObject, expectString } from './input-shape';
import { parseContactMetadata, parseMspDefinitionShape, parseNodeEndpoints } from './member-input';

/** Channels a join request may ask for. */
const MAX_CHANNELS = 16;

/**
 * Reads the structure of a signed join request. Every field is required and unknown fields are refused,
 * so the returned object deep-equals the input and {@link joinRequestDigest} of it is the digest the
 * requester signed. Certificates, signatures and policies are checked later by `validateJoinRequest`.
 */
export function parseJoinRequest(value: unknown): JoinRequest {
  const obj = expectObject(value, 'request', ['format', 'mspId', 'msp', 'nodes', 'channels', 'metadata', 'proof']);
  if (obj.format !== 'opssc.join-request.v1') {
    throw new OpsError('INVALID_ARGUMENT', 'request.format must be opssc.join-request.v1');
  }
  const mspId = assertMspId(obj.mspId, 'request.mspId');
  if (obj.metadata === undefined) {
    throw new OpsError('INVALID_ARGUMENT', 'request.metadata must be an object');
  }
  const proof = expectObject(obj.proof, 'request.proof', ['signerCert', 'signature']);
  return {
    format: 'opssc.join-request.v1',
    mspId,
    msp: parseMspDefinitionShape(obj.msp, 'request.msp', mspId),
    nodes: parseNodeEndpoints(obj.nodes, 'request.nodes'),
    channels: expectArray(obj.channels, 'request.channels', MAX_CHANNELS, (v, p) => assertChannelName(v, p), true),
    metadata: parseContactMetadata(obj.metadata, 'request.metadata'),
    proof: {
      signerCert: expectString(proof.signerCert, 'request.proof.signerCert', { max: 16_384 }),
      signature: expectString(proof.signature, 'request.proof.signature', { max: 2048, pattern: /^[A-Za-z0-9+/=]+$/, describe: 'base64' }),
    },
  };
}

/** The channels an admitted org joins: the ops channel first, then the ones it asked for. */
export function admissionChannels(opsChannel: string, requested: readonly string[]): string[] {
  return [opsChannel, ...requested.filter((channel) => channel !== opsChannel)];
}
