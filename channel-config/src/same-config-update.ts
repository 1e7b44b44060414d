import { common } from '@hyperledger/fabric-protos';
import { type ProtoMap, entriesOf, groupsOf, policiesOf, valuesOf } from './proto-map';

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function keysDiffer<V>(path: string, a: ProtoMap<V>, b: ProtoMap<V>): string | undefined {
  const keysA = entriesOf(a).map(([key]) => key).join('\u0000');
  const keysB = entriesOf(b).map(([key]) => key).join('\u0000');
  return keysA === keysB ? undefined : `${path}: different keys`;
}

function valueDifference(path: string, a: common.ConfigValue, b: common.ConfigValue): string | undefined {
  if (a.getVersion() !== b.getVersion()) return `${path}: version ${a.getVersion()} != ${b.getVersion()}`;
  if (a.getModPolicy() !== b.getModPolicy()) return `${path}: mod_policy differs`;
  return bytesEqual(a.getValue_asU8(), b.getValue_asU8()) ? undefined : `${path}: value bytes differ`;
}

function policyDifference(path: string, a: common.ConfigPolicy, b: common.ConfigPolicy): string | undefined {
  if (a.getVersion() !== b.getVersion()) return `${path}: version ${a.getVersion()} != ${b.getVersion()}`;
  if (a.getModPolicy() !== b.getModPolicy()) return `${path}: mod_policy differs`;
  const pa = a.getPolicy();
  const pb = b.getPolicy();
  if (!pa || !pb) return pa === pb ? undefined : `${path}: policy present on one side only`;
  if (pa.getType() !== pb.getType()) return `${path}: policy type differs`;
  return bytesEqual(pa.getValue_asU8(), pb.getValue_asU8()) ? undefined : `${path}: policy bytes differ`;
}

function mapDifference<V>(path: string, a: ProtoMap<V>, b: ProtoMap<V>, compare: (path: string, x: V, y: V) => string | undefined): string | undefined {
  const keys = keysDiffer(path, a, b);
  if (keys) return keys;
  for (const [key, value] of entriesOf(a)) {
    const difference = compare(`${path}/${key}`, value, b.get(key) as V);
    if (difference) return difference;
  }
  return undefined;
}

function groupDifference(path: string, a: common.ConfigGroup | undefined, b: common.ConfigGroup | undefined): string | undefined {
  if (!a || !b) return a === b ? undefined : `${path}: present on one side only`;
  if (a.getVersion() !== b.getVersion()) return `${path}: version ${a.getVersion()} != ${b.getVersion()}`;
  if (a.getModPolicy() !== b.getModPolicy()) return `${path}: mod_policy "${a.getModPolicy()}" != "${b.getModPolicy()}"`;
  return (
    mapDifference(`${path}/values`, valuesOf(a), valuesOf(b), valueDifference) ??
    mapDifference(`${path}/policies`, policiesOf(a), policiesOf(b), policyDifference) ??
    mapDifference(`${path}/groups`, groupsOf(a), groupsOf(b), groupDifference)
  );
}

/**
 * Where two ConfigUpdates differ (e.g. `write_set/groups/Application/groups/Org3MSP/values/MSP: value
 * bytes differ`), or undefined when they are the same update.
 *
 * Byte equality of two serialized updates is not used: google-protobuf (which fabric-protos uses) writes
 * map entries sorted by key, but Go's proto.Marshal (configtxlator, the peer CLI, the Go SDK) writes them
 * in random map order, so the same update can have several encodings. The comparison is instead on the
 * structure: channel ID, versions, mod_policies and key sets, while the payloads of values and policies
 * are compared as raw bytes, because those bytes are what the orderer will store.
 */
export function configUpdateDifference(a: common.ConfigUpdate, b: common.ConfigUpdate): string | undefined {
  if (a.getChannelId() !== b.getChannelId()) return `channel_id "${a.getChannelId()}" != "${b.getChannelId()}"`;
  const isolatedA = a.getIsolatedDataMap() as ProtoMap<Uint8Array | string>;
  const isolatedB = b.getIsolatedDataMap() as ProtoMap<Uint8Array | string>;
  const isolated = mapDifference('isolated_data', isolatedA, isolatedB, (path, x, y) =>
    bytesEqual(asBytes(x), asBytes(y)) ? undefined : `${path}: bytes differ`,
  );
  return isolated ?? groupDifference('read_set', a.getReadSet(), b.getReadSet()) ?? groupDifference('write_set', a.getWriteSet(), b.getWriteSet());
}

// jspb keeps `bytes` map values as given: a Uint8Array, or base64 text after some decode paths.
function asBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
}

/** Whether two ConfigUpdates are the same update; see {@link configUpdateDifference}. */
export function sameConfigUpdate(a: common.ConfigUpdate, b: common.ConfigUpdate): boolean {
  return configUpdateDifference(a, b) === undefined;
}
