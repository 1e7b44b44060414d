import { createHash, createPrivateKey, createPublicKey, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signers, type Identity, type Signer } from '@hyperledger/fabric-gateway';
import { common, msp } from '@hyperledger/fabric-protos';
import { FabricAdminError } from './fabric-admin-error';

/** Fabric clients use 24 random bytes; the nonce makes every transaction ID unique. */
const NONCE_BYTES = 24;

/** An org identity (usually the org admin) that signs proposals, envelopes and config updates. */
export interface SigningIdentity {
  readonly mspId: string;
  readonly certificatePem: string;
  /** The serialized `msp.SerializedIdentity` (MSP ID and PEM certificate): the `creator` of every header. */
  readonly creator: Uint8Array;
  /** The identity as fabric-gateway's `connect()` takes it. */
  readonly gatewayIdentity: Identity;
  /** A digest signer as fabric-gateway's `connect()` takes it; pair it with `hash.sha256`. */
  readonly digestSigner: Signer;
  /** Signs a message: ECDSA over its SHA-256 digest, DER encoded, with the low-S form Fabric requires. */
  sign(message: Uint8Array): Promise<Uint8Array>;
  /** A SignatureHeader with this identity as creator and a fresh random nonce. */
  newSignatureHeader(): common.SignatureHeader;
}

/** Where an identity's files are: the certificate and private key PEM files. */
export interface SigningIdentityFiles {
  mspId: string;
  certificateFile: string;
  privateKeyFile: string;
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/**
 * An identity from its PEM certificate and private key. Refuses a key that does not match the certificate,
 * which would otherwise surface much later as an opaque "access denied" from a peer.
 */
export function newSigningIdentity(mspId: string, certificatePem: string, privateKeyPem: string | Uint8Array): SigningIdentity {
  const privateKey = createPrivateKey(Buffer.from(privateKeyPem));
  const certificate = new X509Certificate(certificatePem);
  if (!spki(certificate.publicKey).equals(spki(createPublicKey(privateKey)))) {
    throw new FabricAdminError('INVALID_IDENTITY', `the private key of ${mspId} does not match its certificate ${certificate.subject.replace(/\n/g, ', ')}`);
  }
  // fabric-gateway's signer normalizes ECDSA signatures to low S; Fabric rejects high-S signatures.
  const digestSigner = signers.newPrivateKeySigner(privateKey);
  const serialized = new msp.SerializedIdentity();
  serialized.setMspid(mspId);
  serialized.setIdBytes(Buffer.from(certificatePem));
  const creator = serialized.serializeBinary();
  return {
    mspId,
    certificatePem,
    creator,
    gatewayIdentity: { mspId, credentials: Buffer.from(certificatePem) },
    digestSigner,
    sign: (message) => digestSigner(createHash('sha256').update(message).digest()),
    newSignatureHeader: () => {
      const header = new common.SignatureHeader();
      header.setCreator(creator);
      header.setNonce(randomBytes(NONCE_BYTES));
      return header;
    },
  };
}

/** Reads an identity from its certificate and key files. */
export async function loadSigningIdentity(files: SigningIdentityFiles): Promise<SigningIdentity> {
  const [certificatePem, privateKeyPem] = await Promise.all([readFile(files.certificateFile, 'utf8'), readFile(files.privateKeyFile)]);
  return newSigningIdentity(files.mspId, certificatePem, privateKeyPem);
}

/**
 * Reads an identity from an MSP folder as Fabric CA enrolls it: the one certificate in `signcerts/` and the one
 * key in `keystore/`. More than one of either is ambiguous and refused.
 */
export async function loadSigningIdentityFromMsp(mspId: string, mspDir: string): Promise<SigningIdentity> {
  const only = async (folder: string): Promise<string> => {
    const files = (await readdir(join(mspDir, folder))).filter((f) => !f.startsWith('.'));
    if (files.length !== 1) throw new Error(`expected exactly one file in ${join(mspDir, folder)}, found ${files.length}`);
    return join(mspDir, folder, files[0]);
  };
  return loadSigningIdentity({ mspId, certificateFile: await only('signcerts'), privateKeyFile: await only('keystore') });
}
