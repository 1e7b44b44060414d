import { common, msp as mspProto } from '@hyperledger/fabric-protos';

/**
 * Signs a message with an org identity's private key and returns the signature Fabric expects: for ECDSA,
 * DER with SHA-256 and a low S value (Fabric rejects high-S signatures; node's crypto.sign does not
 * normalize S). It receives the whole message, not a digest: to use a fabric-gateway signer, which signs
 * digests, pass `(m) => gatewaySigner(sha256(m))`.
 */
export type Signer = (message: Uint8Array) => Promise<Uint8Array>;

/** The serialized identity (`creator`) of an X.509 identity: its MSP ID and PEM certificate. */
export function serializeIdentity(mspId: string, certificatePem: string): Uint8Array {
  const identity = new mspProto.SerializedIdentity();
  identity.setMspid(mspId);
  identity.setIdBytes(new TextEncoder().encode(certificatePem));
  return identity.serializeBinary();
}

/**
 * A SignatureHeader for `creator` (a serialized identity). The nonce is passed in, not drawn here, so
 * that callers control randomness; Fabric's clients use 24 random bytes.
 */
export function newSignatureHeader(creator: Uint8Array, nonce: Uint8Array): common.SignatureHeader {
  const header = new common.SignatureHeader();
  header.setCreator(creator);
  header.setNonce(nonce);
  return header;
}

/**
 * One org's signature on a config update. Fabric verifies it over `signature_header || config_update`,
 * both taken as the exact bytes carried in the envelope.
 */
export async function signConfigUpdate(configUpdateBytes: Uint8Array, signatureHeader: common.SignatureHeader, sign: Signer): Promise<common.ConfigSignature> {
  const headerBytes = signatureHeader.serializeBinary();
  const signed = new Uint8Array(headerBytes.length + configUpdateBytes.length);
  signed.set(headerBytes, 0);
  signed.set(configUpdateBytes, headerBytes.length);
  const signature = new common.ConfigSignature();
  signature.setSignatureHeader(headerBytes);
  signature.setSignature(await sign(signed));
  return signature;
}
