import { common, msp as mspProto } from '@hyperledger/fabric-protos';
import type { MspDefinition } from '@opssc/core';
import { ConfigError } from './config-error';
import { ConfigKeys, cloneConfig, findGroup, putValue, valueBytes } from './config-tree';
import { mspValueBytes } from './msp-config';
import { entriesOf, groupsOf, policiesOf } from './proto-map';
import { anyRolePolicy, configPolicy, type MspRoleName } from './signature-policy';

function mspIdOf(orgGroup: common.ConfigGroup): string | undefined {
  const bytes = valueBytes(orgGroup, ConfigKeys.msp);
  if (!bytes) return undefined;
  try {
    const config = mspProto.MSPConfig.deserializeBinary(bytes);
    return mspProto.FabricMSPConfig.deserializeBinary(config.getConfig_asU8()).getName();
  } catch {
    return undefined;
  }
}

/**
 * The key of the org group of `mspId` under `parent` (the Application or Orderer group), if any.
 * configtxgen names org groups after the org's `Name` in configtx.yaml, which need not be its MSP ID
 * (Fabric's samples use `Org1MSP` for both, others use `Org1`), so a group named after the MSP ID wins,
 * and otherwise the group whose MSP value has that MSP ID.
 */
export function orgGroupKey(parent: common.ConfigGroup, mspId: string): string | undefined {
  const orgs = groupsOf(parent);
  if (orgs.has(mspId)) return mspId;
  return entriesOf(orgs).find(([, group]) => mspIdOf(group) === mspId)?.[0];
}

/**
 * An org's config group as configtxgen lays it out for both Application and Orderer orgs: mod_policy Admins,
 * one signature policy per entry of `policies` over the org's NodeOU roles, and its MSP value. Callers add the
 * values specific to the kind of org (anchor peers, orderer endpoints).
 */
export function newOrgGroup(msp: MspDefinition, policies: Record<string, MspRoleName[]>): common.ConfigGroup {
  const group = new common.ConfigGroup();
  group.setModPolicy(ConfigKeys.admins);
  const groupPolicies = policiesOf(group);
  for (const [name, roles] of Object.entries(policies)) {
    groupPolicies.set(name, configPolicy(anyRolePolicy(msp.mspId, roles), ConfigKeys.admins));
  }
  putValue(group, ConfigKeys.msp, mspValueBytes(msp), ConfigKeys.admins);
  return group;
}

/**
 * A copy of `config` in which the org's `MSP` value is `msp`, in its Application group and its Orderer
 * group, wherever it has one (an UPDATE_ORG_MSP, e.g. a certificate rotation). Throws ORG_NOT_FOUND when
 * the channel has no group for the org.
 */
export function replaceOrgMsp(config: common.Config, msp: MspDefinition): common.Config {
  const updated = cloneConfig(config);
  let found = false;
  for (const section of [ConfigKeys.application, ConfigKeys.orderer]) {
    const parent = findGroup(updated, [section]);
    const key = parent ? orgGroupKey(parent, msp.mspId) : undefined;
    if (!parent || key === undefined) continue;
    putValue(groupsOf(parent).get(key) as common.ConfigGroup, ConfigKeys.msp, mspValueBytes(msp), ConfigKeys.admins);
    found = true;
  }
  if (!found) throw new ConfigError('ORG_NOT_FOUND', `${msp.mspId} is neither an application nor an orderer org of this channel`);
  return updated;
}
