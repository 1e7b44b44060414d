import { checkFrom } from '../check-result';
import type { ParsedCert } from '../parsed-cert';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

/** `root-self-signed`: every root and TLS root is issued by itself (name and signature). */
export function checkRootSelfSigned({ parsed, chains }: CheckInput): ValidationCheck {
  const problems = [...parsed.roots, ...parsed.tlsRoots]
    .filter((root) => !chains.issuedBy(root, root))
    .map((root) => `${root.field}: not self-signed`);
  return checkFrom('root-self-signed', problems);
}

function chainProblems(input: CheckInput, certs: ParsedCert[], intermediates: ParsedCert[], roots: ParsedCert[], rootsName: string): string[] {
  return certs
    .filter((c) => input.chains.chainToRoot(c, intermediates, roots) === undefined)
    .map((c) => `${c.field}: does not chain to ${rootsName}`);
}

/** `intermediate-chain`: every intermediate chains, signature by signature, to a root of this MSP. */
export function checkIntermediateChain(input: CheckInput): ValidationCheck {
  const { intermediates, roots } = input.parsed;
  return checkFrom('intermediate-chain', chainProblems(input, intermediates, intermediates, roots, 'a root of the MSP'));
}

/** `tls-intermediate-chain`: every TLS intermediate chains to a TLS root of this MSP. */
export function checkTlsIntermediateChain(input: CheckInput): ValidationCheck {
  const { tlsIntermediates, tlsRoots } = input.parsed;
  return checkFrom('tls-intermediate-chain', chainProblems(input, tlsIntermediates, tlsIntermediates, tlsRoots, 'a TLS root of the MSP'));
}
