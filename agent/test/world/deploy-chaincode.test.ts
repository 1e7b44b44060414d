import { createHash } from 'node:crypto';
import { designatedAgent } from '../../src/planner/designated-agent';
import type { ChaincodeDeployerPort } from '../../src/ports';
import { ConsortiumWorld, OPS } from '../support/consortium-world';
import type { CrashSwitch } from '../support/faults';
import { FakeLifecycle, fakePackage } from '../support/fake-lifecycle';

jest.setTimeout(60_000);

const ORGS = ['Org1MSP', 'Org2MSP', 'Org3MSP'];
const API_URL = 'http://org1.example:3000';
const PACKAGE = fakePackage('basic_1.0');
const SHA = createHash('sha256').update(PACKAGE).digest('hex');
const PAYLOAD = { channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${SHA}`, sha256: SHA, label: 'basic_1.0' };

/** Three orgs, Org1 publishing its api-server URL, and Org1's DEPLOY_CHAINCODE proposal (not yet voted on). */
async function deploymentWorld(): Promise<{ world: ConsortiumWorld; lifecycle: FakeLifecycle; proposalId: string }> {
  const world = await ConsortiumWorld.create(ORGS);
  await world.harness.must(await world.harness.admin('Org1MSP'), 'UpdateMemberMetadata', JSON.stringify({ apiUrl: API_URL }));
  const proposalId = await world.harness.create('Org1MSP', 'DEPLOY_CHAINCODE', PAYLOAD);
  return { world, lifecycle: new FakeLifecycle(ORGS), proposalId };
}

/** The org that commits, by the rule the agents use. */
function committer(proposalId: string): string {
  const members = ORGS.map((mspId) => ({ mspId, status: 'ACTIVE' as const, channels: [OPS] }));
  return designatedAgent({ proposalId, channel: 'mychannel', attempt: 1, members, now: new Date(0), failoverMs: 60_000 })!;
}

const perOrg = (calls: { mspId: string }[]) => ORGS.map((mspId) => calls.filter((c) => c.mspId === mspId).length);

describe('agents deploy a chaincode by proposal', () => {
  let world: ConsortiumWorld;
  afterEach(async () => world.close());

  it('when the deployment is approved, every org installs and approves once, one org commits, and the proposal is APPLIED', async () => {
    const setup = await deploymentWorld();
    world = setup.world;
    const { lifecycle, proposalId } = setup;
    lifecycle.served.set(proposalId, PACKAGE);
    for (const mspId of ORGS) await world.startAgent(mspId, { lifecycle });

    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(perOrg(lifecycle.installs)).toEqual([1, 1, 1]);
    expect(perOrg(lifecycle.approvals)).toEqual([1, 1, 1]);
    expect(lifecycle.commits).toEqual([expect.objectContaining({ mspId: committer(proposalId), key: 'mychannel|basic|1|1.0' })]);
    expect(lifecycle.downloads.every((d) => d.apiUrl === API_URL)).toBe(true);
    const commit = proposal.deploymentSteps.find((s: { kind: string }) => s.kind === 'COMMIT');
    expect(commit).toMatchObject({ mspId: committer(proposalId), status: 'COMMITTED', blockNumber: lifecycle.commits[0].blockNumber });
    expect(await world.harness.query(await world.harness.admin('Org3MSP'), 'GetChaincodePackage', 'mychannel', 'basic', '1')).toMatchObject({ packageId: PAYLOAD.packageId });
    for (const agent of world.agents) {
      const steps = agent.log.lines().filter((l) => l.proposalId === proposalId).map((l) => `${l.step} ${l.outcome}`);
      expect(steps).toEqual(expect.arrayContaining(['DOWNLOAD done', 'VERIFY done', 'INSTALL done', 'APPROVE done', 'RECORD_STEP done']));
    }
  });

  it('when the proposer serves a package whose SHA-256 is not the approved one, it is never installed and the proposal is FAILED with the reason', async () => {
    const setup = await deploymentWorld();
    world = setup.world;
    const { lifecycle, proposalId } = setup;
    lifecycle.served.set(proposalId, fakePackage('basic_1.0', 'tampered code'));
    for (const mspId of ORGS) await world.startAgent(mspId, { lifecycle });

    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('FAILED');
    expect(proposal.statusReason).toMatch(/PACKAGE_HASH_MISMATCH: http:\/\/org1\.example:3000 served a package with SHA-256 [0-9a-f]{64}; the proposal approved/);
    expect(lifecycle.installs).toEqual([]);
    expect(lifecycle.approvals).toEqual([]);
    expect(lifecycle.commits).toEqual([]);
  });

  it('when an agent dies after installing and the committer dies after committing, the restarted agents finish with one install and approval per org and one commit', async () => {
    const setup = await deploymentWorld();
    world = setup.world;
    const { lifecycle, proposalId } = setup;
    lifecycle.served.set(proposalId, PACKAGE);
    const designated = committer(proposalId);
    const other = ORGS.find((o) => o !== designated)!;
    const dieAfterInstall = (inner: ChaincodeDeployerPort, crash: CrashSwitch): ChaincodeDeployerPort => ({
      ...inner,
      install: async (bytes) => {
        await inner.install(bytes);
        return crash.trip('after-commit');
      },
    });
    const dieAfterCommit = (inner: ChaincodeDeployerPort, crash: CrashSwitch): ChaincodeDeployerPort => ({
      ...inner,
      commit: async (definition) => {
        await inner.commit(definition);
        return crash.trip('after-commit');
      },
    });
    for (const mspId of ORGS) {
      await world.startAgent(mspId, { lifecycle, ...(mspId === designated ? { deployer: dieAfterCommit } : mspId === other ? { deployer: dieAfterInstall } : {}) });
    }

    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();
    const dead = world.agents.filter((a) => a.crash.crashed).map((a) => a.mspId).sort();
    expect(dead).toEqual([designated, other].sort());
    expect((await world.harness.proposal(proposalId)).status).toBe('APPLYING');
    for (const agent of world.agents.filter((a) => a.crash.crashed)) await world.restart(agent, { lifecycle });
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(perOrg(lifecycle.installs)).toEqual([1, 1, 1]);
    expect(perOrg(lifecycle.approvals)).toEqual([1, 1, 1]);
    expect(lifecycle.commits).toHaveLength(1);
    // the restarted committer found the definition committed: COMMITTED is recorded once, without a block it cannot know
    expect(proposal.deploymentSteps.filter((s: { kind: string }) => s.kind === 'COMMIT')).toEqual([expect.objectContaining({ mspId: designated, status: 'COMMITTED' })]);
  });
});
