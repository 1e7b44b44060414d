import type { KeyObject } from 'node:crypto';
import type { MspDefinition, NodeOUs } from '../../src/msp/types';
import { x509 } from '../../src/msp/x509-runtime';
import {
  CA_KEY_USAGE,
  createRootCa,
  issueCert,
  issueIntermediateCa,
  makeCrl,
  type CertWindow,
  type IssuedCert,
  type TestCa,
} from './test-ca';
import type { TestKeyAlgorithm } from './test-keys';

export { makeSignedJoinRequest } from './join-request-fixture';

const DAY_MS = 86_400_000;
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** Knobs for every bad case the validator must catch. With no options the org is valid. */
export interface TestOrgOptions {
  /** Reference time of the tree; certificates are valid from a day before. Defaults to the clock. */
  now?: Date;
  /** Key algorithm of the CAs and identities (default ec-p256). */
  keyAlgorithm?: TestKeyAlgorithm;
  /** Key algorithm of the admin identity only. */
  adminKeyAlgorithm?: TestKeyAlgorithm;
  /** Issue identities from an intermediate CA listed in `intermediateCerts`. */
  withIntermediate?: boolean;
  /** The intermediate is issued by a root that is NOT in the MSP (implies withIntermediate). */
  foreignIntermediate?: boolean;
  /** The root has basicConstraints CA=false. */
  rootWithoutCaFlag?: boolean;
  /** The root's key usage lacks keyCertSign. */
  rootWithoutKeyCertSign?: boolean;
  /** The TLS root has basicConstraints CA=false. */
  tlsRootWithoutCaFlag?: boolean;
  caValidity?: CertWindow;
  adminValidity?: CertWindow;
  /** List the admin certificate in `msp.admins` (default: rely on NodeOUs, as Fabric CA setups do). */
  explicitAdmins?: boolean;
  /** The admin certificate is issued by a CA outside the MSP. */
  adminFromForeignCa?: boolean;
  /** The OU carried by the admin certificate (default `admin`). */
  adminOU?: string;
  /** `empty`: a valid CRL revoking nothing; `revoke-admin`: it revokes the admin; `foreign`: signed by another CA. */
  crl?: 'none' | 'empty' | 'revoke-admin' | 'foreign';
  nodeOUs?: Partial<NodeOUs>;
}

/** A generated organization: its MSP definition and the keys behind it. */
export interface TestOrg {
  mspId: string;
  domain: string;
  now: Date;
  msp: MspDefinition;
  rootCa: TestCa;
  intermediateCa?: TestCa;
  tlsCa: TestCa;
  /** A CA outside the MSP, for foreign-signature cases. */
  foreignCa: TestCa;
  adminCertPem: string;
  adminKey: KeyObject;
  clientCertPem: string;
  clientKey: KeyObject;
  peerCertPem: string;
  peerKey: KeyObject;
  tlsRootPem: string;
  ordererTls: { serverCertPem: string; clientCertPem: string };
  /** Issues another identity of this org with the given OU, as Fabric CA would. */
  issueIdentity(ou: string, cn: string): Promise<IssuedCert>;
}

/** Fabric CA's default NodeOU identifiers. */
export const DEFAULT_NODE_OUS: NodeOUs = {
  enable: true,
  clientOUIdentifier: 'client',
  peerOUIdentifier: 'peer',
  adminOUIdentifier: 'admin',
  ordererOUIdentifier: 'orderer',
};

/** The domain name tests derive from an MSP ID, e.g. `Org3MSP` → `org3.example.com`. */
function domainOf(mspId: string): string {
  return `${mspId.replace(/MSP$/i, '').toLowerCase()}.example.com`;
}

/**
 * Generates a real certificate tree for `mspId`: a root CA (optionally with an intermediate), a TLS CA,
 * admin/client/peer identities with Fabric CA's OU subjects, and orderer TLS certificates.
 */
