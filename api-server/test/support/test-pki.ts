import { KeyObject, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

/** A certificate with its private key. */
export interface TestIdentity {
  certPem: string;
  privateKey: KeyObject;
  privateKeyPem: string;
}

/** A small real PKI for an org: a root CA, a TLS root CA and an admin identity (OU=admin) under the root. */
export interface TestOrgPki {
  ca: TestIdentity;
  tlsCa: TestIdentity;
  admin: TestIdentity;
}

async function identity(keys: webcrypto.CryptoKeyPair, cert: x509.X509Certificate): Promise<TestIdentity> {
  const privateKey = KeyObject.from(keys.privateKey);
  return { certPem: cert.toString('pem'), privateKey, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

async function selfSignedCa(name: string): Promise<{ keys: webcrypto.CryptoKeyPair; cert: x509.X509Certificate }> {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2045-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return { keys, cert };
}

/** Generates the PKI of an org such as `org3.example.com`. */
export async function createOrgPki(domain: string): Promise<TestOrgPki> {
  const ca = await selfSignedCa(`CN=ca.${domain}, O=${domain}`);
  const tlsCa = await selfSignedCa(`CN=tlsca.${domain}, O=${domain}`);
  const adminKeys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const adminCert = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `CN=Admin@${domain}, OU=admin, O=${domain}`,
    issuer: ca.cert.subject,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2045-01-01T00:00:00Z'),
    publicKey: adminKeys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ALG,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  return {
    ca: await identity(ca.keys, ca.cert),
    tlsCa: await identity(tlsCa.keys, tlsCa.cert),
    admin: await identity(adminKeys, adminCert),
  };
}
