import { readFileSync } from 'node:fs';
import { bootstrapProcess, stateFile } from './support/harness';
import { World } from './support/world';

describe("a new org's first launch", () => {
  test('when the org was admitted on two channels, its orderer and peer join both and it activates', async () => {
    const world = World.standard().admitted();
    const process = bootstrapProcess(world, stateFile());

    const result = await process.run();

    expect(result).toEqual({ status: 'COMPLETED', proposalId: world.proposal.id, channels: ['ops-channel', 'mychannel'] });
    expect(world.effects.ordererJoins).toEqual(['ops-channel', 'mychannel']);
    expect(world.effects.peerJoins).toEqual(['ops-channel', 'mychannel']);
    expect(world.member.status).toBe('ACTIVE');
    expect(world.effects.activations).toEqual([5]);
  });

  test('when a channel is joined, the orderer joins as a consenter because the config lists its orderer org', async () => {
    const world = World.standard().admitted();
    await bootstrapProcess(world, stateFile()).run();
    expect(world.own.orderer.get('ops-channel')?.consensusRelation).toBe('consenter');
  });

  test('when chaincodes are committed, each recorded package is installed once and the committed definition approved', async () => {
    const world = World.standard().admitted();
    await bootstrapProcess(world, stateFile()).run();
    expect(world.effects.installs).toEqual([...world.served.keys()]);
    expect(world.effects.approvals).toEqual(['ops-channel/consortium_ops/1', 'mychannel/sample/3']);
  });

  test('when the peer joins, approvals wait until it has caught up with the orderer', async () => {
    const world = World.standard().admitted();
    await bootstrapProcess(world, stateFile()).run();
    expect(world.own.peer.get('ops-channel')).toBe(12);
    expect(world.calls.indexOf('peer.queryCommitted')).toBeGreaterThan(world.calls.lastIndexOf('peer.height', world.calls.indexOf('peer.queryCommitted')));
  });

  test('when it has finished, the state file says so and lists every step once', async () => {
    const world = World.standard().admitted();
    const file = stateFile();
    await bootstrapProcess(world, file).run();

    const state = JSON.parse(readFileSync(file, 'utf8'));

    expect(state).toMatchObject({ version: 1, mspId: 'Org3MSP', proposalId: world.proposal.id, completedAt: expect.any(String) });
    expect(new Set(state.done).size).toBe(state.done.length);
    expect(state.done).toEqual(expect.arrayContaining(['config:ops-channel', 'orderer:mychannel', 'peer:mychannel', 'install:mychannel:sample:3', 'approve:ops-channel:consortium_ops:1', 'activate']));
  });

  test('when it runs, it logs one structured line per step with the proposal, the channel and the outcome', async () => {
    const world = World.standard().admitted();
    const process = bootstrapProcess(world, stateFile());
    await process.run();

    const steps = process.lines().filter((l) => l.component === 'bootstrap');
    const peerJoins = steps.filter((l) => l.step === 'peer-join');

    expect(peerJoins).toEqual([
      expect.objectContaining({ proposalId: world.proposal.id, channel: 'ops-channel', outcome: 'done', level: 'info', org: 'Org3MSP' }),
      expect.objectContaining({ channel: 'mychannel', outcome: 'done' }),
    ]);
    expect(steps.map((l) => l.step)).toEqual(expect.arrayContaining(['find-proposal', 'check-config', 'orderer-join', 'peer-catch-up', 'anchor-peers', 'install', 'approve', 'verify-joined', 'activate', 'bootstrap']));
  });

  test("when a channel's config lists no anchor peer of the org, it says so at warn level and carries on", async () => {
    const world = World.standard({ anchorPeers: false }).admitted();
    const process = bootstrapProcess(world, stateFile());

    await process.run();

    const anchors = process.lines().filter((l) => l.step === 'anchor-peers');
    expect(anchors).toHaveLength(2);
    expect(anchors[0]).toMatchObject({ level: 'warn', problem: expect.stringMatching(/lists no anchor peer of Org3MSP; setting them needs a config update/) });
    expect(world.member.status).toBe('ACTIVE');
  });

  test('when the org runs no orderer, only its peer joins and the orderer step says it was skipped', async () => {
    const world = World.standard().admitted();
    const process = bootstrapProcess(world, stateFile(), undefined, { orderer: false });

    await process.run();

    expect(world.effects.ordererJoins).toEqual([]);
    expect(world.effects.peerJoins).toEqual(['ops-channel', 'mychannel']);
    expect(process.lines().find((l) => l.step === 'orderer-join')).toMatchObject({ detail: expect.stringMatching(/skipped/) });
  });

  test('when the log is written, the invitation token never appears in it', async () => {
    const world = World.standard().admitted();
    const process = bootstrapProcess(world, stateFile());
    await process.run();
    expect(JSON.stringify(process.lines())).not.toMatch(/inv_/);
  });
});
