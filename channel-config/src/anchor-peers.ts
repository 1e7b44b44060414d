import { common, peer } from '@hyperledger/fabric-protos';
import type { PeerEndpoint } from '@opssc/core';
import { ConfigError } from './config-error';
import { ConfigKeys, cloneConfig, findGroup, putValue } from './config-tree';
import { orgGroupKey } from './org-groups';
import { groupsOf, valuesOf } from './proto-map';

/** The serialized `AnchorPeers` value for `peers`, in the order given. */
export function anchorPeersValueBytes(peers: readonly PeerEndpoint[]): Uint8Array {
  const value = new peer.AnchorPeers();
  value.setAnchorPeersList(
    peers.map((endpoint) => {
      const anchor = new peer.AnchorPeer();
      anchor.setHost(endpoint.host);
      anchor.setPort(endpoint.port);
      return anchor;
    }),
  );
  return value.serializeBinary();
}

/** Sets (or, with no peers, removes) the AnchorPeers value of an org group in place, keeping its mod_policy. */
export function putAnchorPeers(orgGroup: common.ConfigGroup, peers: readonly PeerEndpoint[]): void {
  // configtxgen writes no AnchorPeers value for an org without anchor peers; an empty list is stored
  // the same way, so "no anchor peers" has one representation whichever tool wrote it.
  if (peers.length === 0) {
    valuesOf(orgGroup).del(ConfigKeys.anchorPeers);
    return;
  }
  const modPolicy = valuesOf(orgGroup).get(ConfigKeys.anchorPeers)?.getModPolicy() || ConfigKeys.admins;
  putValue(orgGroup, ConfigKeys.anchorPeers, anchorPeersValueBytes(peers), modPolicy);
}

/**
 * A copy of `config` where the application org `mspId` has exactly `peers` as anchor peers.
 * Throws ORG_NOT_FOUND when the org is not in the Application group.
 */
export function setAnchorPeers(config: common.Config, mspId: string, peers: readonly PeerEndpoint[]): common.Config {
  const updated = cloneConfig(config);
  const application = findGroup(updated, [ConfigKeys.application]);
  const key = application ? orgGroupKey(application, mspId) : undefined;
  const org = application && key !== undefined ? groupsOf(application).get(key) : undefined;
  if (!org) {
    throw new ConfigError('ORG_NOT_FOUND', `${mspId} is not an application org of this channel`);
  }
  putAnchorPeers(org, peers);
  return updated;
}
