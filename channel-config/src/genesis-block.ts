import { common } from '@hyperledger/fabric-protos';
import { createHash } from 'node:crypto';
import type { GenesisHeader } from './channel-genesis';
import { ConfigError } from './config-error';
import { computeTxId } from './config-update-transaction';
import { protoTimestamp } from './protobuf-timestamp';

// configtxgen's genesis factory writes message version 1 and epoch 0 in the CONFIG channel header.
const GENESIS_MESSAGE_VERSION = 1;
const GENESIS_EPOCH = 0;
// One slot per BlockMetadataIndex: SIGNATURES, LAST_CONFIG, TRANSACTIONS_FILTER, ORDERER, COMMIT_HASH.
const METADATA_SLOT_COUNT = 5;
// Nobody signs a genesis block's transaction: its creator is empty.
const NO_CREATOR = new Uint8Array();

// configtxgen stamps whole seconds (Nanos 0); truncating keeps blocks built from the same second identical.
function wholeSeconds(date: Date): Date {
  const millis = date.getTime();
  if (!Number.isFinite(millis)) {
    throw new ConfigError('INVALID_VALUE', 'the genesis header timestamp is not a valid date');
  }
  return new Date(Math.floor(millis / 1000) * 1000);
}

function configEnvelopeBytes(channelId: string, config: common.Config, header: GenesisHeader): Uint8Array {
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(common.HeaderType.CONFIG);
  channelHeader.setVersion(GENESIS_MESSAGE_VERSION);
  channelHeader.setTimestamp(protoTimestamp(wholeSeconds(header.timestamp)));
  channelHeader.setChannelId(channelId);
  channelHeader.setTxId(computeTxId(header.nonce, NO_CREATOR));
  channelHeader.setEpoch(GENESIS_EPOCH);
  const signatureHeader = new common.SignatureHeader();
  signatureHeader.setCreator(NO_CREATOR);
  signatureHeader.setNonce(header.nonce);
  const payloadHeader = new common.Header();
  payloadHeader.setChannelHeader(channelHeader.serializeBinary());
  payloadHeader.setSignatureHeader(signatureHeader.serializeBinary());
  const configEnvelope = new common.ConfigEnvelope();
  configEnvelope.setConfig(config);
  const payload = new common.Payload();
  payload.setHeader(payloadHeader);
  payload.setData(configEnvelope.serializeBinary());
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  return envelope.serializeBinary();
}

/** Fabric 2.x's block data hash: SHA-256 over the block's data entries, concatenated. */
export function blockDataHash(data: readonly Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const entry of data) hash.update(entry);
  return new Uint8Array(hash.digest());
}

function metadataSlot(value: Uint8Array): Uint8Array {
  const metadata = new common.Metadata();
  metadata.setValue(value);
  return metadata.serializeBinary();
}

// As configtxgen fills them: last config 0 both in the legacy LAST_CONFIG slot (whose encoding is empty, as
// every field is at its default) and in the OrdererBlockMetadata of the SIGNATURES slot, with no signatures.
function genesisMetadata(): common.BlockMetadata {
  const slots: Uint8Array[] = Array.from({ length: METADATA_SLOT_COUNT }, () => new Uint8Array());
  const lastConfig = new common.LastConfig();
  lastConfig.setIndex(0);
  slots[common.BlockMetadataIndex.LAST_CONFIG] = metadataSlot(lastConfig.serializeBinary());
  const ordererMetadata = new common.OrdererBlockMetadata();
  ordererMetadata.setLastConfig(lastConfig);
  slots[common.BlockMetadataIndex.SIGNATURES] = metadataSlot(ordererMetadata.serializeBinary());
  const metadata = new common.BlockMetadata();
  metadata.setMetadataList(slots);
  return metadata;
}

/**
 * Block 0 of `channelId` carrying `config`, serialized: no previous hash, one unsigned CONFIG envelope whose
 * header takes its timestamp (whole seconds) and nonce from `header`, the data hash, and the metadata
 * configtxgen writes.
 */
export function genesisBlockBytes(channelId: string, config: common.Config, header: GenesisHeader): Uint8Array {
  const data = [configEnvelopeBytes(channelId, config, header)];
  const blockHeader = new common.BlockHeader();
  blockHeader.setNumber(0);
  blockHeader.setPreviousHash(new Uint8Array());
  blockHeader.setDataHash(blockDataHash(data));
  const blockData = new common.BlockData();
  blockData.setDataList(data);
  const block = new common.Block();
  block.setHeader(blockHeader);
  block.setData(blockData);
  block.setMetadata(genesisMetadata());
  return block.serializeBinary();
}
