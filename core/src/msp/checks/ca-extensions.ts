import { checkFrom } from '../check-result';
import { allCas } from '../parsed-msp';
import type { ValidationCheck } from '../types';
import { x509 } from '../x509-runtime';
import type { CheckInput } from './check-input';

/**
 * `ca-basic-constraints`: every root, intermediate, TLS root and TLS intermediate has basicConstraints
 * CA=true. Fabric's MSP and Go's path builder refuse a CA certificate without it, and a leaf listed
 * as a root would make every certificate it ever signed a member.
 */
export function checkCaBasicConstraints({ parsed }: CheckInput): ValidationCheck {
  const problems: string[] = [];
  for (const c of allCas(parsed)) {
    const bc = c.cert.getExtension(x509.BasicConstraintsExtension);
    if (!bc) problems.push(`${c.field}: no basicConstraints extension`);
    else if (!bc.ca) problems.push(`${c.field}: basicConstraints CA=false`);
  }
  return checkFrom('ca-basic-constraints', problems);
}

/**
 * `ca-key-usage`: every CA certificate has a keyUsage extension that includes keyCertSign. An absent
 * extension is refused too: Fabric CA and cryptogen always set it, so its absence means a hand-made CA.
 */
export function checkCaKeyUsage({ parsed }: CheckInput): ValidationCheck {
  const problems: string[] = [];
  for (const c of allCas(parsed)) {
    const ku = c.cert.getExtension(x509.KeyUsagesExtension);
    if (!ku) problems.push(`${c.field}: no keyUsage extension`);
    else if ((ku.usages & x509.KeyUsageFlags.keyCertSign) === 0) problems.push(`${c.field}: keyUsage lacks keyCertSign`);
  }
  return checkFrom('ca-key-usage', problems);
}
