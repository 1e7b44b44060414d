import { createHash } from 'node:crypto';
import { pemToDer } from './pem-bundle';
import type { MspDefinition } from './types';

/**
 * The sha256 hex fingerprint of a certificate's DER encoding. Two PEMs that differ only in line
 * wrapping or surrounding text have the same fingerprint. Throws if `pem` holds no PEM block.
 */
export function certFingerprint(pem: string): string {
  return createHash('sha256').update(pemToDer(pem)).digest('hex');
}

/** Fingerprints of an MSP's root certificates, skipping any that are not PEM. Sorted, so stable. */
export function rootFingerprints(msp: MspDefinition): string[] {
  const out: string[] = [];
  for (const pem of Array.isArray(msp?.rootCerts) ? msp.rootCerts : []) {
    try {
      out.push(certFingerprint(pem));
    } catch {
      // a malformed root is reported by the validator; it simply has no fingerprint
    }
  }
  return [...new Set(out)].sort();
}
