import { common, orderer } from '@hyperledger/fabric-protos';
import { ConfigError } from './config-error';
import { ConfigKeys, cloneConfig, putValue, requireGroup } from './config-tree';
import { parseGoDuration } from './go-duration';
import { valuesOf } from './proto-map';

/** The orderer's BatchSize: how many transactions and bytes a block may hold. */
export interface BatchSize {
  maxMessageCount: number;
  absoluteMaxBytes: number;
  preferredMaxBytes: number;
}

const BATCH_SIZE_FIELDS = ['maxMessageCount', 'absoluteMaxBytes', 'preferredMaxBytes'] as const;

/** Fields of the orderer's BatchSize; those left out keep their current value. */
export type BatchSizeChange = Partial<BatchSize>;

function modPolicyOf(group: common.ConfigGroup, key: string): string {
  return valuesOf(group).get(key)?.getModPolicy() ?? ConfigKeys.admins;
}

/**
 * The length in nanoseconds of a batch timeout, a Go duration such as `"250ms"`. Throws INVALID_VALUE when it
 * is not one, or is zero: the orderer refuses a non-positive batch timeout.
 */
export function checkBatchTimeout(timeout: string): bigint {
  const nanos = parseGoDuration(timeout);
  if (nanos === undefined || nanos === 0n) {
    throw new ConfigError('INVALID_VALUE', `batch timeout "${timeout}" is not a positive Go duration such as "250ms"`);
  }
  return nanos;
}

/** Throws INVALID_VALUE unless each given field is a positive 32-bit integer (BatchSize fields are uint32). */
export function checkBatchSizeFields(change: BatchSizeChange): void {
  for (const field of BATCH_SIZE_FIELDS) {
    const n = change[field];
    if (n !== undefined && (!Number.isInteger(n) || n <= 0 || n > 0xffffffff)) {
      throw new ConfigError('INVALID_VALUE', `batch size ${field} must be a positive 32-bit integer, got ${n}`);
    }
  }
}

/** Like {@link checkBatchSizeFields} for a whole BatchSize, which the orderer also refuses when the preferred size exceeds the absolute one. */
export function checkBatchSize(size: BatchSize): void {
  checkBatchSizeFields(size);
  if (size.preferredMaxBytes > size.absoluteMaxBytes) {
    throw new ConfigError('INVALID_VALUE', `batch size preferredMaxBytes ${size.preferredMaxBytes} exceeds absoluteMaxBytes ${size.absoluteMaxBytes}`);
  }
}

/** The serialized `BatchTimeout` value holding `timeout` as written. */
export function batchTimeoutValueBytes(timeout: string): Uint8Array {
  const value = new orderer.BatchTimeout();
  value.setTimeout(timeout);
  return value.serializeBinary();
}

/** The serialized `BatchSize` value. */
export function batchSizeValueBytes(size: BatchSize): Uint8Array {
  const value = new orderer.BatchSize();
  value.setMaxMessageCount(size.maxMessageCount);
  value.setAbsoluteMaxBytes(size.absoluteMaxBytes);
  value.setPreferredMaxBytes(size.preferredMaxBytes);
  return value.serializeBinary();
}

/** A copy of `config` with the orderer's BatchTimeout set to `timeout`, a positive Go duration such as `"250ms"`. */
export function setBatchTimeout(config: common.Config, timeout: string): common.Config {
  checkBatchTimeout(timeout);
  const updated = cloneConfig(config);
  const ordererGroup = requireGroup(updated, [ConfigKeys.orderer]);
  putValue(ordererGroup, ConfigKeys.batchTimeout, batchTimeoutValueBytes(timeout), modPolicyOf(ordererGroup, ConfigKeys.batchTimeout));
  return updated;
}

/** A copy of `config` with the given BatchSize fields changed. Each must be a positive integer. */
export function setBatchSize(config: common.Config, change: BatchSizeChange): common.Config {
  checkBatchSizeFields(change);
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
