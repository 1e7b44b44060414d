import { common, msp as mspProto, orderer } from '@hyperledger/fabric-protos';
import { ConfigError } from './config-error';
import { ConfigKeys, cloneConfig, findGroup, valueBytes } from './config-tree';
import { orgGroupKey } from './org-groups';
import { entriesOf, groupsOf } from './proto-map';
import { readRaftConsenters, rewriteRaftConsenters } from './raft-consenters';
import { chainsToAny } from './tls-chain';

interface TlsCas {
  roots: Uint8Array[];
  intermediates: Uint8Array[];
}

function tlsCasOf(orgGroup: common.ConfigGroup): TlsCas {
  const bytes = valueBytes(orgGroup, ConfigKeys.msp);
  if (!bytes) return { roots: [], intermediates: [] };
  const fabricMsp = mspProto.FabricMSPConfig.deserializeBinary(mspProto.MSPConfig.deserializeBinary(bytes).getConfig_asU8());
  return { roots: fabricMsp.getTlsRootCertsList_asU8(), intermediates: fabricMsp.getTlsIntermediateCertsList_asU8() };
}

function endpointsOf(orgGroup: common.ConfigGroup): Set<string> {
  const bytes = valueBytes(orgGroup, ConfigKeys.endpoints);
  return new Set(bytes ? common.OrdererAddresses.deserializeBinary(bytes).getAddressesList() : []);
}

/**
 * Drops, in place, the consenters that belonged to a removed orderer org: those listed at one of its
 * endpoints, and those whose TLS certs no longer chain to a TLS CA of a remaining orderer org — Fabric
 * rejects a config whose consenters do not, so keeping them would make the update invalid anyway.
 */
function dropConsentersOf(updated: common.Config, ordererOrgs: common.ConfigGroup, removedOrg: common.ConfigGroup): void {
  const endpoints = endpointsOf(removedOrg);
  const remaining = entriesOf(groupsOf(ordererOrgs)).map(([, org]) => tlsCasOf(org));
  const roots = remaining.flatMap((cas) => cas.roots);
  const intermediates = remaining.flatMap((cas) => cas.intermediates);
  const isKept = (c: orderer.etcdraft.Consenter): boolean =>
    !endpoints.has(`${c.getHost()}:${c.getPort()}`) &&
    chainsToAny(c.getServerTlsCert_asU8(), roots, intermediates) &&
    chainsToAny(c.getClientTlsCert_asU8(), roots, intermediates);
  if (readRaftConsenters(updated).every(isKept)) return;
  rewriteRaftConsenters(updated, (current) => current.filter(isKept));
}

// Deletes the org group of `mspId` from `parent` and returns it, if there was one.
function detachOrg(parent: common.ConfigGroup | undefined, mspId: string): common.ConfigGroup | undefined {
  const key = parent ? orgGroupKey(parent, mspId) : undefined;
  if (!parent || key === undefined) return undefined;
  const group = groupsOf(parent).get(key);
  groupsOf(parent).del(key);
  return group;
}

/**
 * A copy of `config` without the org `mspId` (found by group name or by the MSP ID in its MSP value):
 * its Application group, its Orderer group and, with the latter, its Raft consenters. Throws
 * ORG_NOT_FOUND when the org is in neither group, and LAST_CONSENTER when its consenters are the only ones.
 */
export function removeOrg(config: common.Config, mspId: string): common.Config {
  const updated = cloneConfig(config);
  const ordererGroup = findGroup(updated, [ConfigKeys.orderer]);
  const applicationOrg = detachOrg(findGroup(updated, [ConfigKeys.application]), mspId);
  const ordererOrg = detachOrg(ordererGroup, mspId);
  if (!applicationOrg && !ordererOrg) {
    throw new ConfigError('ORG_NOT_FOUND', `${mspId} is neither an application nor an orderer org of this channel`);
  }
  if (ordererGroup && ordererOrg) {
    dropConsentersOf(updated, ordererGroup, ordererOrg);
  }
  return updated;
}

/**
 * A copy of `config` in which `mspId` is no longer an orderer org: its Orderer group and its Raft
 * consenters are gone, its application org (if any) stays. Throws ORG_NOT_FOUND when it is not an
 * orderer org of the channel.
 */
export function removeOrdererOrg(config: common.Config, mspId: string): common.Config {
  const updated = cloneConfig(config);
  const ordererGroup = findGroup(updated, [ConfigKeys.orderer]);
  const ordererOrg = detachOrg(ordererGroup, mspId);
  if (!ordererGroup || !ordererOrg) {
    throw new ConfigError('ORG_NOT_FOUND', `${mspId} is not an orderer org of this channel`);
  }
  dropConsentersOf(updated, ordererGroup, ordererOrg);
  return updated;
}
