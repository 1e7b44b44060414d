import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import type { JoinRequest, JoinRequestBody } from './types';

/**
 * Domain-separation prefix of the proof-of-possession message. A signature made for a join request
 * can then never be replayed as a signature over some other structure that happens to hash alike.
 */
export const PROOF_DOMAIN = 'opssc.join-request.v1:';

/**
 * The canonical digest of a join request: sha256 hex of `canonicalJson(body)`, where the body is the
 * request without its `proof`. Every api-server, every peer and the joining org's CLI compute the same
 * value for the same request, which is what attestations compare.
 */
export function joinRequestDigest(req: JoinRequestBody | JoinRequest): string {
  const { proof: _proof, ...body } = req as JoinRequest;
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

/** The exact bytes the proof of possession signs: UTF-8 of `opssc.join-request.v1:<digest>`. */
export function proofMessage(digest: string): Buffer {
  return Buffer.from(PROOF_DOMAIN + digest, 'utf8');
}
