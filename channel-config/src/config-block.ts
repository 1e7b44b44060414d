import { common } from '@hyperledger/fabric-protos';
import { ConfigError } from './config-error';

/** A channel's config as carried by a config block. */
export interface ChannelConfig {
  channelId: string;
  config: common.Config;
  /** The config sequence; each committed config update increments it. */
  sequence: number;
}

/**
 * Decodes a config block (a genesis block, or the block `peer channel fetch config` returns):
 * block → envelope → payload → ConfigEnvelope. Throws NOT_A_CONFIG_BLOCK for any other block.
 */
export function decodeConfigBlock(blockBytes: Uint8Array): ChannelConfig {
  let block: common.Block;
  try {
    block = common.Block.deserializeBinary(blockBytes);
  } catch (err) {
    throw new ConfigError('NOT_A_CONFIG_BLOCK', `the bytes are not a block: ${(err as Error).message}`);
  }
  return configFromBlock(block);
}

/** Extracts the channel config from an already decoded config block. Throws NOT_A_CONFIG_BLOCK. */
export function configFromBlock(block: common.Block): ChannelConfig {
  try {
    return readConfig(block);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    // jspb throws assertion errors on malformed nested messages; callers get one stable reason.
    throw new ConfigError('NOT_A_CONFIG_BLOCK', `the block does not decode as a config block: ${(err as Error).message}`);
  }
}

function readConfig(block: common.Block): ChannelConfig {
  const data = block.getData()?.getDataList_asU8() ?? [];
  // A config block holds exactly one transaction: the CONFIG envelope.
  if (data.length !== 1) {
    throw new ConfigError('NOT_A_CONFIG_BLOCK', `a config block holds one envelope, this one holds ${data.length}`);
  }
  const envelope = common.Envelope.deserializeBinary(data[0]);
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const headerBytes = payload.getHeader()?.getChannelHeader_asU8();
  if (!headerBytes) {
    throw new ConfigError('NOT_A_CONFIG_BLOCK', 'the envelope has no channel header');
  }
  const channelHeader = common.ChannelHeader.deserializeBinary(headerBytes);
  if (channelHeader.getType() !== common.HeaderType.CONFIG) {
    throw new ConfigError('NOT_A_CONFIG_BLOCK', `the envelope has header type ${channelHeader.getType()}, not CONFIG`);
  }
  const config = common.ConfigEnvelope.deserializeBinary(payload.getData_asU8()).getConfig();
  if (!config?.getChannelGroup()) {
    throw new ConfigError('NOT_A_CONFIG_BLOCK', 'the config envelope carries no config');
  }
  return { channelId: channelHeader.getChannelId(), config, sequence: config.getSequence() };
}

/**
 * The number of the last config block at the time `block` was cut, i.e. the block to fetch to get the
 * channel's current config. Fabric 2.x records it in the SIGNATURES metadata (OrdererBlockMetadata);
 * older orderers wrote it in the now deprecated LAST_CONFIG slot, which is read as a fallback.
 */
export function lastConfigBlockNumber(block: common.Block): number {
  const slots = block.getMetadata()?.getMetadataList_asU8() ?? [];
  const signatures = slots[common.BlockMetadataIndex.SIGNATURES];
  if (signatures && signatures.length > 0) {
    const value = common.Metadata.deserializeBinary(signatures).getValue_asU8();
    const ordererMetadata = common.OrdererBlockMetadata.deserializeBinary(value);
    const lastConfig = ordererMetadata.getLastConfig();
    if (lastConfig) {
      return lastConfig.getIndex();
    }
  }
  const legacy = slots[common.BlockMetadataIndex.LAST_CONFIG];
  if (legacy && legacy.length > 0) {
    const value = common.Metadata.deserializeBinary(legacy).getValue_asU8();
    return common.LastConfig.deserializeBinary(value).getIndex();
  }
  throw new ConfigError('MALFORMED_CONFIG', 'the block metadata records no last config index');
}
