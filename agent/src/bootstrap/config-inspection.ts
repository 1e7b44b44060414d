import { decodeConfigBlock, findGroup } from '@opssc/channel-config';
import { common, msp, peer } from '@hyperledger/fabric-protos';

/** What the bootstrap needs to know about one org in a channel config. */
export interface OrgInChannel {
  channelId: string;
  /** The config block's sequence. */
  sequence: number;
  /** The org is an application org of the channel: its peers may join. */
  application: boolean;
  /** The org is an orderer org of the channel. */
  orderer: boolean;
  /** Its anchor peers (`host:port`), as the channel config lists them. */
  anchorPeers: string[];
}

function mspIdOf(group: common.ConfigGroup): string | undefined {
  const value = group.getValuesMap().get('MSP');
  if (!value) return undefined;
  return msp.FabricMSPConfig.deserializeBinary(msp.MSPConfig.deserializeBinary(value.getValue_asU8()).getConfig_asU8()).getName();
}

/** The org group of `mspId` under `parent`: configtxgen may name groups after the org rather than its MSP ID. */
function orgGroup(parent: common.ConfigGroup | undefined, mspId: string): common.ConfigGroup | undefined {
  if (!parent) return undefined;
  const groups = parent.getGroupsMap();
  const named = groups.get(mspId);
  if (named) return named;
  let found: common.ConfigGroup | undefined;
  groups.forEach((group: common.ConfigGroup) => {
    if (!found && mspIdOf(group) === mspId) found = group;
  });
  return found;
}

/** Reads where `mspId` stands in the channel config carried by a config block. */
export function inspectOrg(configBlock: Uint8Array, mspId: string): OrgInChannel {
  const { channelId, config, sequence } = decodeConfigBlock(configBlock);
  const application = orgGroup(findGroup(config, ['Application']), mspId);
  const anchors = application?.getValuesMap().get('AnchorPeers');
  const anchorPeers = anchors ? peer.AnchorPeers.deserializeBinary(anchors.getValue_asU8()).getAnchorPeersList().map((a) => `${a.getHost()}:${a.getPort()}`) : [];
  return { channelId, sequence, application: Boolean(application), orderer: Boolean(orgGroup(findGroup(config, ['Orderer']), mspId)), anchorPeers };
}

/** The channel id and number of a block, checked to be a config block (a genesis block is one). */
export function configBlockOf(bytes: Uint8Array): { channelId: string; number: number } {
  const { channelId } = decodeConfigBlock(bytes);
  return { channelId, number: common.Block.deserializeBinary(bytes).getHeader()?.getNumber() ?? 0 };
}
