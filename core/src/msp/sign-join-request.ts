import { createSign, type KeyObject } from 'node:crypto';
import { joinRequestDigest, proofMessage } from './join-request-digest';
import type { JoinRequest, JoinRequestBody } from './types';

/**
 * Signs a join request body with an admin key of the joining org, producing the proof of possession.
 * ECDSA keys give a DER (r, s) signature and RSA keys a PKCS#1 v1.5 signature, both over SHA-256,
 * which is what Fabric's own tooling produces and what {@link validateJoinRequest} accepts.
 *
 * @param body - the unsigned request; any `proof` already on it is replaced.
 * @param signerCertPem - the admin certificate matching `privateKey`.
 * @param privateKey - the admin's private key (EC P-256/P-384 or RSA).
 */
export function signJoinRequest(body: JoinRequestBody, signerCertPem: string, privateKey: KeyObject): JoinRequest {
  const { proof: _old, ...unsigned } = body as JoinRequest;
  const signer = createSign('sha256');
  signer.update(proofMessage(joinRequestDigest(unsigned)));
  // dsaEncoding 'der' is the default for ECDSA and ignored for RSA; set it so the format is explicit.
  const signature = signer.sign({ key: privateKey, dsaEncoding: 'der' }).toString('base64');
  return { ...unsigned, proof: { signerCert: signerCertPem, signature } };
}
