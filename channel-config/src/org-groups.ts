import { common, msp as mspProto } from '@hyperledger/fabric-protos';
import { ConfigKeys, valueBytes } from './config-tree';
import { entriesOf, groupsOf } from './proto-map';

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
