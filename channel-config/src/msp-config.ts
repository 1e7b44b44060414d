import { msp as mspProto } from '@hyperledger/fabric-protos';
import type { MspDefinition } from '@opssc/core';

/** `MSPConfig.type` of an X.509 (non-idemix) MSP. */
const FABRIC_MSP_TYPE = 0;

// PEM text goes into the config as the exact bytes of the string, the way configtxgen copies the bytes of
// each file in the MSP folder: two agents given the same MspDefinition produce byte-identical values.
function pemBytes(pem: string): Uint8Array {
  return new TextEncoder().encode(pem);
}

function ouIdentifier(ou: string, certificate: string | undefined): mspProto.FabricOUIdentifier {
  const identifier = new mspProto.FabricOUIdentifier();
  identifier.setOrganizationalUnitIdentifier(ou);
  if (certificate !== undefined) {
    identifier.setCertificate(pemBytes(certificate));
  }
  return identifier;
}

function nodeOUs(definition: MspDefinition): mspProto.FabricNodeOUs {
  // A NodeOU may name the CA whose chain an identity must contain. With a single root CA that is the
  // root (it is in every chain, including chains through intermediates), as fabric-ca's config.yaml does.
  // With several roots, naming one would lock out identities of the others, so no certificate is set.
  const certificate = definition.rootCerts.length === 1 ? definition.rootCerts[0] : undefined;
  const ous = definition.nodeOUs;
  const result = new mspProto.FabricNodeOUs();
  result.setEnable(true);
  // configtxgen leaves out an identifier whose OU string is empty; so does this.
  if (ous.clientOUIdentifier) result.setClientOuIdentifier(ouIdentifier(ous.clientOUIdentifier, certificate));
  if (ous.peerOUIdentifier) result.setPeerOuIdentifier(ouIdentifier(ous.peerOUIdentifier, certificate));
  if (ous.adminOUIdentifier) result.setAdminOuIdentifier(ouIdentifier(ous.adminOUIdentifier, certificate));
  if (ous.ordererOUIdentifier) result.setOrdererOuIdentifier(ouIdentifier(ous.ordererOUIdentifier, certificate));
  return result;
}

/**
 * The verifying MSP config of an organization (no signing identity), as configtxgen builds it from an
 * MSP folder: certs, admins, CRLs, SHA2/SHA256 crypto config, TLS roots and NodeOUs.
 */
export function buildFabricMspConfig(definition: MspDefinition): mspProto.FabricMSPConfig {
  const config = new mspProto.FabricMSPConfig();
  config.setName(definition.mspId);
  config.setRootCertsList(definition.rootCerts.map(pemBytes));
  config.setIntermediateCertsList(definition.intermediateCerts.map(pemBytes));
  config.setAdminsList(definition.admins.map(pemBytes));
  config.setRevocationListList(definition.revocationList.map(pemBytes));
  const crypto = new mspProto.FabricCryptoConfig();
  crypto.setSignatureHashFamily('SHA2');
  crypto.setIdentityIdentifierHashFunction('SHA256');
  config.setCryptoConfig(crypto);
  config.setTlsRootCertsList(definition.tlsRootCerts.map(pemBytes));
  // Fabric's MSP loader only reads TLS intermediates when there are TLS roots.
  config.setTlsIntermediateCertsList(definition.tlsRootCerts.length > 0 ? definition.tlsIntermediateCerts.map(pemBytes) : []);
  // NodeOUs are written only when enabled, as configtxgen does for a config.yaml with `Enable: false`.
  if (definition.nodeOUs.enable) {
    config.setFabricNodeOus(nodeOUs(definition));
  }
  return config;
}

/** The serialized `MSPConfig` that goes in an org group's `MSP` value. */
export function mspValueBytes(definition: MspDefinition): Uint8Array {
  const config = new mspProto.MSPConfig();
  config.setType(FABRIC_MSP_TYPE);
  config.setConfig(buildFabricMspConfig(definition).serializeBinary());
  return config.serializeBinary();
}
