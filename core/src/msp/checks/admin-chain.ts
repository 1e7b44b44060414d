import { checkFrom } from '../check-result';
import type { ChainBuilder } from '../cert-chain';
import type { ParsedCert } from '../parsed-cert';
import type { ParsedMsp } from '../parsed-msp';
import { x509 } from '../x509-runtime';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

/**
 * Why `identity` is not a valid identity of the MSP, or undefined when it is: it must not be a CA
 * (Fabric refuses CA certificates as identities) and must chain to a root through the intermediates.
 */
export function identityProblem(identity: ParsedCert, parsed: ParsedMsp, chains: ChainBuilder): string | undefined {
  if (identity.cert.getExtension(x509.BasicConstraintsExtension)?.ca) {
    return `${identity.field}: is a CA certificate, not an identity`;
  }
  if (!chains.chainToRoot(identity, parsed.intermediates, parsed.roots)) {
    return `${identity.field}: does not chain to the MSP's CAs`;
  }
  return undefined;
}

/** `admin-chain`: every explicit admin is a non-CA identity issued (signature-verified) by the MSP's CAs. */
export function checkAdminChain({ parsed, chains }: CheckInput): ValidationCheck {
  const problems = parsed.admins.map((a) => identityProblem(a, parsed, chains)).filter((p): p is string => p !== undefined);
  return checkFrom('admin-chain', problems, `explicit admins: ${parsed.admins.length}`);
}
