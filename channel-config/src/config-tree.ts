import { common } from '@hyperledger/fabric-protos';
import { ConfigError } from './config-error';
import { groupsOf, valuesOf } from './proto-map';

/** Well-known group and value names of a Fabric channel config. */
export const ConfigKeys = {
  application: 'Application',
  orderer: 'Orderer',
  msp: 'MSP',
  anchorPeers: 'AnchorPeers',
  endpoints: 'Endpoints',
  consensusType: 'ConsensusType',
  batchSize: 'BatchSize',
  batchTimeout: 'BatchTimeout',
  channelRestrictions: 'ChannelRestrictions',
  capabilities: 'Capabilities',
  hashingAlgorithm: 'HashingAlgorithm',
  blockDataHashingStructure: 'BlockDataHashingStructure',
  admins: 'Admins',
  readers: 'Readers',
  writers: 'Writers',
  blockValidation: 'BlockValidation',
  endorsement: 'Endorsement',
  lifecycleEndorsement: 'LifecycleEndorsement',
} as const;

/**
 * A deep copy of a config. It goes through the wire format: value and policy payloads are opaque
 * `bytes` fields, so their exact bytes survive, which is what `computeConfigUpdate` compares.
 */
export function cloneConfig(config: common.Config): common.Config {
  return common.Config.deserializeBinary(config.serializeBinary());
}

/** The root `Channel` group. Throws MALFORMED_CONFIG when the config has none. */
export function channelGroupOf(config: common.Config): common.ConfigGroup {
  const root = config.getChannelGroup();
  if (!root) {
    throw new ConfigError('MALFORMED_CONFIG', 'the config has no channel group');
  }
  return root;
}

/** The group at `path` below the channel group (e.g. `['Application', 'Org1MSP']`), if any. */
export function findGroup(config: common.Config, path: readonly string[]): common.ConfigGroup | undefined {
  let group: common.ConfigGroup | undefined = channelGroupOf(config);
  for (const name of path) {
    group = group ? groupsOf(group).get(name) : undefined;
  }
  return group;
}

/** Like {@link findGroup}, but throws GROUP_NOT_FOUND. */
export function requireGroup(config: common.Config, path: readonly string[]): common.ConfigGroup {
  const group = findGroup(config, path);
  if (!group) {
    throw new ConfigError('GROUP_NOT_FOUND', `the channel config has no /Channel/${path.join('/')} group`);
  }
  return group;
}

/** The raw bytes of a value of a group, if present. */
export function valueBytes(group: common.ConfigGroup, key: string): Uint8Array | undefined {
  return valuesOf(group).get(key)?.getValue_asU8();
}

/**
 * Sets a value's bytes and mod_policy. An existing value keeps its version: versions in an updated config
 * are ignored by the update computation, which derives them from the original.
 */
export function putValue(group: common.ConfigGroup, key: string, bytes: Uint8Array, modPolicy: string): void {
  const values = valuesOf(group);
  const value = values.get(key) ?? new common.ConfigValue();
  value.setValue(bytes);
  value.setModPolicy(modPolicy);
  values.set(key, value);
}
