import { common } from '@hyperledger/fabric-protos';
import { configFromBlock, decodeConfigBlock, lastConfigBlockNumber } from '../src';
import { makeConfig } from './support/hand-made-config';
import { makeBlock, makeConfigBlock, setMetadata } from './support/hand-made-block';

describe('config blocks', () => {
  it('decodes the channel id, the config and its sequence from a config block', () => {
    const config = makeConfig({ groups: { Application: {} } }, 7);

    const decoded = decodeConfigBlock(makeConfigBlock('ops-channel', config).serializeBinary());

    expect(decoded.channelId).toBe('ops-channel');
    expect(decoded.sequence).toBe(7);
    expect(decoded.config.serializeBinary()).toEqual(config.serializeBinary());
  });

  it('when the block carries a transaction, not a config, refuses with NOT_A_CONFIG_BLOCK', () => {
    const block = makeBlock({ type: common.HeaderType.ENDORSER_TRANSACTION, channelId: 'ops-channel', data: new Uint8Array([1, 2]) });

    expect(() => configFromBlock(block)).toThrow(expect.objectContaining({ reason: 'NOT_A_CONFIG_BLOCK' }));
  });

  it('when the bytes are no block at all, refuses with NOT_A_CONFIG_BLOCK', () => {
    expect(() => decodeConfigBlock(new TextEncoder().encode('not a block'))).toThrow(expect.objectContaining({ reason: 'NOT_A_CONFIG_BLOCK' }));
  });

  it('reads the last config block number from the orderer block metadata', () => {
    const block = makeBlock({ type: common.HeaderType.ENDORSER_TRANSACTION, channelId: 'c', data: new Uint8Array(), number: 12 });
    const lastConfig = new common.LastConfig();
    lastConfig.setIndex(9);
    const ordererMetadata = new common.OrdererBlockMetadata();
    ordererMetadata.setLastConfig(lastConfig);
    setMetadata(block, { [common.BlockMetadataIndex.SIGNATURES]: ordererMetadata.serializeBinary() });

    expect(lastConfigBlockNumber(block)).toBe(9);
  });

  it('falls back to the legacy LAST_CONFIG metadata slot', () => {
    const block = makeBlock({ type: common.HeaderType.ENDORSER_TRANSACTION, channelId: 'c', data: new Uint8Array() });
    const lastConfig = new common.LastConfig();
    lastConfig.setIndex(4);
    setMetadata(block, { [common.BlockMetadataIndex.LAST_CONFIG]: lastConfig.serializeBinary() });

    expect(lastConfigBlockNumber(block)).toBe(4);
  });

  it('when the metadata records no last config, refuses with MALFORMED_CONFIG', () => {
    const block = makeBlock({ type: common.HeaderType.ENDORSER_TRANSACTION, channelId: 'c', data: new Uint8Array() });

    expect(() => lastConfigBlockNumber(block)).toThrow(expect.objectContaining({ reason: 'MALFORMED_CONFIG' }));
  });
});
