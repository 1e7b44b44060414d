import { common } from '@hyperledger/fabric-protos';

/** The channel ID and org groups of a config block, decoded with the protos (no Fabric tool involved). */
export function configSummary(blockBytes: Uint8Array): { channelId: string; application: string[]; orderer: string[] } {
  const block = common.Block.deserializeBinary(blockBytes);
  const payload = common.Payload.deserializeBinary(common.Envelope.deserializeBinary(block.getData()!.getDataList_asU8()[0]).getPayload_asU8());
  const channelId = common.ChannelHeader.deserializeBinary(payload.getHeader()!.getChannelHeader_asU8()).getChannelId();
  const groups = common.ConfigEnvelope.deserializeBinary(payload.getData_asU8()).getConfig()!.getChannelGroup()!.getGroupsMap();
  const orgsOf = (section: string) => [...groups.get(section)!.getGroupsMap().keys()].sort();
  return { channelId, application: orgsOf('Application'), orderer: orgsOf('Orderer') };
}

/** A block's header and data: what the orderers agreed on, without the per-orderer metadata. */
export function consentedPart(blockBytes: Uint8Array): { header: Uint8Array; data: Uint8Array } {
  const block = common.Block.deserializeBinary(blockBytes);
  return { header: block.getHeader()!.serializeBinary(), data: block.getData()!.serializeBinary() };
}

/** Polls until `done` holds, for states a real network reaches a moment later (Raft leader, gossip). */
export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, deadlineMs = 60_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: last saw ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
