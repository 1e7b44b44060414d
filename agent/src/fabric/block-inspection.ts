import { common } from '@hyperledger/fabric-protos';
import { FabricAdminError } from './fabric-admin-error';

function firstChannelHeader(block: common.Block): common.ChannelHeader {
  const [envelopeBytes] = block.getData()?.getDataList_asU8() ?? [];
  if (!envelopeBytes) throw new FabricAdminError('MALFORMED_RESPONSE', `block ${blockNumber(block)} holds no transaction`);
  const payload = common.Payload.deserializeBinary(common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8());
  const headerBytes = payload.getHeader()?.getChannelHeader_asU8();
  if (!headerBytes?.length) throw new FabricAdminError('MALFORMED_RESPONSE', `block ${blockNumber(block)} has a transaction without a channel header`);
  return common.ChannelHeader.deserializeBinary(headerBytes);
}

/** The block's number. */
export function blockNumber(block: common.Block): number {
  return block.getHeader()?.getNumber() ?? 0;
}

/** The channel a block belongs to, from its first transaction's channel header. */
export function channelIdOfBlock(block: common.Block): string {
  return firstChannelHeader(block).getChannelId();
}

/** True for a config block: its single transaction is a CONFIG envelope. */
export function isConfigBlock(block: common.Block): boolean {
  return (block.getData()?.getDataList().length ?? 0) === 1 && firstChannelHeader(block).getType() === common.HeaderType.CONFIG;
}

/**
 * The number of the last config block at the time this block was cut. Fabric 2.x records it in the
 * SIGNATURES metadata (`OrdererBlockMetadata.last_config`); the LAST_CONFIG slot is the 1.x place and is
 * read only when the first is absent. A config block is its own last config, which needs no metadata at all
 * (configtxgen writes `last_config: 0` into a genesis block, but nothing requires a block maker to).
 */
export function lastConfigIndex(block: common.Block): number {
  if (isConfigBlock(block)) return blockNumber(block);
  const slots = block.getMetadata()?.getMetadataList_asU8() ?? [];
  const signatures = slots[common.BlockMetadataIndex.SIGNATURES];
  if (signatures?.length) {
    const value = common.Metadata.deserializeBinary(signatures).getValue_asU8();
    const lastConfig = value.length ? common.OrdererBlockMetadata.deserializeBinary(value).getLastConfig() : undefined;
    if (lastConfig) return lastConfig.getIndex();
  }
  const legacy = slots[common.BlockMetadataIndex.LAST_CONFIG];
  if (legacy?.length) {
    // proto3 encodes LastConfig{index: 0} as no bytes at all, so an empty value is index 0.
    return common.LastConfig.deserializeBinary(common.Metadata.deserializeBinary(legacy).getValue_asU8()).getIndex();
  }
  throw new FabricAdminError('MALFORMED_RESPONSE', `block ${blockNumber(block)} records no last config index in its metadata`);
}
