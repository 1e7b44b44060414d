import { common } from '@hyperledger/fabric-protos';
import { ConfigError } from './config-error';
import { channelGroupOf } from './config-tree';
import { type ProtoMap, groupsOf, policiesOf, valuesOf } from './proto-map';

/**
 * How one map (policies, values or groups) of a group changed. `read` and `write` hold modified entries,
 * `same` holds unchanged ones reduced to their version; `same` only makes it into the update when the
 * map's membership changed, because then the whole group is rewritten and must name all its members.
 */
interface MapDelta<T> {
  read: Map<string, T>;
  write: Map<string, T>;
  same: Map<string, () => T>;
  membershipChanged: boolean;
}

interface GroupDelta {
  readSet: common.ConfigGroup;
  writeSet: common.ConfigGroup;
  changed: boolean;
}

function newDelta<T>(): MapDelta<T> {
  return { read: new Map(), write: new Map(), same: new Map(), membershipChanged: false };
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function configValue(version: number, modPolicy: string, bytes?: Uint8Array): common.ConfigValue {
  const value = new common.ConfigValue();
  value.setVersion(version);
  value.setModPolicy(modPolicy);
  if (bytes) value.setValue(new Uint8Array(bytes));
  return value;
}

function configPolicy(version: number, modPolicy: string, policy?: common.Policy): common.ConfigPolicy {
  const result = new common.ConfigPolicy();
  result.setVersion(version);
  result.setModPolicy(modPolicy);
  if (policy) result.setPolicy(common.Policy.deserializeBinary(policy.serializeBinary()));
  return result;
}

function versionOnlyGroup(version: number): common.ConfigGroup {
  const group = new common.ConfigGroup();
  group.setVersion(version);
  return group;
}

// A policy is the same when both are absent or when type and raw value bytes match (Go's proto.Equal).
function samePolicy(a: common.Policy | undefined, b: common.Policy | undefined): boolean {
  if (!a || !b) return a === b;
  return a.getType() === b.getType() && bytesEqual(a.getValue_asU8(), b.getValue_asU8());
}

function diffLeaves<T extends common.ConfigValue | common.ConfigPolicy>(
  original: ProtoMap<T>,
  updated: ProtoMap<T>,
  same: (a: T, b: T) => boolean,
  make: (version: number, modPolicy: string, from?: T) => T,
): MapDelta<T> {
  const delta = newDelta<T>();
  original.forEach((before, key) => {
    const after = updated.get(key);
    if (!after) {
      delta.membershipChanged = true;
    } else if (before.getModPolicy() === after.getModPolicy() && same(before, after)) {
      delta.same.set(key, () => make(before.getVersion(), ''));
    } else {
      delta.write.set(key, make(before.getVersion() + 1, after.getModPolicy(), after));
    }
  });
  updated.forEach((after, key) => {
    if (!original.has(key)) {
      delta.membershipChanged = true;
      delta.write.set(key, make(0, after.getModPolicy(), after));
    }
  });
  return delta;
}

function diffValues(original: common.ConfigGroup, updated: common.ConfigGroup): MapDelta<common.ConfigValue> {
  return diffLeaves(
    valuesOf(original),
    valuesOf(updated),
    (a, b) => bytesEqual(a.getValue_asU8(), b.getValue_asU8()),
    (version, modPolicy, from) => configValue(version, modPolicy, from?.getValue_asU8()),
  );
}

function diffPolicies(original: common.ConfigGroup, updated: common.ConfigGroup): MapDelta<common.ConfigPolicy> {
  return diffLeaves(
    policiesOf(original),
    policiesOf(updated),
    (a, b) => samePolicy(a.getPolicy(), b.getPolicy()),
    (version, modPolicy, from) => configPolicy(version, modPolicy, from?.getPolicy()),
  );
}

function diffGroups(original: common.ConfigGroup, updated: common.ConfigGroup): MapDelta<common.ConfigGroup> {
  const delta = newDelta<common.ConfigGroup>();
  const after = groupsOf(updated);
  groupsOf(original).forEach((before, key) => {
    const next = after.get(key);
    if (!next) {
      delta.membershipChanged = true;
      return;
    }
    const sub = diffGroup(before, next);
    if (sub.changed) {
      delta.read.set(key, sub.readSet);
      delta.write.set(key, sub.writeSet);
    } else {
      delta.same.set(key, () => versionOnlyGroup(before.getVersion()));
    }
  });
  after.forEach((next, key) => {
    if (groupsOf(original).has(key)) return;
    delta.membershipChanged = true;
    // A new group is written whole: everything below it is new too, all at version 0.
    const writeSet = diffGroup(new common.ConfigGroup(), next).writeSet;
    writeSet.setVersion(0);
    delta.write.set(key, writeSet);
  });
  return delta;
}

function fill(group: common.ConfigGroup, policies: Map<string, common.ConfigPolicy>, values: Map<string, common.ConfigValue>, groups: Map<string, common.ConfigGroup>): common.ConfigGroup {
  policies.forEach((policy, key) => policiesOf(group).set(key, policy));
  values.forEach((value, key) => valuesOf(group).set(key, value));
  groups.forEach((sub, key) => groupsOf(group).set(key, sub));
  return group;
}

function withSame<T>(entries: Map<string, T>, same: Map<string, () => T>): Map<string, T> {
  const merged = new Map(entries);
  same.forEach((make, key) => merged.set(key, make()));
  return merged;
}

function diffGroup(original: common.ConfigGroup, updated: common.ConfigGroup): GroupDelta {
  const policies = diffPolicies(original, updated);
  const values = diffValues(original, updated);
  const groups = diffGroups(original, updated);
  const version = original.getVersion();
  const rewritten = policies.membershipChanged || values.membershipChanged || groups.membershipChanged || original.getModPolicy() !== updated.getModPolicy();
  if (!rewritten) {
    const changed = [policies, values, groups].some((d) => d.read.size > 0 || d.write.size > 0);
    // Only modified members are listed, under a group that keeps its version and has no mod_policy:
    // the orderer then checks each modified member's own mod_policy, not the group's.
    return {
      readSet: fill(versionOnlyGroup(version), policies.read, values.read, groups.read),
      writeSet: fill(versionOnlyGroup(version), policies.write, values.write, groups.write),
      changed,
    };
  }
  // The member set (or the group's mod_policy) changed: the group is rewritten at version+1 under its
  // mod_policy, and unchanged members are listed by version in both sets to pin them.
  const writeSet = fill(versionOnlyGroup(version + 1), withSame(policies.write, policies.same), withSame(values.write, values.same), withSame(groups.write, groups.same));
  writeSet.setModPolicy(updated.getModPolicy());
  return {
    readSet: fill(versionOnlyGroup(version), withSame(policies.read, policies.same), withSame(values.read, values.same), withSame(groups.read, groups.same)),
    writeSet,
    changed: true,
  };
}

/**
 * The ConfigUpdate that turns `original` into `updated`, with the read-set/write-set semantics of
 * `configtxlator compute_update`. Throws NO_CHANGE when the two configs do not differ.
 */
export function computeConfigUpdate(channelId: string, original: common.Config, updated: common.Config): common.ConfigUpdate {
  const delta = diffGroup(channelGroupOf(original), channelGroupOf(updated));
  if (!delta.changed) {
    throw new ConfigError('NO_CHANGE', `no differences detected between the original and updated config of channel ${channelId}`);
  }
  const update = new common.ConfigUpdate();
  update.setChannelId(channelId);
  update.setReadSet(delta.readSet);
  update.setWriteSet(delta.writeSet);
  return update;
}
