import { TransientError } from '../../src/ledger/transient-error';
import { designatedAgent } from '../../src/planner/designated-agent';
import type { BroadcasterPort } from '../../src/ports';
import { ConsortiumWorld, OPS } from '../support/consortium-world';
import { expectAppliedExactlyOnce, opsMembership } from '../support/world-assertions';

jest.setTimeout(60_000);

const ORGS = ['Org1MSP', 'Org2MSP'];

describe("the submitting agent and the orderer's answers", () => {
  let world: ConsortiumWorld;
  let proposalId: string;
  let designated: string;
  beforeEach(async () => {
    world = await ConsortiumWorld.create(ORGS);
    proposalId = await world.harness.propose('Org3MSP', 'Org1MSP');
    const members = ORGS.map((mspId) => ({ mspId, status: 'ACTIVE' as const, channels: [OPS] }));
    designated = designatedAgent({ proposalId, channel: OPS, attempt: 1, members, now: new Date(0), failoverMs: 60_000 }) as string;
  });
  afterEach(async () => world.close());

  async function run(broadcaster: (inner: BroadcasterPort) => BroadcasterPort): Promise<void> {
    for (const mspId of ORGS) await world.startAgent(mspId, mspId === designated ? { broadcaster } : {});
    await world.harness.vote(proposalId, 'approve', ...ORGS);
    await world.settle();
  }

  it('when the orderer refuses for a reason other than a version conflict, the task is FAILED with that reason, never COMMITTED', async () => {
    await run(() => ({ broadcast: async () => ({ status: 'FORBIDDEN', info: 'implicit policy evaluation failed - 0 sub-policies were satisfied' }) }));

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('FAILED');
    expect(proposal.tasks).toEqual([expect.objectContaining({ status: 'FAILED', result: expect.objectContaining({ reason: 'FORBIDDEN: implicit policy evaluation failed - 0 sub-policies were satisfied' }) })]);
    expect(opsMembership(world).application).toEqual(ORGS);
  });

  it('when the orderer committed but its answer was lost (timeout), the retry finds the change in the config and records COMMITTED without a second broadcast', async () => {
    let sent = 0;
    await run((inner) => ({
      broadcast: async (envelope) => {
        sent++;
        await inner.broadcast(envelope);
        throw new TransientError('deadline exceeded waiting for the orderer');
      },
    }));

    await expectAppliedExactlyOnce(world, proposalId, 2);
    expect(sent).toBe(1);
  });

  it('when the orderer is unavailable, the agent retries later, checking the config first, and commits once', async () => {
    let attempts = 0;
    await run((inner) => ({
      broadcast: async (envelope) => {
        if (++attempts === 1) throw new TransientError('UNAVAILABLE: connection refused');
        return inner.broadcast(envelope);
      },
    }));

    await expectAppliedExactlyOnce(world, proposalId, 2);
    expect(attempts).toBe(2);
  });

  it("when the recorder is slower than the other agent, the other agent's status still follows the proposal to APPLIED", async () => {
    await run((inner) => ({
      broadcast: async (envelope) => {
        // real time: by now the other agent has handled every earlier event and waits for the result
        await new Promise((resolve) => setTimeout(resolve, 100));
        return inner.broadcast(envelope);
      },
    }));

    await expectAppliedExactlyOnce(world, proposalId, 2);
    const other = world.agents.find((a) => a.mspId !== designated);
    expect(other?.agent.snapshot().proposals).toEqual([expect.objectContaining({ proposalId, proposalStatus: 'APPLIED', state: 'idle' })]);
  });
});
