import { common } from '@hyperledger/fabric-protos';

/**
 * Fabric's configtx view of a config: a flat map from `[Group]  /Channel/...`, `[Value]  ...` and
 * `[Policy] ...` keys to shallow items (version, mod_policy, payload, and for groups the names of their
 * members). The fake orderer validates and applies updates on this map exactly as configtx does.
 */
export interface ConfigItem {
  kind: 'Group' | 'Value' | 'Policy';
  path: string[];
  version: number;
  modPolicy: string;
  value?: common.ConfigValue;
  policy?: common.ConfigPolicy;
  members?: { groups: string[]; values: string[]; policies: string[] };
}

export const itemKey = (kind: ConfigItem['kind'], path: readonly string[]) =>
  `${kind === 'Group' ? '[Group]  ' : kind === 'Value' ? '[Value]  ' : '[Policy] '}/${path.join('/')}`;

function keys(map: { forEach(cb: (v: unknown, k: string) => void): void }): string[] {
  const out: string[] = [];
  map.forEach((_v, k) => out.push(k));
  return out;
}

/** Flattens a group (the root is `Channel`) into configtx's map. */
export function mapConfig(group: common.ConfigGroup, path: string[] = ['Channel'], out = new Map<string, ConfigItem>()): Map<string, ConfigItem> {
  out.set(itemKey('Group', path), {
    kind: 'Group', path, version: group.getVersion(), modPolicy: group.getModPolicy(),
    members: { groups: keys(group.getGroupsMap()), values: keys(group.getValuesMap()), policies: keys(group.getPoliciesMap()) },
  });
  group.getValuesMap().forEach((v: common.ConfigValue, k: string) => out.set(itemKey('Value', [...path, k]), { kind: 'Value', path: [...path, k], version: v.getVersion(), modPolicy: v.getModPolicy(), value: v }));
  group.getPoliciesMap().forEach((p: common.ConfigPolicy, k: string) => out.set(itemKey('Policy', [...path, k]), { kind: 'Policy', path: [...path, k], version: p.getVersion(), modPolicy: p.getModPolicy(), policy: p }));
  group.getGroupsMap().forEach((g: common.ConfigGroup, k: string) => mapConfig(g, [...path, k], out));
  return out;
}

/** Rebuilds the config tree from a map, following each group's member names (configtx's configMapToConfig). */
export function rebuildGroup(map: Map<string, ConfigItem>, path: string[] = ['Channel']): common.ConfigGroup {
  const item = map.get(itemKey('Group', path));
  if (!item?.members) throw new Error(`missing ${itemKey('Group', path)}`);
  const group = new common.ConfigGroup();
  group.setVersion(item.version);
  group.setModPolicy(item.modPolicy);
  for (const k of item.members.values) {
    const v = map.get(itemKey('Value', [...path, k]))?.value;
    if (!v) throw new Error(`missing value ${k} under /${path.join('/')}`);
    group.getValuesMap().set(k, common.ConfigValue.deserializeBinary(v.serializeBinary()));
  }
  for (const k of item.members.policies) {
    const p = map.get(itemKey('Policy', [...path, k]))?.policy;
    if (!p) throw new Error(`missing policy ${k} under /${path.join('/')}`);
    group.getPoliciesMap().set(k, common.ConfigPolicy.deserializeBinary(p.serializeBinary()));
  }
  for (const k of item.members.groups) group.getGroupsMap().set(k, rebuildGroup(map, [...path, k]));
  return group;
}
