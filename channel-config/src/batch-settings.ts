import { common, orderer } from '@hyperledger/fabric-protos';
import { ConfigError } from './config-error';
import { ConfigKeys, cloneConfig, putValue, requireGroup } from './config-tree';
import { valuesOf } from './proto-map';

// A Go duration as time.ParseDuration accepts it, e.g. "250ms", "2s", "1m30s".
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/** Fields of the orderer's BatchSize; those left out keep their current value. */
export interface BatchSizeChange {
  maxMessageCount?: number;
  absoluteMaxBytes?: number;
  preferredMaxBytes?: number;
}

function modPolicyOf(group: common.ConfigGroup, key: string): string {
  return valuesOf(group).get(key)?.getModPolicy() ?? ConfigKeys.admins;
}

/** A copy of `config` with the orderer's BatchTimeout set to `timeout`, a Go duration such as `"250ms"`. */
export function setBatchTimeout(config: common.Config, timeout: string): common.Config {
  if (!GO_DURATION.test(timeout)) {
    throw new ConfigError('INVALID_VALUE', `batch timeout "${timeout}" is not a Go duration such as "250ms"`);
  }
  const updated = cloneConfig(config);
  const ordererGroup = requireGroup(updated, [ConfigKeys.orderer]);
  const value = new orderer.BatchTimeout();
  value.setTimeout(timeout);
  putValue(ordererGroup, ConfigKeys.batchTimeout, value.serializeBinary(), modPolicyOf(ordererGroup, ConfigKeys.batchTimeout));
  return updated;
}

/** A copy of `config` with the given BatchSize fields changed. Each must be a positive integer. */
export function setBatchSize(config: common.Config, change: BatchSizeChange): common.Config {
  for (const [field, n] of Object.entries(change)) {
    if (n !== undefined && (!Number.isInteger(n) || n <= 0 || n > 0xffffffff)) {
      throw new ConfigError('INVALID_VALUE', `batch size ${field} must be a positive 32-bit integer, got ${n}`);
    }
  }
  const updated = cloneConfig(config);
  const ordererGroup = requireGroup(updated, [ConfigKeys.orderer]);
  const current = valuesOf(ordererGroup).get(ConfigKeys.batchSize);
  const value = current ? orderer.BatchSize.deserializeBinary(current.getValue_asU8()) : new orderer.BatchSize();
  if (change.maxMessageCount !== undefined) value.setMaxMessageCount(change.maxMessageCount);
  if (change.absoluteMaxBytes !== undefined) value.setAbsoluteMaxBytes(change.absoluteMaxBytes);
  if (change.preferredMaxBytes !== undefined) value.setPreferredMaxBytes(change.preferredMaxBytes);
  putValue(ordererGroup, ConfigKeys.batchSize, value.serializeBinary(), modPolicyOf(ordererGroup, ConfigKeys.batchSize));
  return updated;
}
