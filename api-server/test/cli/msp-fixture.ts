import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestOrgPki } from '../support/test-pki';

/** Files of a joining org on disk, as Fabric CA would leave them. */
export interface OrgFiles {
  dir: string;
  mspDir: string;
  adminCert: string;
  adminKey: string;
  nodes: string;
}

/** Writes an MSP folder (with NodeOUs config.yaml), the admin's cert and key, and a nodes file. */
export function writeOrgFiles(pki: TestOrgPki): OrgFiles {
  const dir = mkdtempSync(join(tmpdir(), 'opssc-cli-'));
  const mspDir = join(dir, 'msp');
  for (const sub of ['cacerts', 'tlscacerts', 'admincerts']) mkdirSync(join(mspDir, sub), { recursive: true });
  writeFileSync(join(mspDir, 'cacerts', 'ca-cert.pem'), pki.ca.certPem);
  writeFileSync(join(mspDir, 'tlscacerts', 'tlsca-cert.pem'), pki.tlsCa.certPem);
  const ou = (name: string) => `    Certificate: cacerts/ca-cert.pem\n    OrganizationalUnitIdentifier: ${name}\n`;
  writeFileSync(
    join(mspDir, 'config.yaml'),
    `NodeOUs:\n  Enable: true\n  ClientOUIdentifier:\n${ou('client')}  PeerOUIdentifier:\n${ou('peer')}  AdminOUIdentifier:\n${ou('admin')}  OrdererOUIdentifier:\n${ou('orderer')}`,
  );
  writeFileSync(join(dir, 'admin-cert.pem'), pki.admin.certPem);
  writeFileSync(join(dir, 'admin-key.pem'), pki.admin.privateKeyPem);
  writeFileSync(join(dir, 'orderer-tls.pem'), pki.tlsCa.certPem);
  writeFileSync(
    join(dir, 'nodes.json'),
    JSON.stringify({
      peers: [{ host: 'peer0.org3.example.com', port: 11051 }],
      anchorPeers: [{ host: 'peer0.org3.example.com', port: 11051 }],
      orderers: [{ host: 'orderer.org3.example.com', port: 11050, serverTlsCert: 'orderer-tls.pem', clientTlsCert: 'orderer-tls.pem', consenter: true }],
    }),
  );
  return { dir, mspDir, adminCert: join(dir, 'admin-cert.pem'), adminKey: join(dir, 'admin-key.pem'), nodes: join(dir, 'nodes.json') };
}
