import { readFileSync } from 'node:fs';
import { Crash, type EffectPoint } from './support/fake-ports';
import { bootstrapProcess, stateFile } from './support/harness';
import { World } from './support/world';

/** The effects of a complete bootstrap of the standard world, each exactly once. */
function expectExactlyOnce(world: World): void {
  expect(world.effects.ordererJoins).toEqual(['ops-channel', 'mychannel']);
  expect(world.effects.peerJoins).toEqual(['ops-channel', 'mychannel']);
  expect(world.effects.installs).toHaveLength(2);
  expect(world.effects.approvals).toEqual(['ops-channel/consortium_ops/1', 'mychannel/sample/3']);
  expect(world.effects.activations).toHaveLength(1);
  expect(world.member.status).toBe('ACTIVE');
}

/** How many state saves a full bootstrap of the standard world makes. */
async function savesOfAFullRun(): Promise<number> {
  const world = World.standard().admitted();
  const crash = new Crash();
  await bootstrapProcess(world, stateFile(), crash).run();
  return crash.saves;
}

describe('a bootstrap that crashes and restarts', () => {
  test.each<EffectPoint>(['orderer-join', 'peer-join', 'install', 'approve', 'activate'])(
    'when the process dies right after the %s took effect, the restarted process finishes with every effect exactly once',
    async (point) => {
      const world = World.standard().admitted();
      const file = stateFile();

      await expect(bootstrapProcess(world, file, new Crash({ afterEffect: point })).run()).rejects.toThrow(/simulated crash/);
      const restarted = await bootstrapProcess(world, file).run();

      expect(restarted.status).toBe('COMPLETED');
      expectExactlyOnce(world);
    },
  );

  test('when the process dies after any recorded step, the restarted process finishes with every effect exactly once', async () => {
    const saves = await savesOfAFullRun();
    expect(saves).toBeGreaterThan(15);
    for (let save = 1; save <= saves; save++) {
      const world = World.standard().admitted();
      const file = stateFile();

      await expect(bootstrapProcess(world, file, new Crash({ afterSave: save })).run()).rejects.toThrow(/simulated crash/);
      await bootstrapProcess(world, file).run();

      expectExactlyOnce(world);
    }
  });

  test('when it crashes after joining its peer, the restart does not ask the peer to join again', async () => {
    const world = World.standard().admitted();
    const file = stateFile();
    await expect(bootstrapProcess(world, file, new Crash({ afterEffect: 'peer-join' })).run()).rejects.toThrow();
    world.calls.length = 0;

    await bootstrapProcess(world, file).run();

    expect(world.calls.filter((c) => c === 'peer.joinChannel')).toEqual(['peer.joinChannel']); // mychannel only
  });

  test('when it runs again after completion, it does nothing at all beyond reading its state', async () => {
    const world = World.standard().admitted();
    const file = stateFile();
    await bootstrapProcess(world, file).run();
    const before = readFileSync(file, 'utf8');
    world.calls.length = 0;

    const again = await bootstrapProcess(world, file).run();

    expect(again.status).toBe('ALREADY_COMPLETE');
    expect(world.calls).toEqual(['state.load']);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('when the state file belongs to another org, it refuses to start', async () => {
    const file = stateFile();
    await bootstrapProcess(World.standard().admitted(), file).run();
    const other = Object.assign(World.standard().admitted(), { mspId: 'Org4MSP' }) as World;

    await expect(bootstrapProcess(other, file).run()).rejects.toThrow(/belongs to Org3MSP, not Org4MSP/);
  });
});
