import type { common } from '@hyperledger/fabric-protos';

/**
 * This org's admin identity. `sign` takes the whole message and returns the DER ECDSA signature over its
 * SHA-256 digest in the low-S form Fabric requires; agent/src/fabric's SigningIdentity fits as it is.
 */
export interface SignerPort {
  readonly mspId: string;
  /** The serialized `msp.SerializedIdentity`: the `creator` of every header this identity signs. */
  readonly creator: Uint8Array;
  sign(message: Uint8Array): Promise<Uint8Array>;
  /** A SignatureHeader with this identity as creator and a fresh random nonce. */
  newSignatureHeader(): common.SignatureHeader;
}
