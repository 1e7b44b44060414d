import { designatedAgent } from '../../src/planner/designated-agent';
import type { LedgerPort } from '../../src/ports';
import { ConsortiumWorld, OPS } from '../support/consortium-world';
import type { CrashPoint } from '../support/faults';
import { expectAppliedExactlyOnce, opsMembership } from '../support/world-assertions';

jest.setTimeout(60_000);

/** The org designated for attempt 1 on ops-channel, by the same rule the agents use. */
function designatedFor(proposalId: string, orgs: string[]): string {
  const members = orgs.map((mspId) => ({ mspId, status: 'ACTIVE' as const, channels: [OPS] }));
  const designated = designatedAgent({ proposalId, channel: OPS, attempt: 1, members, now: new Date(0), failoverMs: 60_000 });
  if (!designated) throw new Error('no designated agent');
  return designated;
}

type Victim = 'designated' | 'other';

const CASES: [CrashPoint, Victim, number][] = [
  ['after-fetch', 'designated', 2],
  ['after-fetch', 'other', 2],
  ['after-sign', 'designated', 2],
  ['after-sign', 'other', 2],
  ['after-signature-recorded', 'designated', 2],
  ['after-signature-recorded', 'other', 2],
  ['after-broadcast', 'designated', 2],
  ['after-commit', 'designated', 2],
  ['after-record', 'designated', 2],
  ['before-checkpoint', 'designated', 2],
  ['after-broadcast', 'designated', 3],
  ['after-commit', 'designated', 3],
  ['after-sign', 'other', 3],
];

describe('fault injection: an agent that crashes at any step of an ADD_ORG and restarts', () => {
  let world: ConsortiumWorld;
  afterEach(async () => world.close());

  it.each(CASES)('when the agent crashes %s (%s org, %i members), Org3 is added exactly once after the restart', async (point, victim, size) => {
    const orgs = ['Org1MSP', 'Org2MSP', 'Org3MSP', 'Org4MSP'].slice(0, size);
    world = await ConsortiumWorld.create(orgs);
    const joiner = `Org${size + 1}MSP`;
    const proposalId = await world.harness.propose(joiner, 'Org1MSP');
    const designated = designatedFor(proposalId, orgs);
    const crashing = victim === 'designated' ? designated : orgs.find((o) => o !== designated);
    for (const mspId of orgs) await world.startAgent(mspId, mspId === crashing ? { crashAt: point } : {});

    await world.harness.vote(proposalId, 'approve', ...orgs.slice(0, Math.floor(size / 2) + 1));
    await world.settle();
    const dead = world.agents.find((a) => a.crash.crashed);
    expect(dead?.mspId).toBe(crashing);
    await world.restart(dead!);
    await world.settle();

    await expectAppliedExactlyOnce(world, proposalId, Math.floor(size / 2) + 1);
    expect(opsMembership(world)).toMatchObject({ application: [...orgs, joiner], orderer: [...orgs, joiner], consenters: size + 1 });
    expect(world.orderer.answers.filter((a) => a.status === 'SUCCESS')).toHaveLength(1);
  });

  it('when listing some statuses fails on restart (a real peer fails ListProposals on an empty page), the others are still reconciled', async () => {
    const orgs = ['Org1MSP', 'Org2MSP'];
    world = await ConsortiumWorld.create(orgs);
    const proposalId = await world.harness.propose('Org3MSP', 'Org1MSP');
    const designated = designatedFor(proposalId, orgs);
    for (const mspId of orgs) await world.startAgent(mspId, mspId === designated ? { crashAt: 'after-broadcast' } : {});
    await world.harness.vote(proposalId, 'approve', ...orgs);
    await world.settle();
    const dead = world.agents.find((a) => a.crash.crashed);

    // a new checkpoint file: no event is replayed, only the reconcile can find the APPLYING proposal
    const failEmptyPages = (inner: LedgerPort): LedgerPort => ({
      ...inner,
      async evaluate(transaction, ...args) {
        if (transaction === 'ListProposals' && !args[0].includes('APPLYING')) throw new Error("chaincode response 500, Cannot read properties of undefined (reading 'bookmark')");
        return inner.evaluate(transaction, ...args);
      },
    });
    const restarted = await world.restart(dead!, { checkpointFile: `${dead!.checkpointFile}.new`, ledger: failEmptyPages });
    await world.settle();

    await expectAppliedExactlyOnce(world, proposalId, 2);
    expect(restarted.log.lines().filter((l) => l.message === 'cannot list proposals; the next reconcile tries again').map((l) => l.status)).toEqual(expect.arrayContaining(['APPROVED', 'OPEN']));
  });
});
