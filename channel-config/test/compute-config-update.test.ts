import type { common } from '@hyperledger/fabric-protos';
import { computeConfigUpdate } from '../src';
import { pinned, viewGroup } from './support/group-view';
import { type GroupSpec, makeConfig } from './support/hand-made-config';

const base: GroupSpec = {
  version: 1,
  groups: {
    Application: {
      version: 2,
      values: { Capabilities: { version: 1, bytes: 'V2_5' } },
      policies: { Admins: { version: 1, bytes: 'MAJORITY Admins' } },
      groups: {
        Org1MSP: { version: 3, values: { MSP: { version: 2, bytes: 'org1-msp' }, AnchorPeers: { version: 1, bytes: 'peer0' } } },
        Org2MSP: { version: 1, values: { MSP: { bytes: 'org2-msp' } } },
      },
    },
    Orderer: { version: 5, values: { BatchTimeout: { version: 2, bytes: '2s' } } },
  },
};

// The original, changed by `edit`: every test starts from the same channel.
function variant(edit: (spec: GroupSpec) => void): common.Config {
  const spec = structuredClone(base);
  edit(spec);
  return makeConfig(spec);
}

function update(edit: (spec: GroupSpec) => void) {
  const result = computeConfigUpdate('ops', makeConfig(base), variant(edit));
  return { channelId: result.getChannelId(), read: viewGroup(result.getReadSet())!, write: viewGroup(result.getWriteSet())! };
}

describe('computeConfigUpdate', () => {
  it('when one value changes, writes it at version+1 under groups that keep their version and carry no mod_policy', () => {
    const { channelId, write } = update((s) => (s.groups!.Orderer.values!.BatchTimeout.bytes = '250ms'));

    expect(channelId).toBe('ops');
    expect(write).toEqual({
      ...pinned(1),
      groups: { Orderer: { ...pinned(5), values: { BatchTimeout: { version: 3, modPolicy: 'Admins', value: '250ms' } } } },
    });
  });

  it('when one value changes, the read set names only the path to it, not the value itself', () => {
    const { read } = update((s) => (s.groups!.Orderer.values!.BatchTimeout.bytes = '250ms'));

    expect(read).toEqual({ ...pinned(1), groups: { Orderer: pinned(5) } });
  });

  it('when a group gains a member, bumps its version, writes its mod_policy and pins the unchanged members', () => {
    const { read, write } = update((s) => (s.groups!.Application.groups!.Org3MSP = { values: { MSP: { version: 7, bytes: 'org3-msp' } } }));

    const pins = {
      groups: { Org1MSP: pinned(3), Org2MSP: pinned(1) },
      values: { Capabilities: { version: 1, modPolicy: '', value: '' } },
      policies: { Admins: { version: 1, modPolicy: '' } },
    };
    expect(read.groups.Application).toEqual({ ...pinned(2), ...pins });
    expect(write.groups.Application).toEqual({
      ...pinned(3),
      ...pins,
      modPolicy: 'Admins',
      groups: { ...pins.groups, Org3MSP: { ...pinned(0), modPolicy: 'Admins', values: { MSP: { version: 0, modPolicy: 'Admins', value: 'org3-msp' } } } },
    });
  });

  it('writes a new group whole, every element at version 0 whatever the updated config says', () => {
    const { write } = update((s) => (s.groups!.Application.groups!.Org3MSP = { version: 9, groups: { Inner: { version: 4, values: { X: { version: 7, bytes: 'x' } } } } }));

    expect(write.groups.Application.groups.Org3MSP).toEqual({
      ...pinned(0),
      modPolicy: 'Admins',
      groups: { Inner: { ...pinned(0), modPolicy: 'Admins', values: { X: { version: 0, modPolicy: 'Admins', value: 'x' } } } },
    });
  });

  it('when a group loses a member, bumps its version and lists only the remaining members', () => {
    const { read, write } = update((s) => delete s.groups!.Application.groups!.Org2MSP);

    expect(write.groups.Application.version).toBe(3);
    expect(Object.keys(write.groups.Application.groups)).toEqual(['Org1MSP']);
    expect(Object.keys(read.groups.Application.groups)).toEqual(['Org1MSP']);
  });

  it('when a value is deleted, bumps its group and pins the remaining values', () => {
    const { write } = update((s) => delete s.groups!.Application.groups!.Org1MSP.values!.AnchorPeers);

    expect(write.groups.Application).toEqual({
      ...pinned(2),
      groups: { Org1MSP: { ...pinned(4), modPolicy: 'Admins', values: { MSP: { version: 2, modPolicy: '', value: '' } } } },
    });
  });

  it('treats a value with equal bytes but another mod_policy as changed', () => {
    const { write } = update((s) => (s.groups!.Orderer.values!.BatchTimeout.modPolicy = '/Channel/Orderer/Admins'));

    expect(write.groups.Orderer.values.BatchTimeout).toEqual({ version: 3, modPolicy: '/Channel/Orderer/Admins', value: '2s' });
  });

  it('when a policy changes, writes the new policy at version+1', () => {
    const { write } = update((s) => (s.groups!.Application.policies!.Admins.bytes = 'ANY Admins'));

    expect(write.groups.Application.policies).toEqual({ Admins: { version: 2, modPolicy: 'Admins', policy: 'ANY Admins' } });
  });

  it("when only a group's mod_policy changes, rewrites the group at version+1 and pins its members", () => {
    const { write } = update((s) => (s.groups!.Orderer.modPolicy = 'Writers'));

    expect(write.groups.Orderer).toEqual({ ...pinned(6), modPolicy: 'Writers', values: { BatchTimeout: { version: 2, modPolicy: '', value: '' } } });
  });

  it('omits groups with no change below them when their parent is not rewritten', () => {
    const { write } = update((s) => (s.groups!.Application.groups!.Org1MSP.values!.AnchorPeers.bytes = 'peer1'));

    expect(Object.keys(write.groups)).toEqual(['Application']);
    expect(Object.keys(write.groups.Application.groups)).toEqual(['Org1MSP']);
  });

  it('ignores versions in the updated config, so a config differing only in versions is no change', () => {
    const attempt = () =>
      update((s) => {
        s.version = 40;
        s.groups!.Orderer.values!.BatchTimeout.version = 40;
      });

    expect(attempt).toThrow(expect.objectContaining({ reason: 'NO_CHANGE' }));
  });

  it('when nothing differs, refuses with INVALID_ARGUMENT / NO_CHANGE', () => {
    const attempt = () => computeConfigUpdate('ops', makeConfig(base), makeConfig(base));

    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', reason: 'NO_CHANGE' }));
    expect(attempt).toThrow(/^INVALID_ARGUMENT: NO_CHANGE: no differences/);
  });

  it('leaves both configs untouched', () => {
    const original = makeConfig(base);
    const updated = variant((s) => delete s.groups!.Application.groups!.Org2MSP);
    const before = [original.serializeBinary(), updated.serializeBinary()];

    computeConfigUpdate('ops', original, updated);

    expect([original.serializeBinary(), updated.serializeBinary()]).toEqual(before);
  });
});
