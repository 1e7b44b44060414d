import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { common } from '@hyperledger/fabric-protos';
import { blockNumber, channelIdOfBlock, isConfigBlock, lastConfigIndex } from '../../src/fabric';

/**
 * Real blocks of a local network's ops-channel, fetched from its orderer: 0 is configtxgen's genesis block,
 * 3 a chaincode commit, 6 a config update (Org1's Endorsement policy) and 7 an approval after it.
 */
const fixture = (n: number) => common.Block.deserializeBinary(readFileSync(join(__dirname, 'fixtures', `ops-channel-${n}.block`)));

describe('reading a block', () => {
  it('finds the channel and the number of a real block', () => {
    const block = fixture(7);

    expect(channelIdOfBlock(block)).toBe('ops-channel');
    expect(blockNumber(block)).toBe(7);
  });

  it('tells config blocks from transaction blocks', () => {
    expect([0, 3, 6, 7].map((n) => isConfigBlock(fixture(n)))).toEqual([true, false, true, false]);
  });
});

describe('the last config index of a block', () => {
  it('is read from the SIGNATURES metadata of a transaction block cut after a config update', () => {
    expect(lastConfigIndex(fixture(7))).toBe(6);
  });

  it('is 0 for a transaction block cut before any config update', () => {
    expect(lastConfigIndex(fixture(3))).toBe(0);
  });

  it('is 0 for the genesis block, whose SIGNATURES metadata configtxgen fills with last_config 0', () => {
    expect(lastConfigIndex(fixture(0))).toBe(0);
  });

  it("is a config block's own number, whatever its metadata says", () => {
    const block = fixture(6);
    block.getMetadata()!.setMetadataList([new Uint8Array(), new Uint8Array(), new Uint8Array()]);

    expect(lastConfigIndex(block)).toBe(6);
  });

  it('falls back to the LAST_CONFIG slot that Fabric 1.x wrote', () => {
    const block = fixture(7);
    const slots = block.getMetadata()!.getMetadataList_asU8();
    const lastConfig = new common.LastConfig();
    lastConfig.setIndex(5);
    const legacy = new common.Metadata();
    legacy.setValue(lastConfig.serializeBinary());
    slots[common.BlockMetadataIndex.SIGNATURES] = new Uint8Array();
    slots[common.BlockMetadataIndex.LAST_CONFIG] = legacy.serializeBinary();
    block.getMetadata()!.setMetadataList(slots);

    expect(lastConfigIndex(block)).toBe(5);
  });

  it('is refused with MALFORMED_RESPONSE when a transaction block records none', () => {
    const block = fixture(7);
    block.getMetadata()!.setMetadataList([new Uint8Array(), new Uint8Array(), new Uint8Array()]);

    expect(() => lastConfigIndex(block)).toThrow(/^MALFORMED_RESPONSE: block 7 records no last config index/);
  });
});
