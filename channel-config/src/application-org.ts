import { common } from '@hyperledger/fabric-protos';
import type { MspDefinition, PeerEndpoint } from '@opssc/core';
import { putAnchorPeers } from './anchor-peers';
import { ConfigError } from './config-error';
import { ConfigKeys, cloneConfig, requireGroup } from './config-tree';
import { newOrgGroup, orgGroupKey } from './org-groups';
import { groupsOf } from './proto-map';
import type { MspRoleName } from './signature-policy';

/** What it takes to add an application (peer) organization to a channel. */
export interface ApplicationOrgSpec {
  msp: MspDefinition;
  anchorPeers: readonly PeerEndpoint[];
}

// The policies of an application org whose members are told apart by NodeOUs, as in Fabric's
// test-network configtx.yaml.
const APPLICATION_ORG_POLICIES: Record<string, MspRoleName[]> = {
  Readers: ['admin', 'peer', 'client'],
  Writers: ['admin', 'client'],
  Admins: ['admin'],
  Endorsement: ['peer'],
};

/**
 * The config group of an application org, identical to what configtxgen generates for the org in a
 * configtx.yaml with the policies above: every element at version 0 with mod_policy `Admins`, an `MSP`
 * value, and an `AnchorPeers` value only when there are anchor peers.
 */
export function buildApplicationOrgGroup(spec: ApplicationOrgSpec): common.ConfigGroup {
  const group = newOrgGroup(spec.msp, APPLICATION_ORG_POLICIES);
  putAnchorPeers(group, spec.anchorPeers);
  return group;
}

/**
 * A copy of `config` with the org added under `/Channel/Application/<mspId>`.
 * Throws ORG_EXISTS when the channel already has an application org with that MSP ID (whatever its group is named).
 */
export function addApplicationOrg(config: common.Config, spec: ApplicationOrgSpec): common.Config {
  const updated = cloneConfig(config);
  const application = requireGroup(updated, [ConfigKeys.application]);
  if (orgGroupKey(application, spec.msp.mspId) !== undefined) {
    throw new ConfigError('ORG_EXISTS', `${spec.msp.mspId} is already an application org of this channel`);
  }
  groupsOf(application).set(spec.msp.mspId, buildApplicationOrgGroup(spec));
  return updated;
}
