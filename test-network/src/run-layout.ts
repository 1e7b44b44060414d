import { join, resolve } from 'node:path';

/** Where the local network keeps its data, logs and pids; git-ignored. */
export function defaultRunDir(): string {
  return process.env.OPSSC_RUN_DIR ?? resolve(__dirname, '..', '..', '.run', 'network');
}

/** The repository root (test-network/dist/.. /..). */
export const repoRoot = resolve(__dirname, '..', '..');

export interface OrgLayout {
  name: string;
  mspId: string;
  root: string;
  caHome: string;
  caCert: string;
  registrarHome: string;
  /** The org's MSP as it appears in channel configs (cacerts, tlscacerts, config.yaml). */
  orgMsp: string;
  adminMsp: string;
  clientMsp: string;
  peerMsp: string;
  peerTls: string;
  peerData: string;
  peerConfig: string;
  ordererMsp: string;
  ordererTls: string;
  ordererData: string;
  ordererConfig: string;
  /** The org's api-server files: the plain API keys for its admins, and the key hashes and secret the server reads. */
  apiServer: string;
  /** `<label>.tar.gz` of each chaincode package the org's api-server serves to joining orgs. */
  apiServerPackages: string;
}

/** Org names are `Org1`, `Org2`, …; their MSP IDs `Org1MSP`, …; their folders lower case. */
export function orgLayout(runDir: string, orgName: string): OrgLayout {
  const root = join(runDir, 'orgs', orgName.toLowerCase());
  return {
    name: orgName,
    mspId: `${orgName}MSP`,
    root,
    caHome: join(root, 'ca'),
    caCert: join(root, 'ca', 'ca-cert.pem'),
    registrarHome: join(root, 'registrar'),
    orgMsp: join(root, 'msp'),
    adminMsp: join(root, 'users', 'admin', 'msp'),
    clientMsp: join(root, 'users', 'client', 'msp'),
    peerMsp: join(root, 'peer', 'msp'),
    peerTls: join(root, 'peer', 'tls'),
    peerData: join(root, 'peer', 'data'),
    peerConfig: join(root, 'peer', 'config'),
    ordererMsp: join(root, 'orderer', 'msp'),
    ordererTls: join(root, 'orderer', 'tls'),
    ordererData: join(root, 'orderer', 'data'),
    ordererConfig: join(root, 'orderer', 'config'),
    apiServer: join(root, 'api-server'),
    apiServerPackages: join(root, 'api-server', 'packages'),
  };
}

export function logDir(runDir: string): string {
  return join(runDir, 'logs');
}

export function pidDir(runDir: string): string {
  return join(runDir, 'pids');
}

export function artifactsDir(runDir: string): string {
  return join(runDir, 'artifacts');
}
