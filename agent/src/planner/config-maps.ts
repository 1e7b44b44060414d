import { common, msp as mspProto } from '@hyperledger/fabric-protos';

/**
 * The part of google-protobuf's map that the planner reads. fabric-protos types its map getters as `any`
 * (google-protobuf's typings are not installed), so every access goes through this interface.
 */
export interface ProtoMapView<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  forEach(callback: (value: V, key: string) => void): void;
}

export const groupsOf = (group: common.ConfigGroup) => group.getGroupsMap() as ProtoMapView<common.ConfigGroup>;
export const valuesOf = (group: common.ConfigGroup) => group.getValuesMap() as ProtoMapView<common.ConfigValue>;
export const policiesOf = (group: common.ConfigGroup) => group.getPoliciesMap() as ProtoMapView<common.ConfigPolicy>;

/** The entries of a proto map, keys sorted (jspb iterates in key order). */
export function entriesOf<V>(map: ProtoMapView<V>): [string, V][] {
  const entries: [string, V][] = [];
  map.forEach((value, key) => entries.push([key, value]));
  return entries;
}

/** The group at `path` below /Channel (e.g. `['Application', 'Org1MSP']`), if any. */
export function groupAt(config: common.Config, path: readonly string[]): common.ConfigGroup | undefined {
  let group = config.getChannelGroup();
  for (const key of path) group = group ? groupsOf(group).get(key) : undefined;
  return group;
}

/** The Fabric MSP config in an org group's `MSP` value, if it decodes. */
export function fabricMspOf(orgGroup: common.ConfigGroup): mspProto.FabricMSPConfig | undefined {
  const value = valuesOf(orgGroup).get('MSP');
  if (!value) return undefined;
  try {
    return mspProto.FabricMSPConfig.deserializeBinary(mspProto.MSPConfig.deserializeBinary(value.getValue_asU8()).getConfig_asU8());
  } catch {
    return undefined;
  }
}
