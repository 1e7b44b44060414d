import { common } from '@hyperledger/fabric-protos';
import type { MspDefinition, OrdererEndpoint } from '@opssc/core';
import { ConfigError } from './config-error';
import { ConfigKeys, cloneConfig, putValue, requireGroup } from './config-tree';
import { newOrgGroup, orgGroupKey } from './org-groups';
import { groupsOf } from './proto-map';
import { appendRaftConsenters } from './raft-consenters';
import type { MspRoleName } from './signature-policy';

/** What it takes to add an ordering organization (and its Raft consenters) to a channel. */
export interface OrdererOrgSpec {
  msp: MspDefinition;
  /** All of the org's orderers go in its Endpoints value; those with `consenter: true` also join Raft. */
  orderers: readonly OrdererEndpoint[];
}

// As configtxgen generates for an OrdererOrg of Fabric's test-network: no Endorsement policy.
const ORDERER_ORG_POLICIES: Record<string, MspRoleName[]> = {
  Readers: ['member'],
  Writers: ['member'],
  Admins: ['admin'],
};

/** The serialized `OrdererAddresses` value listing `host:port` of each orderer. */
export function endpointsValueBytes(orderers: readonly OrdererEndpoint[]): Uint8Array {
  const addresses = new common.OrdererAddresses();
  addresses.setAddressesList(orderers.map((o) => `${o.host}:${o.port}`));
  return addresses.serializeBinary();
}

/**
 * The config group of an orderer org, as configtxgen generates it: version 0, mod_policy `Admins`,
 * an `MSP` value and, when the org has orderers, an `Endpoints` value.
 */
export function buildOrdererOrgGroup(spec: OrdererOrgSpec): common.ConfigGroup {
  const group = newOrgGroup(spec.msp, ORDERER_ORG_POLICIES);
  if (spec.orderers.length > 0) {
    putValue(group, ConfigKeys.endpoints, endpointsValueBytes(spec.orderers), ConfigKeys.admins);
  }
  return group;
}

/**
 * A copy of `config` with the org added under `/Channel/Orderer/<mspId>` and each of its orderers marked
 * `consenter` appended to the Raft consenters. Throws ORG_EXISTS, CONSENTER_EXISTS or
 * UNSUPPORTED_CONSENSUS (when consenters are to be added to a non-Raft channel).
 */
export function addOrdererOrg(config: common.Config, spec: OrdererOrgSpec): common.Config {
  const updated = cloneConfig(config);
  const ordererGroup = requireGroup(updated, [ConfigKeys.orderer]);
  if (orgGroupKey(ordererGroup, spec.msp.mspId) !== undefined) {
    throw new ConfigError('ORG_EXISTS', `${spec.msp.mspId} is already an orderer org of this channel`);
  }
  groupsOf(ordererGroup).set(spec.msp.mspId, buildOrdererOrgGroup(spec));
  appendRaftConsenters(
    updated,
    spec.orderers.filter((o) => o.consenter),
  );
  return updated;
}
