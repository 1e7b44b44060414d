import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes an MSP's config.yaml with NodeOUs enabled. Fabric CA puts the identity type (client, peer, admin,
 * orderer) into each certificate as an OU, so roles in policies can be expressed as `Org1MSP.admin` etc.
 */
export function writeNodeOuConfig(mspDir: string): void {
  const ou = (id: string) => `    Certificate: cacerts/ca.pem\n    OrganizationalUnitIdentifier: ${id}\n`;
  const text =
    'NodeOUs:\n' +
    '  Enable: true\n' +
    `  ClientOUIdentifier:\n${ou('client')}` +
    `  PeerOUIdentifier:\n${ou('peer')}` +
    `  AdminOUIdentifier:\n${ou('admin')}` +
    `  OrdererOUIdentifier:\n${ou('orderer')}`;
  writeFileSync(join(mspDir, 'config.yaml'), text);
}

/** fabric-ca-client names the CA cert after the server's address; give it the stable name config.yaml refers to. */
export function normalizeEnrolledMsp(mspDir: string): void {
  const cacerts = join(mspDir, 'cacerts');
  const [enrolled] = readdirSync(cacerts);
  if (enrolled !== 'ca.pem') renameSync(join(cacerts, enrolled), join(cacerts, 'ca.pem'));
  writeNodeOuConfig(mspDir);
}

/** The one file of a folder whose file name Fabric CA chooses; more than one would make the choice a guess. */
function onlyFile(dir: string): string {
  const files = readdirSync(dir);
  if (files.length !== 1) throw new Error(`expected one file in ${dir}, found ${files.length}`);
  return join(dir, files[0]);
}

/** An enrolled MSP's signing certificate and private key. Fabric CA names the key file after the key's SKI. */
export function enrolledIdentityFiles(mspDir: string): { certFile: string; keyFile: string } {
  return { certFile: join(mspDir, 'signcerts', 'cert.pem'), keyFile: onlyFile(join(mspDir, 'keystore')) };
}

/**
 * A TLS enrollment lands as an MSP folder; flatten it to ca.crt, server.crt and server.key, the names every
 * node config below uses, or to ca.crt, client.crt and client.key for a client pair.
 */
export function normalizeTlsDir(tlsDir: string, role: 'server' | 'client' = 'server'): void {
  const { certFile, keyFile } = enrolledIdentityFiles(tlsDir);
  copyFileSync(keyFile, join(tlsDir, `${role}.key`));
  copyFileSync(certFile, join(tlsDir, `${role}.crt`));
  copyFileSync(onlyFile(join(tlsDir, 'tlscacerts')), join(tlsDir, 'ca.crt'));
  for (const sub of ['keystore', 'signcerts', 'tlscacerts', 'cacerts', 'user', 'IssuerPublicKey', 'IssuerRevocationPublicKey']) {
    rmSync(join(tlsDir, sub), { recursive: true, force: true });
  }
}

/** The org-level MSP that goes into channel configs: CA certs, TLS CA certs and NodeOUs, no keys. */
export function writeOrgMsp(orgMspDir: string, caCertFile: string): void {
  for (const sub of ['cacerts', 'tlscacerts']) {
    mkdirSync(join(orgMspDir, sub), { recursive: true });
    copyFileSync(caCertFile, join(orgMspDir, sub, 'ca.pem'));
  }
  writeNodeOuConfig(orgMspDir);
}
