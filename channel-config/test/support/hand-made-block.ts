import { common } from '@hyperledger/fabric-protos';

/** A block with one envelope whose payload has the given header type and data, as the orderer writes it. */
export function makeBlock(opts: { type: number; channelId: string; data: Uint8Array; number?: number }): common.Block {
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(opts.type);
  channelHeader.setChannelId(opts.channelId);
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(opts.data);
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  const blockHeader = new common.BlockHeader();
  blockHeader.setNumber(opts.number ?? 0);
  const data = new common.BlockData();
  data.setDataList([envelope.serializeBinary()]);
  const block = new common.Block();
  block.setHeader(blockHeader);
  block.setData(data);
  block.setMetadata(new common.BlockMetadata());
  return block;
}

/** A config block carrying `config`. */
export function makeConfigBlock(channelId: string, config: common.Config): common.Block {
  const envelope = new common.ConfigEnvelope();
  envelope.setConfig(config);
  return makeBlock({ type: common.HeaderType.CONFIG, channelId, data: envelope.serializeBinary() });
}

/** Sets block metadata slots: each slot holds a serialized `common.Metadata` with the given value. */
export function setMetadata(block: common.Block, slots: Record<number, Uint8Array>): void {
  const list: Uint8Array[] = [];
  for (let i = 0; i <= Math.max(...Object.keys(slots).map(Number)); i++) {
    const metadata = new common.Metadata();
    if (slots[i]) metadata.setValue(slots[i]);
    list.push(slots[i] ? metadata.serializeBinary() : new Uint8Array());
  }
  block.getMetadata()?.setMetadataList(list);
}
