import { verify, X509Certificate } from 'node:crypto';
import { common, msp } from '@hyperledger/fabric-protos';

// The order of P-256; Fabric refuses ECDSA signatures whose S is above half of it.
const P256_HALF_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551') / 2n;

function sOf(der: Uint8Array): bigint {
  const rLength = der[3];
  const sStart = 4 + rLength + 2;
  return BigInt(`0x${Buffer.from(der.subarray(sStart, sStart + der[sStart - 1])).toString('hex')}`);
}

/** The org MSP configs of a channel config, by MSP ID. */
export function channelMsps(config: common.Config): Map<string, msp.FabricMSPConfig> {
  const out = new Map<string, msp.FabricMSPConfig>();
  for (const section of ['Application', 'Orderer']) {
    const parent = config.getChannelGroup()?.getGroupsMap().get(section) as common.ConfigGroup | undefined;
    parent?.getGroupsMap().forEach((org: common.ConfigGroup) => {
      const value = org.getValuesMap().get('MSP') as common.ConfigValue | undefined;
      if (!value) return;
      const fabricMsp = msp.FabricMSPConfig.deserializeBinary(msp.MSPConfig.deserializeBinary(value.getValue_asU8()).getConfig_asU8());
      out.set(fabricMsp.getName(), fabricMsp);
    });
  }
  return out;
}

/**
 * Who signed `message` with `signatureHeader`, as a Fabric orderer checks it: the creator's certificate is
 * issued by its MSP's root or intermediate CA in the channel config, it is an admin (NodeOU `admin`), and
 * the ECDSA signature is valid and low-S. Returns the signer's MSP ID, or why the signature is refused.
 */
export function checkSignature(config: common.Config, headerBytes: Uint8Array, message: Uint8Array, signature: Uint8Array, requireAdmin: boolean): { mspId: string } | { refused: string } {
  const creator = msp.SerializedIdentity.deserializeBinary(common.SignatureHeader.deserializeBinary(headerBytes).getCreator_asU8());
  const fabricMsp = channelMsps(config).get(creator.getMspid());
  if (!fabricMsp) return { refused: `${creator.getMspid()} is not an org of the channel` };
  const cert = new X509Certificate(Buffer.from(creator.getIdBytes_asU8()));
  const cas = [...fabricMsp.getRootCertsList_asU8(), ...fabricMsp.getIntermediateCertsList_asU8()].map((b) => new X509Certificate(Buffer.from(b)));
  if (!cas.some((ca) => cert.checkIssued(ca) && cert.verify(ca.publicKey))) return { refused: 'certificate not issued by the MSP' };
  if (requireAdmin && !cert.subject.split('\n').includes('OU=admin')) return { refused: 'not an admin' };
  if (!verify('sha256', message, { key: cert.publicKey, dsaEncoding: 'der' }, signature)) return { refused: 'signature does not verify' };
  if (sOf(signature) > P256_HALF_ORDER) return { refused: 'high-S signature' };
  return { mspId: creator.getMspid() };
}
