import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MspDefinition } from '@opssc/core';

// configtxgen reads each MSP sub-folder in file-name order, so zero-padded names keep the definition's order.
function writePems(dir: string, prefix: string, pems: readonly string[]): void {
  if (pems.length === 0) return;
  mkdirSync(dir, { recursive: true });
  pems.forEach((pem, i) => writeFileSync(join(dir, `${prefix}-${String(i).padStart(3, '0')}.pem`), pem));
}

function nodeOusYaml(msp: MspDefinition): string {
  const ous = msp.nodeOUs;
  // Same rule as the library: the NodeOU certificate is the root CA when there is exactly one.
  const certificate = msp.rootCerts.length === 1 ? '    Certificate: cacerts/ca-000.pem\n' : '';
  const identifier = (key: string, ou: string) => (ou ? `  ${key}:\n${certificate}    OrganizationalUnitIdentifier: ${ou}\n` : '');
  return (
    `NodeOUs:\n  Enable: ${ous.enable}\n` +
    identifier('ClientOUIdentifier', ous.clientOUIdentifier) +
    identifier('PeerOUIdentifier', ous.peerOUIdentifier) +
    identifier('AdminOUIdentifier', ous.adminOUIdentifier) +
    identifier('OrdererOUIdentifier', ous.ordererOUIdentifier)
  );
}

/** Writes `msp` as a verifying MSP folder (no keystore) such as configtxgen reads. Returns the folder. */
export function writeMspFolder(dir: string, msp: MspDefinition): string {
  writePems(join(dir, 'cacerts'), 'ca', msp.rootCerts);
  writePems(join(dir, 'intermediatecerts'), 'ica', msp.intermediateCerts);
  writePems(join(dir, 'admincerts'), 'admin', msp.admins);
  writePems(join(dir, 'tlscacerts'), 'tlsca', msp.tlsRootCerts);
  writePems(join(dir, 'tlsintermediatecerts'), 'tlsica', msp.tlsIntermediateCerts);
  writePems(join(dir, 'crls'), 'crl', msp.revocationList);
  writeFileSync(join(dir, 'config.yaml'), nodeOusYaml(msp));
  return dir;
}
