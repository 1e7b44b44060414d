import { X509Certificate } from 'node:crypto';

const MAX_CHAIN_DEPTH = 5;

function parse(bytes: Uint8Array): X509Certificate | undefined {
  try {
    return new X509Certificate(Buffer.from(bytes));
  } catch {
    return undefined;
  }
}

function isIssuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

/**
 * Whether `certBytes` (PEM or DER) chains, through `intermediates`, to one of `roots`, checking names and
 * signatures only. This mirrors the part of Fabric's consenter check that matters for ownership: Raft
 * accepts a consenter only if its TLS certs verify against the TLS CAs of the channel's orderer orgs.
 * Validity periods and key usages are deliberately not checked here.
 */
export function chainsToAny(certBytes: Uint8Array, roots: readonly Uint8Array[], intermediates: readonly Uint8Array[]): boolean {
  const cert = parse(certBytes);
  if (!cert) return false;
  const rootCerts = roots.map(parse).filter((c): c is X509Certificate => c !== undefined);
  const intermediateCerts = intermediates.map(parse).filter((c): c is X509Certificate => c !== undefined);
  let frontier = [cert];
  for (let depth = 0; depth < MAX_CHAIN_DEPTH && frontier.length > 0; depth++) {
    if (frontier.some((c) => rootCerts.some((root) => isIssuedBy(c, root)))) {
      return true;
    }
    frontier = intermediateCerts.filter((i) => frontier.some((c) => isIssuedBy(c, i)));
  }
  return false;
}
