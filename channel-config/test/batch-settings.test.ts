import { type common, orderer } from '@hyperledger/fabric-protos';
import { setBatchSize, setBatchTimeout } from '../src';
import { makeConfig } from './support/hand-made-config';

function batchSize(maxMessageCount: number, absoluteMaxBytes: number, preferredMaxBytes: number): Uint8Array {
  const value = new orderer.BatchSize();
  value.setMaxMessageCount(maxMessageCount);
  value.setAbsoluteMaxBytes(absoluteMaxBytes);
  value.setPreferredMaxBytes(preferredMaxBytes);
  return value.serializeBinary();
}

const config = () =>
  makeConfig({
    groups: {
      Orderer: {
        values: {
          BatchTimeout: { version: 2, modPolicy: 'Admins', bytes: new orderer.BatchTimeout().serializeBinary() },
          BatchSize: { version: 1, modPolicy: 'Admins', bytes: batchSize(500, 10485760, 2097152) },
        },
      },
    },
  });
const value = (c: common.Config, key: string) => c.getChannelGroup()?.getGroupsMap().get('Orderer').getValuesMap().get(key) as common.ConfigValue;

describe('batch settings', () => {
  it('sets the batch timeout, keeping version and mod_policy', () => {
    const updated = setBatchTimeout(config(), '250ms');

    expect(orderer.BatchTimeout.deserializeBinary(value(updated, 'BatchTimeout').getValue_asU8()).getTimeout()).toBe('250ms');
    expect([value(updated, 'BatchTimeout').getVersion(), value(updated, 'BatchTimeout').getModPolicy()]).toEqual([2, 'Admins']);
  });

  it.each(['', '250', '2 s', 'fast', '-1s'])('refuses batch timeout %p with INVALID_VALUE', (timeout) => {
    expect(() => setBatchTimeout(config(), timeout)).toThrow(expect.objectContaining({ reason: 'INVALID_VALUE' }));
  });

  it('changes only the given batch size fields', () => {
    const updated = setBatchSize(config(), { maxMessageCount: 10 });

    const size = orderer.BatchSize.deserializeBinary(value(updated, 'BatchSize').getValue_asU8());
    expect([size.getMaxMessageCount(), size.getAbsoluteMaxBytes(), size.getPreferredMaxBytes()]).toEqual([10, 10485760, 2097152]);
  });

  it.each([0, -1, 1.5, 2 ** 32])('refuses batch size %p with INVALID_VALUE', (n) => {
    expect(() => setBatchSize(config(), { preferredMaxBytes: n })).toThrow(expect.objectContaining({ reason: 'INVALID_VALUE' }));
  });
});
