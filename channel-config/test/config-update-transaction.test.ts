import { common } from '@hyperledger/fabric-protos';
import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import {
  buildConfigUpdateEnvelope,
  buildConfigUpdateTransaction,
  computeTxId,
  configUpdateDigest,
  decodeConfigUpdate,
  newSignatureHeader,
  serializeConfigUpdate,
  serializeIdentity,
  signConfigUpdate,
  type Signer,
} from '../src';
import { makeTestOrg, type TestOrg } from '../../core/test/support/cert-tree';
import { makeGroup } from './support/hand-made-config';

describe('config update signatures and envelope', () => {
  let org1: TestOrg;
  let org2: TestOrg;
  let updateBytes: Uint8Array;
  const signerOf = (org: TestOrg): Signer => async (message) => sign('sha256', message, org.adminKey);
  const verifies = (org: TestOrg, message: Uint8Array, signature: Uint8Array) => verify('sha256', message, createPublicKey(org.adminCertPem), signature);
  const nonce = Uint8Array.from({ length: 24 }, (_, i) => i);
  const at = new Date('2025-03-04T05:06:07.089Z');

  beforeAll(async () => {
    [org1, org2] = await Promise.all([makeTestOrg('Org1MSP'), makeTestOrg('Org2MSP')]);
    const update = new common.ConfigUpdate();
    update.setChannelId('ops-channel');
    update.setReadSet(makeGroup({ version: 1 }));
    update.setWriteSet(makeGroup({ version: 1, values: { X: { bytes: 'x' } } }));
    updateBytes = serializeConfigUpdate(update);
  });

  it('names an update by the hex SHA-256 of its bytes', () => {
    expect(configUpdateDigest(updateBytes)).toBe(createHash('sha256').update(updateBytes).digest('hex'));
    expect(decodeConfigUpdate(updateBytes).getChannelId()).toBe('ops-channel');
  });

  it("signs signature_header || config_update with the org's key, over the exact header bytes it carries", async () => {
    const creator = serializeIdentity('Org2MSP', org2.adminCertPem);

    const signature = await signConfigUpdate(updateBytes, newSignatureHeader(creator, nonce), signerOf(org2));

    const header = signature.getSignatureHeader_asU8();
    expect(common.SignatureHeader.deserializeBinary(header).getCreator_asU8()).toEqual(creator);
    expect(verifies(org2, Buffer.concat([header, updateBytes]), signature.getSignature_asU8())).toBe(true);
  });

  it('serializes the creator as MSP ID plus PEM certificate', () => {
    const creator = serializeIdentity('Org1MSP', org1.adminCertPem);

    expect(Buffer.from(creator).toString('utf8')).toContain('Org1MSP');
    expect(Buffer.from(creator).toString('utf8')).toContain(org1.adminCertPem);
  });

  it('wraps the signed update in a CONFIG_UPDATE transaction signed by the submitter', async () => {
    const creator = serializeIdentity('Org1MSP', org1.adminCertPem);
    const signatures = [await signConfigUpdate(updateBytes, newSignatureHeader(serializeIdentity('Org2MSP', org2.adminCertPem), nonce), signerOf(org2))];

    const envelope = await buildConfigUpdateTransaction({
      channelId: 'ops-channel',
      configUpdateEnvelope: buildConfigUpdateEnvelope(updateBytes, signatures),
      signatureHeader: newSignatureHeader(creator, nonce),
      timestamp: at,
      sign: signerOf(org1),
    });

    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    const channelHeader = common.ChannelHeader.deserializeBinary(payload.getHeader()!.getChannelHeader_asU8());
    expect([channelHeader.getType(), channelHeader.getChannelId(), channelHeader.getEpoch()]).toEqual([common.HeaderType.CONFIG_UPDATE, 'ops-channel', 0]);
    expect(channelHeader.getTxId()).toBe(createHash('sha256').update(Buffer.concat([nonce, creator])).digest('hex'));
    expect(channelHeader.getTxId()).toBe(computeTxId(nonce, creator));
    expect([channelHeader.getTimestamp().getSeconds(), channelHeader.getTimestamp().getNanos()]).toEqual([Math.floor(at.getTime() / 1000), 89_000_000]);
    const carried = common.ConfigUpdateEnvelope.deserializeBinary(payload.getData_asU8());
    expect(carried.getConfigUpdate_asU8()).toEqual(updateBytes);
    expect(carried.getSignaturesList()).toHaveLength(1);
    expect(verifies(org1, envelope.getPayload_asU8(), envelope.getSignature_asU8())).toBe(true);
  });

  it('builds the same payload bytes for the same inputs', async () => {
    const build = () =>
      buildConfigUpdateTransaction({
        channelId: 'ops-channel',
        configUpdateEnvelope: buildConfigUpdateEnvelope(updateBytes, []),
        signatureHeader: newSignatureHeader(serializeIdentity('Org1MSP', org1.adminCertPem), nonce),
        timestamp: at,
        sign: async () => new Uint8Array([1]),
      });

    const [a, b] = await Promise.all([build(), build()]);

    expect(a.getPayload_asU8()).toEqual(b.getPayload_asU8());
  });

  it('refuses an invalid timestamp', async () => {
    const attempt = buildConfigUpdateTransaction({
      channelId: 'ops-channel',
      configUpdateEnvelope: buildConfigUpdateEnvelope(updateBytes, []),
      signatureHeader: newSignatureHeader(new Uint8Array([1]), nonce),
      timestamp: new Date('not a date'),
      sign: async () => new Uint8Array([1]),
    });

    await expect(attempt).rejects.toThrow(/not a valid date/);
  });
});
