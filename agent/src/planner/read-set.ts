import type { common } from '@hyperledger/fabric-protos';
import { entriesOf, groupsOf, policiesOf, valuesOf, type ProtoMapView } from './config-maps';

function leafMismatch(path: string, current: ProtoMapView<{ getVersion(): number }>, read: ProtoMapView<{ getVersion(): number }>): string | undefined {
  for (const [key, item] of entriesOf(read)) {
    const now = current.get(key);
    if (!now) return `${path}/${key} no longer exists`;
    if (now.getVersion() !== item.getVersion()) return `${path}/${key} is at version ${now.getVersion()}, the update read version ${item.getVersion()}`;
  }
  return undefined;
}

function groupMismatch(path: string, current: common.ConfigGroup | undefined, read: common.ConfigGroup): string | undefined {
  if (!current) return `${path} no longer exists`;
  if (current.getVersion() !== read.getVersion()) return `${path} is at version ${current.getVersion()}, the update read version ${read.getVersion()}`;
  const leaves = leafMismatch(`${path}/values`, valuesOf(current), valuesOf(read)) ?? leafMismatch(`${path}/policies`, policiesOf(current), policiesOf(read));
  if (leaves) return leaves;
  for (const [key, sub] of entriesOf(groupsOf(read))) {
    const mismatch = groupMismatch(`${path}/${key}`, groupsOf(current).get(key), sub);
    if (mismatch) return mismatch;
  }
  return undefined;
}

/**
 * Why `update` no longer applies to `config`, or undefined when every version in its read set still
 * matches. This is the orderer's own first check ("error validating ReadSet"): a mismatch means the config
 * moved since the update was computed, so it must be recomputed rather than signed.
 */
export function readSetMismatch(config: common.Config, update: common.ConfigUpdate): string | undefined {
  const readSet = update.getReadSet();
  return readSet ? groupMismatch('/Channel', config.getChannelGroup(), readSet) : undefined;
}
