import { createHash, X509Certificate } from 'node:crypto';
import { pemToDer } from './pem-bundle';
import { x509 } from './x509-runtime';

/**
 * A certificate parsed once and kept in both libraries' forms: node:crypto (OpenSSL) for keys and
 * signature checks, which are synchronous and exact; @peculiar/x509 for extensions and dates,
 * which node does not expose faithfully (its `keyUsage` is really the extended key usage).
 */
export interface ParsedCert {
  /** Where the certificate came from, such as `msp.rootCerts[0]`; used in report details. */
  field: string;
  der: Buffer;
  /** sha256 hex of the DER. */
  fingerprint: string;
  node: X509Certificate;
  cert: x509.X509Certificate;
}

/** Parses a PEM field that must hold exactly one `CERTIFICATE` block. Throws with a short reason. */
export function parseCertPem(field: string, pem: string): ParsedCert {
  const der = pemToDer(pem, 'CERTIFICATE');
  const node = new X509Certificate(der);
  // OpenSSL stops at the end of the first DER object; refuse trailing bytes so the fingerprint
  // always identifies exactly what was parsed.
  if (!node.raw.equals(der)) {
    throw new Error('trailing data after the certificate');
  }
  const cert = new x509.X509Certificate(der);
  return { field, der, fingerprint: createHash('sha256').update(der).digest('hex'), node, cert };
}

/** The OU values of a certificate's subject, in order. */
export function subjectOUs(parsed: ParsedCert): string[] {
  return parsed.cert.subjectName.getField('OU');
}

/** Serial number as lower-case hex without leading zeros, so that CRL entries and certificates compare equal. */
export function normalizeSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0+(?=.)/, '');
}
