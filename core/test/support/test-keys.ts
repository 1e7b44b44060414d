import { KeyObject, webcrypto } from 'node:crypto';

/** Key algorithms the test CA can issue for, including ones the validator must refuse. */
export type TestKeyAlgorithm = 'ec-p256' | 'ec-p384' | 'rsa-1024' | 'rsa-2048';

/** A generated key pair in both forms: WebCrypto keys for @peculiar/x509, a KeyObject for node:crypto signing. */
export interface TestKeyPair {
  algorithm: TestKeyAlgorithm;
  keys: webcrypto.CryptoKeyPair;
  privateKey: KeyObject;
  /** The certificate/CRL signature algorithm this key signs with (always SHA-256, as Fabric CA does). */
  signingAlgorithm: webcrypto.EcdsaParams | webcrypto.Algorithm;
}

/** Generates a fresh key pair; extractable so tests can hand the private key to node:crypto. */
export async function generateTestKey(algorithm: TestKeyAlgorithm = 'ec-p256'): Promise<TestKeyPair> {
  if (algorithm === 'ec-p256' || algorithm === 'ec-p384') {
    const namedCurve = algorithm === 'ec-p256' ? 'P-256' : 'P-384';
    const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve }, true, ['sign', 'verify']);
    return { algorithm, keys, privateKey: KeyObject.from(keys.privateKey), signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } };
  }
  const modulusLength = algorithm === 'rsa-1024' ? 1024 : 2048;
  const rsa = { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify']);
  return { algorithm, keys, privateKey: KeyObject.from(keys.privateKey), signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5' } };
}
