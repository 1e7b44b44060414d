import { createVerify, X509Certificate } from 'node:crypto';
import { joinRequestDigest, OpsError, proofMessage, type JoinRequest } from '@opssc/core';

/**
 * Checks the proof of possession before a join request consumes an invitation: the signature must
 * verify with the certificate it names. Whether that certificate is an admin of the submitted MSP is
 * part of the chaincode's deterministic validation, which reports it on the proposal.
 * @returns the request's canonical digest.
 */
export function checkProofOfPossession(request: JoinRequest): string {
  const digest = joinRequestDigest(request);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(request.proof.signerCert);
  } catch {
    throw new OpsError('INVALID_ARGUMENT', 'proof.signerCert is not a PEM X.509 certificate');
  }
  const verifier = createVerify('sha256').update(proofMessage(digest));
  let valid: boolean;
  try {
    valid = verifier.verify({ key: cert.publicKey, dsaEncoding: 'der' }, Buffer.from(request.proof.signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new OpsError('MSP_VALIDATION_FAILED', 'proof.signature does not verify with proof.signerCert over the request digest');
  }
  return digest;
}
