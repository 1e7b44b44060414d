import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msp } from '@hyperledger/fabric-protos';
import { FabricAdminError, loadSigningIdentityFromMsp, newSigningIdentity } from '../../src/fabric';
import { generateKeyPair, type TestKeyPair } from './support/test-identity';

// The order of the P-256 group; Fabric accepts only signatures whose S is at most half of it.
const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

/** The S integer of a DER-encoded ECDSA signature: SEQUENCE { INTEGER r, INTEGER s }. */
function sOf(der: Uint8Array): bigint {
  const rLength = der[3];
  const sStart = 4 + rLength + 2;
  return BigInt(`0x${Buffer.from(der.subarray(sStart, sStart + der[sStart - 1])).toString('hex')}`);
}

describe('a signing identity', () => {
  let keys: TestKeyPair;
  beforeAll(async () => {
    keys = await generateKeyPair();
  });

  it('produces ECDSA signatures over the SHA-256 digest that the certificate key verifies', async () => {
    const identity = newSigningIdentity('Org1MSP', keys.certificatePem, keys.privateKeyPem);
    const message = Buffer.from('proposal bytes');

    const signature = await identity.sign(message);

    const publicKey = new X509Certificate(keys.certificatePem).publicKey;
    expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    expect(verify('sha256', Buffer.from('other bytes'), { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(false);
  });

  it('always produces the low-S form that Fabric requires', async () => {
    const identity = newSigningIdentity('Org1MSP', keys.certificatePem, keys.privateKeyPem);

    // Without normalization about half of all ECDSA signatures have a high S; 64 of them would show one.
    const signatures = await Promise.all(Array.from({ length: 64 }, (_, i) => identity.sign(Buffer.from(`message ${i}`))));

    for (const signature of signatures) expect(sOf(signature) <= P256_ORDER / 2n).toBe(true);
  });

  it('serializes as an msp.SerializedIdentity holding the MSP ID and the PEM certificate', () => {
    const identity = newSigningIdentity('Org1MSP', keys.certificatePem, keys.privateKeyPem);

    const serialized = msp.SerializedIdentity.deserializeBinary(identity.creator);

    expect(serialized.getMspid()).toBe('Org1MSP');
    expect(Buffer.from(serialized.getIdBytes_asU8()).toString('utf8')).toBe(keys.certificatePem);
  });

  it('gives every signature header the creator and a fresh 24-byte nonce', () => {
    const identity = newSigningIdentity('Org1MSP', keys.certificatePem, keys.privateKeyPem);

    const [first, second] = [identity.newSignatureHeader(), identity.newSignatureHeader()];

    expect(first.getCreator_asU8()).toEqual(identity.creator);
    expect(first.getNonce_asU8()).toHaveLength(24);
    expect(Buffer.from(first.getNonce_asU8()).equals(Buffer.from(second.getNonce_asU8()))).toBe(false);
  });

  it('refuses a private key that belongs to another certificate with INVALID_IDENTITY', async () => {
    const other = await generateKeyPair('someone-else');

    const load = () => newSigningIdentity('Org1MSP', keys.certificatePem, other.privateKeyPem);

    expect(load).toThrow(FabricAdminError);
    expect(load).toThrow(/^INVALID_IDENTITY: the private key of Org1MSP does not match its certificate/);
  });

  it('loads from an MSP folder as Fabric CA enrolls it', async () => {
    const mspDir = mkdtempSync(join(tmpdir(), 'agent-msp-'));
    mkdirSync(join(mspDir, 'signcerts'));
    mkdirSync(join(mspDir, 'keystore'));
    writeFileSync(join(mspDir, 'signcerts', 'cert.pem'), keys.certificatePem);
    writeFileSync(join(mspDir, 'keystore', 'abc_sk'), keys.privateKeyPem);

    const identity = await loadSigningIdentityFromMsp('Org1MSP', mspDir);

    const signature = await identity.sign(Buffer.from('x'));
    expect(verify('sha256', Buffer.from('x'), { key: createPublicKey(keys.certificatePem), dsaEncoding: 'der' }, signature)).toBe(true);
  });

  it('refuses an MSP folder whose keystore holds more than one key, since the right one is ambiguous', async () => {
    const mspDir = mkdtempSync(join(tmpdir(), 'agent-msp-'));
    mkdirSync(join(mspDir, 'signcerts'));
    mkdirSync(join(mspDir, 'keystore'));
    writeFileSync(join(mspDir, 'signcerts', 'cert.pem'), keys.certificatePem);
    writeFileSync(join(mspDir, 'keystore', 'a_sk'), keys.privateKeyPem);
    writeFileSync(join(mspDir, 'keystore', 'b_sk'), keys.privateKeyPem);

    await expect(loadSigningIdentityFromMsp('Org1MSP', mspDir)).rejects.toThrow(/expected exactly one file in .*keystore, found 2/);
  });
});
