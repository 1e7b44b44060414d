import { verify, X509Certificate } from 'node:crypto';
import { common, msp as mspProto } from '@hyperledger/fabric-protos';
import type { ConfigSignatureRecord } from '@opssc/core';
import { orgMspConfig } from './channel-orgs';

/** The orgs whose recorded signatures are valid, and why the others are not. */
export interface SignatureCheck {
  signers: string[];
  rejected: { mspId: string; reason: string }[];
}

const pem = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

function issuedByMsp(cert: X509Certificate, fabricMsp: mspProto.FabricMSPConfig): boolean {
  const cas = [...fabricMsp.getRootCertsList_asU8(), ...fabricMsp.getIntermediateCertsList_asU8()].map((b) => new X509Certificate(pem(b)));
  return cas.some((ca) => cert.checkIssued(ca) && cert.verify(ca.publicKey));
}

// With NodeOUs an admin carries the admin OU; without them admins are listed explicitly.
function isAdmin(cert: X509Certificate, fabricMsp: mspProto.FabricMSPConfig): boolean {
  if (fabricMsp.getAdminsList_asU8().some((admin) => new X509Certificate(pem(admin)).fingerprint256 === cert.fingerprint256)) return true;
  const adminOu = fabricMsp.getFabricNodeOus()?.getAdminOuIdentifier()?.getOrganizationalUnitIdentifier();
  return adminOu !== undefined && cert.subject.split('\n').includes(`OU=${adminOu}`);
}

function problemOf(record: ConfigSignatureRecord, config: common.Config, update: Uint8Array): string | undefined {
  const header = Buffer.from(record.signatureHeader, 'base64');
  const creator = mspProto.SerializedIdentity.deserializeBinary(common.SignatureHeader.deserializeBinary(header).getCreator_asU8());
  if (creator.getMspid() !== record.mspId) return `signed by a ${creator.getMspid()} identity`;
  const fabricMsp = orgMspConfig(config, record.mspId);
  if (!fabricMsp) return `${record.mspId} is not an org of this channel`;
  const cert = new X509Certificate(pem(creator.getIdBytes_asU8()));
  if (!issuedByMsp(cert, fabricMsp)) return 'the signing certificate is not issued by the org\'s CAs';
  if (!isAdmin(cert, fabricMsp)) return 'the signing identity is not an admin';
  // Fabric verifies a config signature over signature_header || config_update
  const signed = Buffer.concat([header, Buffer.from(update)]);
  if (!verify('sha256', signed, { key: cert.publicKey, dsaEncoding: 'der' }, Buffer.from(record.signature, 'base64'))) return 'the signature does not verify';
  return undefined;
}

/**
 * Checks the recorded signatures the way the orderer will: each must be by an admin of the org it is
 * recorded for, issued by that org's CAs in the channel config, over the exact recorded update bytes.
 * Only valid signatures count towards the mod_policy, so a bad record never gets broadcast.
 */
export function checkSignatures(config: common.Config, update: Uint8Array, records: readonly ConfigSignatureRecord[]): SignatureCheck {
  const check: SignatureCheck = { signers: [], rejected: [] };
  for (const record of records) {
    let problem: string | undefined;
    try {
      problem = problemOf(record, config, update);
    } catch (err) {
      problem = `the signature record does not decode: ${(err as Error).message}`;
    }
    if (problem) check.rejected.push({ mspId: record.mspId, reason: problem });
    else if (!check.signers.includes(record.mspId)) check.signers.push(record.mspId);
  }
  check.signers.sort();
  return check;
}
