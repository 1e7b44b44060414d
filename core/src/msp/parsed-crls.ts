import { reasonOf } from './check-result';
import { pemToDer } from './pem-bundle';
import { normalizeSerial, type ParsedCert } from './parsed-cert';
import { x509 } from './x509-runtime';

/** A parsed CRL and, when its signature verified, the MSP CA that issued it. */
export interface ParsedCrl {
  field: string;
  crl: x509.X509Crl;
  /** The CRL's issuer DN as peculiar/x509 prints it. */
  issuerName: string;
  /** The CA whose key verified the CRL signature; undefined when none did. */
  issuer?: ParsedCert;
  /** Normalized serial numbers of the revoked certificates. */
  revoked: Set<string>;
}

/** The CRLs of an MSP, parsed and signature-checked once for the three CRL checks. */
export interface CrlSet {
  crls: ParsedCrl[];
  parseFailures: string[];
}

async function findCrlIssuer(crl: x509.X509Crl, issuerName: string, cas: ParsedCert[]): Promise<ParsedCert | undefined> {
  // Sequential on purpose: the first CA in list order wins, the same on every peer.
  for (const ca of cas) {
    try {
      if (issuerName !== ca.cert.subject) continue;
      // Pass the public key, not the certificate: with a certificate peculiar/x509 would take the
      // hash from the CA's own signature algorithm instead of the CRL's.
      if (await crl.verify({ publicKey: ca.cert.publicKey })) return ca;
    } catch {
      // a key the CRL's algorithm cannot use: not this issuer
    }
  }
  return undefined;
}

/**
 * Parses each `X509 CRL` PEM (the label Fabric's Go code requires) and looks for the identity CA
 * (root or intermediate) that signed it. Parse failures are recorded, never thrown.
 */
export async function parseCrls(pems: string[], cas: ParsedCert[]): Promise<CrlSet> {
  const crls: ParsedCrl[] = [];
  const parseFailures: string[] = [];
  for (const [i, pem] of pems.entries()) {
    const field = `msp.revocationList[${i}]`;
    let crl: x509.X509Crl;
    let issuerName: string;
    let revoked: Set<string>;
    try {
      // peculiar/x509 decodes lazily; touch every field here so a malformed CRL fails as a parse error.
      crl = new x509.X509Crl(pemToDer(pem, 'X509 CRL'));
      issuerName = crl.issuer;
      revoked = new Set(crl.entries.map((e) => normalizeSerial(e.serialNumber)));
    } catch (err) {
      parseFailures.push(`${field}: ${reasonOf(err)}`);
      continue;
    }
    crls.push({ field, crl, issuerName, revoked, issuer: await findCrlIssuer(crl, issuerName, cas) });
  }
  return { crls, parseFailures };
}

/** Whether `cert`, issued by `issuer`, is listed in a CRL that `issuer` itself signed. */
export function isRevoked(cert: ParsedCert, issuer: ParsedCert, crls: CrlSet): boolean {
  const serial = normalizeSerial(cert.cert.serialNumber);
  return crls.crls.some((c) => c.issuer?.fingerprint === issuer.fingerprint && c.revoked.has(serial));
}

/** The first certificate on a chain `[leaf, ..., root]` that its own issuer revoked, if any. */
export function revokedOnChain(path: ParsedCert[], crls: CrlSet): ParsedCert | undefined {
  for (let i = 0; i + 1 < path.length; i++) {
    if (isRevoked(path[i], path[i + 1], crls)) return path[i];
  }
  return undefined;
}
