import { bootstrapProcess, stateFile } from './support/harness';
import { World } from './support/world';

describe('a bootstrap waiting for its admission', () => {
  test('when the proposal is approved and then applied channel by channel, it waits with backoff and joins each channel once its config includes the org', async () => {
    const world = World.standard();
    world.onPoll = (poll) => {
      if (poll === 3) world.approve();
      if (poll === 5) world.commit('ops-channel');
      if (poll === 8) world.commit('mychannel');
    };
    const process = bootstrapProcess(world, stateFile());

    await process.run();

    expect(process.clock.sleeps.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(world.effects.peerJoins).toEqual(['ops-channel', 'mychannel']);
    expect(world.member.status).toBe('ACTIVE');
  });

  test('when only the ops channel is committed, it joins the ops channel and waits for the other before activating', async () => {
    const world = World.standard();
    world.approve();
    world.commit('ops-channel');
    world.onPoll = (poll) => {
      if (poll === 6) world.commit('mychannel');
    };
    const process = bootstrapProcess(world, stateFile());

    await process.run();

    const waits = process.lines().filter((l) => l.step === 'wait');
    expect(waits.map((l) => l.waitingFor)).toEqual(['the config updates of mychannel (proposal APPLYING)']);
    expect(world.effects.activations).toHaveLength(1);
    expect(world.calls.indexOf('members.submit.ActivateMember')).toBeGreaterThan(world.calls.lastIndexOf('peer.joinChannel'));
  });

  test('when another channel commits before the ops channel, nothing is joined until the ops channel is', async () => {
    const world = World.standard();
    world.approve();
    world.commit('mychannel');
    world.onPoll = (poll) => {
      if (poll === 2) expect(world.effects.peerJoins).toEqual([]);
      if (poll === 2) world.commit('ops-channel');
    };

    await bootstrapProcess(world, stateFile()).run();

    expect(world.effects.peerJoins).toEqual(['ops-channel', 'mychannel']);
  });

  test('when the token has not been used for a join request yet, it waits for one', async () => {
    const world = World.standard().admitted();
    world.tokenUsed = false;
    world.onPoll = undefined;
    let listings = 0;
    const process = bootstrapProcess(world, stateFile());
    const list = process.deps.joinApi.listJoinRequests;
    process.deps.joinApi.listJoinRequests = async () => {
      if (++listings === 3) world.tokenUsed = true;
      return list();
    };

    await process.run();

    expect(listings).toBe(3);
    expect(process.lines().find((l) => l.step === 'wait')).toMatchObject({ waitingFor: 'a join request made with this invitation token' });
  });

  test('when the proposal is rejected, it stops with JOIN_NOT_APPROVED and touches no node', async () => {
    const world = World.standard();
    world.onPoll = (poll) => {
      if (poll === 2) world.proposal.status = 'REJECTED';
    };

    await expect(bootstrapProcess(world, stateFile()).run()).rejects.toThrow(/^JOIN_NOT_APPROVED: join proposal p-00000000000000aa is REJECTED/);
    expect(world.calls.filter((c) => c.startsWith('peer.') || c.startsWith('orderer.'))).toEqual([]);
  });

  test('when the api-server is unreachable for a while, it retries and then carries on', async () => {
    const world = World.standard().admitted();
    const process = bootstrapProcess(world, stateFile());
    const get = process.deps.joinApi.getJoinRequest;
    let failures = 0;
    process.deps.joinApi.getJoinRequest = async (id) => {
      if (failures++ < 2) throw Object.assign(new Error('GET http://api/join-requests: fetch failed'), { retryable: true });
      return get(id);
    };

    await process.run();

    expect(process.lines().filter((l) => l.outcome === 'retry-later')).toHaveLength(2);
    expect(world.member.status).toBe('ACTIVE');
  });

  test('when the channel config does not list the org although the task says COMMITTED, it waits instead of joining', async () => {
    const world = World.standard().admitted();
    const ops = world.channels.get('ops-channel')!;
    const real = ops.latestConfig;
    ops.latestConfig = { number: 8, bytes: ops.genesis };
    world.onPoll = (poll) => {
      if (poll === 3) ops.latestConfig = real;
    };
    const process = bootstrapProcess(world, stateFile());

    await process.run();

    expect(process.lines().find((l) => l.outcome === 'retry-later')).toMatchObject({ problem: expect.stringMatching(/^NOT_IN_CHANNEL_YET: the config of ops-channel/) });
    expect(world.effects.peerJoins).toEqual(['ops-channel', 'mychannel']);
  });
});
