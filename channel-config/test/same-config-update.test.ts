import { common } from '@hyperledger/fabric-protos';
import { computeConfigUpdate, configUpdateDifference, sameConfigUpdate } from '../src';
import { type GroupSpec, makeConfig, makeGroup } from './support/hand-made-config';

const original: GroupSpec = {
  version: 1,
  groups: { Application: { version: 2, groups: { Org1MSP: { version: 3, values: { MSP: { bytes: 'org1' } } } } } },
};
const withOrg3: GroupSpec = structuredClone(original);
withOrg3.groups!.Application.groups!.Org3MSP = { values: { MSP: { bytes: 'org3' } }, policies: { Admins: { bytes: 'admin' } } };

const recompute = () => computeConfigUpdate('ops', makeConfig(original), makeConfig(withOrg3));
const roundTrip = (u: common.ConfigUpdate) => common.ConfigUpdate.deserializeBinary(u.serializeBinary());
const org3Of = (u: common.ConfigUpdate) => u.getWriteSet()?.getGroupsMap().get('Application').getGroupsMap().get('Org3MSP') as common.ConfigGroup;

function varint(n: number): number[] {
  const bytes: number[] = [];
  for (; n >= 0x80; n >>>= 7) bytes.push((n & 0x7f) | 0x80);
  return [...bytes, n];
}

// ConfigUpdate { channel_id = 1; write_set = 3 }, with the write set given as raw ConfigGroup bytes.
function updateBytesWithWriteSet(writeSet: Uint8Array): Uint8Array {
  const channel = new TextEncoder().encode('ops');
  return Uint8Array.from([0x0a, ...varint(channel.length), ...channel, 0x1a, ...varint(writeSet.length), ...writeSet]);
}

describe('sameConfigUpdate', () => {
  it('holds for an update and its decoded bytes', () => {
    expect(sameConfigUpdate(recompute(), roundTrip(recompute()))).toBe(true);
  });

  it('holds for two encodings of one update whose map entries come in another order', () => {
    // Map entries are repeated fields, so concatenated group encodings append them: this encodes
    // write_set.groups {Org3MSP, Org1MSP} in that order, as Go's proto.Marshal may, where google-protobuf
    // always writes sorted keys.
    const group = (spec: GroupSpec) => makeGroup({ modPolicy: '', ...spec }).serializeBinary();
    const unsorted = updateBytesWithWriteSet(Buffer.concat([group({ groups: { Org3MSP: {} } }), group({ groups: { Org1MSP: { version: 3 } } })]));
    const sorted = updateBytesWithWriteSet(group({ groups: { Org1MSP: { version: 3 }, Org3MSP: {} } }));

    expect(Buffer.from(unsorted).equals(Buffer.from(sorted))).toBe(false);
    expect(sameConfigUpdate(common.ConfigUpdate.deserializeBinary(unsorted), common.ConfigUpdate.deserializeBinary(sorted))).toBe(true);
  });

  it('fails on other value bytes, and says where', () => {
    const tampered = roundTrip(recompute());
    org3Of(tampered).getValuesMap().get('MSP').setValue(new TextEncoder().encode('evil'));

    expect(sameConfigUpdate(recompute(), tampered)).toBe(false);
    expect(configUpdateDifference(recompute(), tampered)).toBe('write_set/groups/Application/groups/Org3MSP/values/MSP: value bytes differ');
  });

  it('fails on an extra member', () => {
    const tampered = roundTrip(recompute());
    org3Of(tampered).getValuesMap().set('AnchorPeers', new common.ConfigValue());

    expect(configUpdateDifference(recompute(), tampered)).toBe('write_set/groups/Application/groups/Org3MSP/values: different keys');
  });

  it('fails on another version, mod_policy, policy or channel', () => {
    const version = roundTrip(recompute());
    version.getWriteSet()?.getGroupsMap().get('Application').setVersion(9);
    const modPolicy = roundTrip(recompute());
    org3Of(modPolicy).setModPolicy('Writers');
    const policy = roundTrip(recompute());
    org3Of(policy).getPoliciesMap().get('Admins').getPolicy().setType(common.Policy.PolicyType.IMPLICIT_META);
    const channel = roundTrip(recompute());
    channel.setChannelId('other');

    expect([version, modPolicy, policy, channel].map((u) => configUpdateDifference(recompute(), u))).toEqual([
      'write_set/groups/Application: version 3 != 9',
      'write_set/groups/Application/groups/Org3MSP: mod_policy "Admins" != "Writers"',
      'write_set/groups/Application/groups/Org3MSP/policies/Admins: policy type differs',
      'channel_id "ops" != "other"',
    ]);
  });

  it('compares the read set too', () => {
    const tampered = roundTrip(recompute());
    tampered.getReadSet()?.getGroupsMap().get('Application').getGroupsMap().get('Org1MSP').setVersion(2);

    expect(configUpdateDifference(recompute(), tampered)).toBe('read_set/groups/Application/groups/Org1MSP: version 3 != 2');
  });
});
