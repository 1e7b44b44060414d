import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { MspDefinition, NodeOUs } from '../msp/types';

/** The PEM files of one MSP sub-folder, sorted by file name so that the same folder always gives the same list. */
function pems(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pem') || f.endsWith('.crt') || f.endsWith('.crl'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

interface OuEntry {
  OrganizationalUnitIdentifier?: string;
}

interface MspConfigYaml {
  NodeOUs?: {
    Enable?: boolean;
    ClientOUIdentifier?: OuEntry;
    PeerOUIdentifier?: OuEntry;
    AdminOUIdentifier?: OuEntry;
    OrdererOUIdentifier?: OuEntry;
  };
}

/** NodeOUs from an MSP's config.yaml; Fabric's default identifiers when the file or an entry is absent. */
export function readNodeOUs(mspDir: string): NodeOUs {
  const file = join(mspDir, 'config.yaml');
  const parsed = existsSync(file) ? ((yaml.load(readFileSync(file, 'utf8')) ?? {}) as MspConfigYaml) : {};
  const ous = parsed.NodeOUs ?? {};
  return {
    enable: ous.Enable === true,
    clientOUIdentifier: ous.ClientOUIdentifier?.OrganizationalUnitIdentifier ?? 'client',
    peerOUIdentifier: ous.PeerOUIdentifier?.OrganizationalUnitIdentifier ?? 'peer',
    adminOUIdentifier: ous.AdminOUIdentifier?.OrganizationalUnitIdentifier ?? 'admin',
    ordererOUIdentifier: ous.OrdererOUIdentifier?.OrganizationalUnitIdentifier ?? 'orderer',
  };
}

/**
 * Reads a Fabric MSP folder (cacerts, intermediatecerts, tlscacerts, tlsintermediatecerts, admincerts, crls,
 * config.yaml) into the definition a join request or a channel config carries. No private key is read.
 */
export function readMspFolder(mspDir: string, mspId: string): MspDefinition {
  if (!existsSync(join(mspDir, 'cacerts'))) {
    throw new Error(`${mspDir} is not an MSP folder: it has no cacerts/`);
  }
  return {
    mspId,
    rootCerts: pems(join(mspDir, 'cacerts')),
    intermediateCerts: pems(join(mspDir, 'intermediatecerts')),
    tlsRootCerts: pems(join(mspDir, 'tlscacerts')),
    tlsIntermediateCerts: pems(join(mspDir, 'tlsintermediatecerts')),
    admins: pems(join(mspDir, 'admincerts')),
    nodeOUs: readNodeOUs(mspDir),
    revocationList: pems(join(mspDir, 'crls')),
  };
}
