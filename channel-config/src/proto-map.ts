import { common } from '@hyperledger/fabric-protos';

/**
 * The part of google-protobuf's `jspb.Map` this library uses. fabric-protos' typings refer to
 * `google-protobuf` types that are not installed, so its map getters come out as `any`; every map access
 * goes through this interface instead. `forEach` visits keys in sorted order (jspb sorts them), which is
 * also the order jspb serializes them in.
 */
export interface ProtoMap<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): unknown;
  del(key: string): boolean;
  has(key: string): boolean;
  getLength(): number;
  forEach(callback: (value: V, key: string) => void): void;
}

/** The sub-groups of a config group. */
export function groupsOf(group: common.ConfigGroup): ProtoMap<common.ConfigGroup> {
  return group.getGroupsMap() as ProtoMap<common.ConfigGroup>;
}

/** The values of a config group. */
export function valuesOf(group: common.ConfigGroup): ProtoMap<common.ConfigValue> {
  return group.getValuesMap() as ProtoMap<common.ConfigValue>;
}

/** The policies of a config group. */
export function policiesOf(group: common.ConfigGroup): ProtoMap<common.ConfigPolicy> {
  return group.getPoliciesMap() as ProtoMap<common.ConfigPolicy>;
}

/** The entries of a map as `[key, value]` pairs, keys sorted. */
export function entriesOf<V>(map: ProtoMap<V>): [string, V][] {
  const entries: [string, V][] = [];
  map.forEach((value, key) => entries.push([key, value]));
  return entries;
}
