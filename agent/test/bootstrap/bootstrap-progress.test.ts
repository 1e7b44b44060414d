import { BootstrapProgress } from '../../src/bootstrap';
import { bootstrapProcess, stateFile } from './support/harness';
import { World } from './support/world';

describe('the bootstrap progress shown on the status endpoint', () => {
  test('while the join waits for the vote, the snapshot says what it waits for', async () => {
    const world = World.standard();
    const progress = new BootstrapProgress();
    const seen: (string | undefined)[] = [];
    world.onPoll = (poll) => {
      seen.push(progress.snapshot().waitingFor);
      if (poll === 2) world.admitted();
    };
    const process = bootstrapProcess(world, stateFile());

    await process.run(progress.onStep);

    expect(seen[1]).toBe("the members' vote (proposal OPEN)");
    expect(progress.snapshot()).toMatchObject({ phase: 'bootstrap', proposalId: world.proposal.id, channelsDone: ['ops-channel', 'mychannel'], completed: true, waitingFor: undefined });
  });
});
