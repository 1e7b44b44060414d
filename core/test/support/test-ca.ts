import { randomBytes } from 'node:crypto';
import { derToPem } from '../../src/msp/pem-bundle';
import { x509 } from '../../src/msp/x509-runtime';
import { generateTestKey, type TestKeyAlgorithm, type TestKeyPair } from './test-keys';

const { KeyUsageFlags } = x509;

/** A validity window. */
export interface CertWindow {
  notBefore: Date;
  notAfter: Date;
}

/** A CA that tests can issue certificates and CRLs with. */
export interface TestCa {
  /** Subject DN, as peculiar/x509 writes it (for example `C=US, O=org3.example.com, CN=ca.org3.example.com`). */
  name: string;
  certPem: string;
  cert: x509.X509Certificate;
  key: TestKeyPair;
}

/** A certificate together with its private key. */
export interface IssuedCert {
  certPem: string;
  cert: x509.X509Certificate;
  key: TestKeyPair;
}

/** How to issue one certificate. Defaults give what Fabric CA issues. */
export interface IssueOptions {
  subject: string;
  validity: CertWindow;
  keyAlgorithm?: TestKeyAlgorithm;
  /** basicConstraints CA flag; defaults to false for leaves and true for CAs made with {@link createRootCa}. */
  isCa?: boolean;
  /** Key usage flags (KeyUsageFlags bits); defaults to digitalSignature for leaves. */
  keyUsage?: number;
  extendedKeyUsage?: string[];
  /** Subject alternative names, for TLS server certificates. */
  sans?: { type: 'dns' | 'ip'; value: string }[];
}

/** Key usage Fabric CA puts on CA certificates. */
export const CA_KEY_USAGE = KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature;

/** A positive, non-zero-led 128-bit serial, as Fabric CA issues them. */
export function testSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex');
}

async function extensionsFor(opts: IssueOptions, key: TestKeyPair, caDefault: boolean): Promise<x509.Extension[]> {
  const isCa = opts.isCa ?? caDefault;
  const usage = opts.keyUsage ?? (caDefault ? CA_KEY_USAGE : KeyUsageFlags.digitalSignature);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(isCa, undefined, true),
    new x509.KeyUsagesExtension(usage, true),
    await x509.SubjectKeyIdentifierExtension.create(key.keys.publicKey),
  ];
  if (opts.extendedKeyUsage) {
    extensions.push(new x509.ExtendedKeyUsageExtension(opts.extendedKeyUsage, false));
  }
  if (opts.sans) {
    extensions.push(new x509.SubjectAlternativeNameExtension(opts.sans, false));
  }
  return extensions;
}

/** Creates a self-signed root CA (CA=true and keyCertSign unless the options say otherwise). */
export async function createRootCa(opts: IssueOptions): Promise<TestCa> {
  const key = await generateTestKey(opts.keyAlgorithm);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: testSerial(),
    name: opts.subject,
    notBefore: opts.validity.notBefore,
    notAfter: opts.validity.notAfter,
    keys: key.keys,
    signingAlgorithm: key.signingAlgorithm,
    extensions: await extensionsFor(opts, key, true),
  });
  return { name: opts.subject, certPem: derToPem(new Uint8Array(cert.rawData)), cert, key };
}

/** Issues a certificate signed by `issuer`; a CA certificate when `asCa` is true. */
export async function issueCert(issuer: TestCa, opts: IssueOptions, asCa = false): Promise<IssuedCert> {
  const key = await generateTestKey(opts.keyAlgorithm);
  const extensions = await extensionsFor(opts, key, asCa);
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.key.keys.publicKey));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: testSerial(),
    subject: opts.subject,
    issuer: issuer.cert.subject,
    notBefore: opts.validity.notBefore,
    notAfter: opts.validity.notAfter,
    publicKey: key.keys.publicKey,
    signingKey: issuer.key.keys.privateKey,
    signingAlgorithm: issuer.key.signingAlgorithm,
    extensions,
  });
  return { certPem: derToPem(new Uint8Array(cert.rawData)), cert, key };
}

/** Issues an intermediate CA under `issuer`. */
export async function issueIntermediateCa(issuer: TestCa, opts: IssueOptions): Promise<TestCa> {
  const issued = await issueCert(issuer, opts, true);
  return { name: opts.subject, ...issued };
}

/** Creates a CRL signed by `ca` that revokes the given certificates. */
export async function makeCrl(ca: TestCa, revoked: x509.X509Certificate[], at: Date): Promise<string> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subject,
    thisUpdate: at,
    nextUpdate: new Date(at.getTime() + 7 * 86_400_000),
    entries: revoked.map((cert) => ({ serialNumber: cert.serialNumber, revocationDate: at, reason: x509.X509CrlReason.keyCompromise })),
    signingKey: ca.key.keys.privateKey,
    signingAlgorithm: ca.key.signingAlgorithm,
  });
  // Fabric's Go code only accepts the `X509 CRL` label (peculiar/x509 writes `CRL`).
  return derToPem(new Uint8Array(crl.rawData), 'X509 CRL');
}
