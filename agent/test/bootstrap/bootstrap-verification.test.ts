import { packageBytes, sha256, World } from './support/world';
import { bootstrapProcess, stateFile } from './support/harness';

describe('chaincode packages verified against the ledger', () => {
  test('when the api-server serves other bytes than the recorded package, nothing is installed and the bootstrap stops', async () => {
    const world = World.standard().admitted();
    const record = world.records.get('mychannel/sample/3')!;
    world.served.set(record.packageId, packageBytes(record.label, 'tampered'));

    await expect(bootstrapProcess(world, stateFile()).run()).rejects.toThrow(/^PACKAGE_HASH_MISMATCH: .*refusing to install it/);
    expect(world.effects.installs).toEqual([world.records.get('ops-channel/consortium_ops/1')!.packageId]);
    expect(world.effects.approvals).not.toContain('mychannel/sample/3');
    expect(world.member.status).toBe('APPROVED');
  });

  test('when no member has recorded a package yet, it waits, and installs it once it is recorded', async () => {
    const world = World.standard().admitted();
    const record = world.records.get('mychannel/sample/3')!;
    world.records.delete('mychannel/sample/3');
    const process = bootstrapProcess(world, stateFile());
    const open = process.deps.members.open;
    process.deps.members.open = (material) => {
      const net = open(material);
      const evaluate = net.evaluate;
      net.evaluate = async (tx, ...args) => {
        try {
          return await evaluate(tx, ...args);
        } finally {
          if (args[0] === 'mychannel') world.records.set('mychannel/sample/3', record); // a member records it after the first miss
        }
      };
      return net;
    };

    await process.run();

    expect(process.lines().find((l) => l.outcome === 'retry-later')).toMatchObject({ problem: expect.stringMatching(/^PACKAGE_RECORD_MISSING/) });
    expect(world.effects.approvals).toEqual(['ops-channel/consortium_ops/1', 'mychannel/sample/3']);
  });

  test('when the record names another version than the committed definition, it stops with PACKAGE_RECORD_MISMATCH', async () => {
    const world = World.standard().admitted();
    world.records.get('mychannel/sample/3')!.version = '2.0';

    await expect(bootstrapProcess(world, stateFile()).run()).rejects.toThrow(/^PACKAGE_RECORD_MISMATCH/);
    expect(world.effects.installs).toHaveLength(1);
  });

  test("when the package's own label differs from the record's, the peer's package id differs and nothing is approved", async () => {
    const world = World.standard().admitted();
    const bytes = packageBytes('sample_other');
    const record = world.records.get('mychannel/sample/3')!;
    Object.assign(record, { sha256: sha256(bytes), packageId: `${record.label}:${sha256(bytes)}` });
    world.served.set(record.packageId, bytes);

    await expect(bootstrapProcess(world, stateFile()).run()).rejects.toThrow(/^PACKAGE_HASH_MISMATCH: the peer named the package sample_other:/);
    expect(world.effects.approvals).not.toContain('mychannel/sample/3');
  });

  test('when the committed definition has a signature policy, init-required and collections, the approval carries the same bytes', async () => {
    const world = World.standard().admitted();
    await bootstrapProcess(world, stateFile()).run();
    // the fake peer refuses any approval whose parameters differ from the committed ones
    expect(world.own.approvals.get('mychannel/sample/3')).toBe(world.records.get('mychannel/sample/3')!.packageId);
  });

  test('when the package is already installed on the peer, it is not downloaded again', async () => {
    const world = World.standard().admitted();
    for (const [id, bytes] of world.served) world.own.installed.set(id, bytes);

    await bootstrapProcess(world, stateFile()).run();

    expect(world.calls).not.toContain('api.downloadPackage');
    expect(world.effects.installs).toEqual([]);
    expect(world.effects.approvals).toHaveLength(2);
  });
});

describe('activation', () => {
  test('when the membership version moves between the read and the submit, it reads it again and activates once', async () => {
    const world = World.standard().admitted();
    const process = bootstrapProcess(world, stateFile());
    let moved = false;
    const open = process.deps.members.open;
    process.deps.members.open = (material) => {
      const net = open(material);
      const evaluate = net.evaluate;
      net.evaluate = async (tx, ...args) => {
        const answer = await evaluate(tx, ...args);
        if (tx === 'GetMembershipSnapshot' && !moved) {
          moved = true;
          world.membershipVersion += 1; // another org's membership change commits first
        }
        return answer;
      };
      return net;
    };

    await process.run();

    expect(world.effects.activations).toEqual([6]);
    expect(world.member.status).toBe('ACTIVE');
  });

  test('when the org is already ACTIVE, it does not submit an activation', async () => {
    const world = World.standard().admitted();
    world.member.status = 'ACTIVE';
    const process = bootstrapProcess(world, stateFile());

    await process.run();

    expect(world.calls).not.toContain('members.submit.ActivateMember');
    expect(process.lines().find((l) => l.step === 'activate')).toMatchObject({ outcome: 'already-done' });
  });

  test('when the org was suspended meanwhile, it stops with MEMBER_STATUS and does not activate', async () => {
    const world = World.standard().admitted();
    world.member.status = 'SUSPENDED';
    await expect(bootstrapProcess(world, stateFile()).run()).rejects.toThrow(/^MEMBER_STATUS: Org3MSP is SUSPENDED/);
    expect(world.effects.activations).toEqual([]);
  });
});
