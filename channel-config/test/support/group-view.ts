import type { common } from '@hyperledger/fabric-protos';

/** A plain, readable rendering of a ConfigGroup for assertions; value and policy bytes as UTF-8 text. */
export interface GroupView {
  version: number;
  modPolicy: string;
  groups: Record<string, GroupView>;
  values: Record<string, { version: number; modPolicy: string; value: string }>;
  policies: Record<string, { version: number; modPolicy: string; policy?: string }>;
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Renders a group (undefined stays undefined). */
export function viewGroup(group: common.ConfigGroup | undefined): GroupView | undefined {
  if (!group) return undefined;
  const view: GroupView = { version: group.getVersion(), modPolicy: group.getModPolicy(), groups: {}, values: {}, policies: {} };
  group.getGroupsMap().forEach((g: common.ConfigGroup, k: string) => (view.groups[k] = viewGroup(g) as GroupView));
  group.getValuesMap().forEach((v: common.ConfigValue, k: string) => {
    view.values[k] = { version: v.getVersion(), modPolicy: v.getModPolicy(), value: text(v.getValue_asU8()) };
  });
  group.getPoliciesMap().forEach((p: common.ConfigPolicy, k: string) => {
    const policy = p.getPolicy();
    view.policies[k] = { version: p.getVersion(), modPolicy: p.getModPolicy(), ...(policy ? { policy: text(policy.getValue_asU8()) } : {}) };
  });
  return view;
}

/** A group with nothing but a version, as the update computation pins unchanged members. */
export const pinned = (version: number): GroupView => ({ version, modPolicy: '', groups: {}, values: {}, policies: {} });
