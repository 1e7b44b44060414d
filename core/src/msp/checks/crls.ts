import { checkFrom } from '../check-result';
import { revokedOnChain, type CrlSet } from '../parsed-crls';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

/** `crl-parse`: every entry of `revocationList` is one PEM `X509 CRL` that parses. */
export function checkCrlParse(crls: CrlSet): ValidationCheck {
  return checkFrom('crl-parse', crls.parseFailures, `CRLs: ${crls.crls.length}`);
}

/**
 * `crl-issuer`: every CRL is signed by a root or intermediate CA of this MSP. A CRL from anywhere else
 * would be ignored by Fabric at best, and at worst is a sign the MSP was assembled from the wrong org.
 */
export function checkCrlIssuer(crls: CrlSet): ValidationCheck {
  const problems = crls.crls.filter((c) => !c.issuer).map((c) => `${c.field}: issuer "${c.issuerName}" is not a CA of the MSP or its signature does not verify`);
  return checkFrom('crl-issuer', problems);
}

/**
 * `revocation`: no intermediate, explicit admin or proof signer, nor any CA above it, is revoked by
 * a CRL its issuer signed. Certificates without a chain are left to the chain checks.
 */
export function checkRevocation({ parsed, chains }: CheckInput, crls: CrlSet): ValidationCheck {
  const subjects = [...parsed.intermediates, ...parsed.admins, ...(parsed.signer ? [parsed.signer] : [])];
  const problems: string[] = [];
  for (const cert of subjects) {
    const path = chains.chainToRoot(cert, parsed.intermediates, parsed.roots);
    const revoked = path && revokedOnChain(path, crls);
    if (revoked) {
      problems.push(revoked === cert ? `${cert.field}: revoked` : `${cert.field}: its CA ${revoked.field} is revoked`);
    }
  }
  return checkFrom('revocation', problems);
}