export async function makeTestOrg(mspId: string, opts: TestOrgOptions = {}): Promise<TestOrg> {
  const now = new Date(Math.floor((opts.now ?? new Date()).getTime() / 1000) * 1000);
  const domain = domainOf(mspId);
  const caValidity = opts.caValidity ?? { notBefore: new Date(now.getTime() - DAY_MS), notAfter: new Date(now.getTime() + 3650 * DAY_MS) };
  const leafValidity = { notBefore: new Date(now.getTime() - DAY_MS), notAfter: new Date(now.getTime() + 365 * DAY_MS) };
  const keyAlgorithm = opts.keyAlgorithm ?? 'ec-p256';
  const caBase = `C=US, ST=North Carolina, L=Durham, O=${domain}`;

  const rootCa = await createRootCa({
    subject: `${caBase}, CN=ca.${domain}`,
    validity: caValidity,
    keyAlgorithm,
    isCa: !opts.rootWithoutCaFlag,
    keyUsage: opts.rootWithoutKeyCertSign ? CA_KEY_USAGE & ~x509.KeyUsageFlags.keyCertSign : CA_KEY_USAGE,
  });
  const foreignCa = await createRootCa({ subject: `C=US, O=foreign.example.com, CN=ca.foreign.example.com`, validity: caValidity });
  const tlsCa = await createRootCa({ subject: `${caBase}, CN=tlsca.${domain}`, validity: caValidity, keyAlgorithm, isCa: !opts.tlsRootWithoutCaFlag });

  let intermediateCa: TestCa | undefined;
  if (opts.withIntermediate || opts.foreignIntermediate) {
    const parent = opts.foreignIntermediate ? foreignCa : rootCa;
    intermediateCa = await issueIntermediateCa(parent, { subject: `${caBase}, CN=ica.${domain}`, validity: caValidity, keyAlgorithm });
  }
  const issuer = intermediateCa ?? rootCa;
  const identityBase = 'C=US, ST=North Carolina, O=Hyperledger';
  const issueIdentity = (ou: string, cn: string, from: TestCa = issuer, alg: TestKeyAlgorithm = keyAlgorithm, validity = leafValidity) =>
    issueCert(from, { subject: `${identityBase}, OU=${ou}, CN=${cn}`, validity, keyAlgorithm: alg });

  const admin = await issueIdentity(
    opts.adminOU ?? 'admin',
    `${mspId.toLowerCase()}admin`,
    opts.adminFromForeignCa ? foreignCa : issuer,
    opts.adminKeyAlgorithm ?? keyAlgorithm,
    opts.adminValidity ?? leafValidity,
  );
  const client = await issueIdentity('client', `user1@${domain}`);
  const peer = await issueIdentity('peer', `peer0.${domain}`);
  const tlsServer = await issueCert(tlsCa, {
    subject: `${identityBase}, OU=orderer, CN=orderer0.${domain}`,
    validity: leafValidity,
    keyAlgorithm,
    extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH],
    sans: [
      { type: 'dns', value: `orderer0.${domain}` },
      { type: 'ip', value: '127.0.0.1' },
    ],
  });
  const tlsClient = await issueCert(tlsCa, { subject: `${identityBase}, OU=orderer, CN=orderer0.${domain}`, validity: leafValidity, keyAlgorithm, extendedKeyUsage: [CLIENT_AUTH] });

  const revocationList: string[] = [];
  if (opts.crl === 'empty') revocationList.push(await makeCrl(issuer, [], now));
  if (opts.crl === 'revoke-admin') revocationList.push(await makeCrl(issuer, [admin.cert], now));
  if (opts.crl === 'foreign') revocationList.push(await makeCrl(foreignCa, [], now));

  const msp: MspDefinition = {
    mspId,
    rootCerts: [rootCa.certPem],
    intermediateCerts: intermediateCa ? [intermediateCa.certPem] : [],
    tlsRootCerts: [tlsCa.certPem],
    tlsIntermediateCerts: [],
    admins: opts.explicitAdmins || opts.adminFromForeignCa ? [admin.certPem] : [],
    nodeOUs: { ...DEFAULT_NODE_OUS, ...opts.nodeOUs },
    revocationList,
  };
  return {
    mspId,
    domain,
    now,
    msp,
    rootCa,
    intermediateCa,
    tlsCa,
    foreignCa,
    adminCertPem: admin.certPem,
    adminKey: admin.key.privateKey,
    clientCertPem: client.certPem,
    clientKey: client.key.privateKey,
    peerCertPem: peer.certPem,
    peerKey: peer.key.privateKey,
    tlsRootPem: tlsCa.certPem,
    ordererTls: { serverCertPem: tlsServer.certPem, clientCertPem: tlsClient.certPem },
    issueIdentity: (ou, cn) => issueIdentity(ou, cn),
  };
}
