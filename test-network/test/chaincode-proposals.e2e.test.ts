import { cpSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentHandle, crashAgent, startAgent } from '../src/agent-process';
import { memberApi, MemberApi, poll } from '../src/api-client';
import { queryCommitted } from '../src/chaincode-lifecycle';
import { ChaincodePackage, packageNodeChaincode } from '../src/chaincode-package';
import { whileDiscoveryConverges } from '../src/consortium';
import { APP_CHANNEL, startConsortium } from '../src/consortium-setup';
import { NetworkState, orgHandle } from '../src/network-state';
import { isAlive } from '../src/process-supervisor';
import { repoRoot } from '../src/run-layout';
import { endorseSample } from '../src/sample-endorsement';
import { installedPackageIds } from './support/fabric-oracles';
import { stopSuiteNetwork, suiteRunDir } from './support/suite-network';

jest.setTimeout(1_200_000);

const SUITE = 'chaincode-proposals-e2e';
const NAME = 'basic';
const ORGS = ['Org1MSP', 'Org2MSP'];

/** The parts of GET /api/v1/proposals/:id that these tests read. */
interface DeploymentProposal {
  id: string;
  status: string;
  statusReason?: string;
  votes: { mspId: string; decision: string }[];
  deploymentSteps: { kind: 'ORG' | 'COMMIT'; mspId: string; status: string; packageId?: string }[];
}

const orgStep = (proposal: DeploymentProposal, mspId: string) => proposal.deploymentSteps.find((s) => s.kind === 'ORG' && s.mspId === mspId);

describe('chaincode deployment and upgrade by proposal, end to end', () => {
  let network: NetworkState;
  const api: Record<string, MemberApi> = {};
  const upload: Record<string, (pkg: ChaincodePackage) => Promise<{ packageId: string }>> = {};
  const agents: Record<string, AgentHandle> = {};
  /** Every api-server and agent pid the suite started (a restarted agent too): none may outlive the teardown. */
  const daemonPids: number[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'opssc-cc-proposals-'));
  /** A third package, uploaded but never deployed: withdrawn, then rejected. */
  let third: ChaincodePackage;

  /** The smoke chaincode with one more comment line, so that its package (and id) differ. */
  function variant(label: string, comment: string): ChaincodePackage {
    const dir = join(scratch, label);
    cpSync(join(repoRoot, 'test-network', 'fixtures', 'smoke-chaincode'), dir, { recursive: true });
    if (comment) appendFileSync(join(dir, 'index.js'), `\n// ${comment}\n`);
    return packageNodeChaincode(dir, label, join(scratch, `${label}.tar.gz`));
  }

  async function propose(packageId: string, version: string): Promise<{ id: string; payload: { sequence: number } }> {
    return api.Org1MSP.call('POST', '/api/v1/proposals', { type: 'DEPLOY_CHAINCODE', payload: { channel: APP_CHANNEL, name: NAME, version, packageId } });
  }

  async function approveByAll(proposalId: string): Promise<void> {
    for (const mspId of ORGS) await api[mspId].call('POST', `/api/v1/proposals/${proposalId}/votes`, { decision: 'approve', reason: 'deploy it' });
  }

  /** Polls the proposal until `reached` holds; a FAILED deployment ends the wait at once, with its reason. */
  async function waitForProposal(proposalId: string, what: string, reached: (p: DeploymentProposal) => boolean | Promise<boolean>): Promise<DeploymentProposal> {
    return poll(`${proposalId} ${what}`, async () => {
      const p = await api.Org2MSP.call<DeploymentProposal>('GET', `/api/v1/proposals/${proposalId}`);
      if (p.status === 'FAILED') throw new Error(`${proposalId} FAILED: ${p.statusReason} ${JSON.stringify(p.deploymentSteps)}`);
      return (await reached(p)) ? p : undefined;
    });
  }

  /** What an org's agent reports (GET /status) about one proposal: working, waiting, idle or error. */
  async function agentActivity(mspId: string, proposalId: string): Promise<{ state: string; waitingFor?: string } | undefined> {
    const status = (await (await fetch(agents[mspId].statusUrl)).json()) as { proposals: { proposalId: string; state: string; waitingFor?: string }[] };
    return status.proposals.find((p) => p.proposalId === proposalId);
  }

  async function approveAndWait(proposalId: string): Promise<void> {
    await approveByAll(proposalId);
    await waitForProposal(proposalId, 'to be APPLIED', (p) => p.status === 'APPLIED');
  }

  async function invokeAsEachOrg(): Promise<void> {
    for (const mspId of ORGS) {
      const other = ORGS.filter((o) => o !== mspId);
      const endorsed = await whileDiscoveryConverges(() => endorseSample(orgHandle(network, mspId), APP_CHANNEL, NAME, other));
      expect(endorsed).toMatchObject({ valid: true, readBack: `${mspId} was here` });
    }
  }

  beforeAll(async () => {
    const consortium = await startConsortium({ runDir: suiteRunDir(SUITE), basePort: 20550, orgs: 2, log: () => undefined });
    network = consortium.state;
    for (const agent of consortium.agents) agents[agent.mspId] = agent;
    daemonPids.push(...consortium.servers.map((s) => s.pid), ...consortium.agents.map((a) => a.pid));
    for (const server of consortium.servers) {
      api[server.mspId] = memberApi(server.mspId, server.url, server.adminKey);
      upload[server.mspId] = async (pkg) => {
        const res = await fetch(`${server.url}/api/v1/chaincode-packages`, {
          method: 'POST', headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/octet-stream' }, body: readFileSync(pkg.file),
        });
        const json = await res.json();
        if (res.status !== 201) throw new Error(`upload ${pkg.label}: HTTP ${res.status} ${JSON.stringify(json)}`);
        return json as { packageId: string };
      };
    }
  });

  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    expect(await stopSuiteNetwork(SUITE)).toEqual([]);
    // stopSuiteNetwork finds stragglers by their command line or working directory in the run dir, which the Node
    // daemons do not have (they run from the repository root): check them by pid.
    expect(daemonPids.filter(isAlive)).toEqual([]);
  });

  it('deploys a Node chaincode by proposal: both orgs install and approve it, one commits, and each org invokes it', async () => {
    const pkg = variant('basic_1.0', '');
    const { packageId } = await upload.Org1MSP(pkg);
    expect(packageId).toBe(pkg.packageId);

    const proposal = await propose(packageId, '1.0');
    expect(proposal.payload.sequence).toBe(1);
    await approveAndWait(proposal.id);

    await invokeAsEachOrg();
    const committed = await queryCommitted(orgHandle(network, 'Org2MSP'), APP_CHANNEL, NAME);
    expect(committed).toMatchObject({ sequence: 1, version: '1.0', approvals: { Org1MSP: true, Org2MSP: true } });
    for (const mspId of ORGS) expect(await installedPackageIds(orgHandle(network, mspId))).toContain(pkg.packageId);
    const record = await api.Org2MSP.call('GET', `/api/v1/chaincode-packages?channel=${APP_CHANNEL}`);
    expect(record.items).toContainEqual(expect.objectContaining({ name: NAME, sequence: 1, packageId: pkg.packageId }));
  });

  it('upgrades it by proposal with the next sequence', async () => {
    const pkg = variant('basic_2.0', 'version 2');
    const { packageId } = await upload.Org1MSP(pkg);

    const proposal = await propose(packageId, '2.0');
    expect(proposal.payload.sequence).toBe(2);
    await approveAndWait(proposal.id);

    expect(await queryCommitted(orgHandle(network, 'Org1MSP'), APP_CHANNEL, NAME)).toMatchObject({ sequence: 2, version: '2.0', approvals: { Org1MSP: true, Org2MSP: true } });
    await invokeAsEachOrg();
  });

  it('when the proposer withdraws a deployment, it is WITHDRAWN and a later vote is refused with PROPOSAL_NOT_OPEN', async () => {
    third = variant('basic_3.0', 'version 3');
    const { packageId } = await upload.Org1MSP(third);
    const proposal = await propose(packageId, '3.0');

    const withdrawn = await api.Org1MSP.call('POST', `/api/v1/proposals/${proposal.id}/withdraw`);

    expect(withdrawn.status).toBe('WITHDRAWN');
    await expect(api.Org2MSP.call('POST', `/api/v1/proposals/${proposal.id}/votes`, { decision: 'approve', reason: 'too late' })).rejects.toThrow(/HTTP 409 .*PROPOSAL_NOT_OPEN/);
  });

  // With two members under MAJORITY, one reject already decides: Org1's approval first leaves it OPEN for the duplicate vote.
  it('when a member votes twice it is refused with VOTE_ALREADY_CAST; when the other rejects, the deployment is REJECTED and nothing is installed', async () => {
    const proposal = await propose(third.packageId, '3.0');

    await api.Org1MSP.call('POST', `/api/v1/proposals/${proposal.id}/votes`, { decision: 'approve', reason: 'fine by me' });
    await expect(api.Org1MSP.call('POST', `/api/v1/proposals/${proposal.id}/votes`, { decision: 'reject', reason: 'changed my mind' })).rejects.toThrow(/HTTP 409 .*VOTE_ALREADY_CAST/);
    const outcome = await api.Org2MSP.call('POST', `/api/v1/proposals/${proposal.id}/votes`, { decision: 'reject', reason: 'not now' });

    expect(outcome.proposalStatus).toBe('REJECTED');
    // give the agents time to (wrongly) act on the decision event before checking they did nothing
    await new Promise((r) => setTimeout(r, 3_000));
    for (const mspId of ORGS) expect(await installedPackageIds(orgHandle(network, mspId))).not.toContain(third.packageId);
    expect(await queryCommitted(orgHandle(network, 'Org1MSP'), APP_CHANNEL, NAME)).toMatchObject({ sequence: 2 });
  });

  // MAJORITY of two needs both lifecycle approvals: without Org2's agent the definition cannot be committed.
  it('an agent stopped during a deployment catches up when it restarts', async () => {
    const org1 = orgHandle(network, 'Org1MSP');
    const org2 = orgHandle(network, 'Org2MSP');
    await crashAgent(agents.Org2MSP);

    const proposal = await propose(third.packageId, '3.0');
    expect(proposal.payload.sequence).toBe(3);
    await approveByAll(proposal.id);
    // Org1's agent waits once it has done all it can alone: installed, approved, recorded, and tried to commit if designated
    const stalled = await waitForProposal(proposal.id, "to have Org1's step INSTALLED_APPROVED and Org1's agent waiting", async (p) =>
      orgStep(p, 'Org1MSP')?.status === 'INSTALLED_APPROVED' && (await agentActivity('Org1MSP', p.id))?.state === 'waiting');

    expect(stalled.status).toBe('APPLYING');
    expect(orgStep(stalled, 'Org2MSP')).toBeUndefined();
    expect(await installedPackageIds(org2)).not.toContain(third.packageId);
    expect(await queryCommitted(org1, APP_CHANNEL, NAME)).toMatchObject({ sequence: 2, version: '2.0' });

    // the same environment as before: the same identity, status port and checkpoint file
    agents.Org2MSP = await startAgent(org2);
    daemonPids.push(agents.Org2MSP.pid);
    const applied = await waitForProposal(proposal.id, "to be APPLIED once Org2's restarted agent has caught up with the deployment it missed", (p) => p.status === 'APPLIED');

    expect(orgStep(applied, 'Org2MSP')).toMatchObject({ status: 'INSTALLED_APPROVED', packageId: third.packageId });
    expect(applied.deploymentSteps.filter((s) => s.kind === 'COMMIT')).toHaveLength(1);
    expect(await installedPackageIds(org2)).toContain(third.packageId);
    expect(await queryCommitted(org2, APP_CHANNEL, NAME)).toMatchObject({ sequence: 3, version: '3.0', approvals: { Org1MSP: true, Org2MSP: true } });
    await invokeAsEachOrg();
  });

  it('a vote after the proposal closed is refused', async () => {
    // the newest applied deployment: the previous case's, or the upgrade to 2.0 when that one did not get there
    const { items } = await api.Org1MSP.call<{ items: { id: string }[] }>('GET', '/api/v1/proposals?status=APPLIED&type=DEPLOY_CHAINCODE');
    expect(items.length).toBeGreaterThan(0);
    const before = await api.Org1MSP.call<DeploymentProposal>('GET', `/api/v1/proposals/${items[0].id}`);
    expect(before.status).toBe('APPLIED');

    const answers: string[] = [];
    for (const [mspId, decision] of [['Org1MSP', 'reject'], ['Org2MSP', 'approve']]) {
      const vote = api[mspId].call('POST', `/api/v1/proposals/${before.id}/votes`, { decision, reason: 'too late' });
      answers.push(await vote.then(() => `${mspId}: accepted`, (err: Error) => err.message));
    }

    expect(answers).toEqual([expect.stringMatching(/HTTP 409 .*PROPOSAL_NOT_OPEN/), expect.stringMatching(/HTTP 409 .*PROPOSAL_NOT_OPEN/)]);
    const after = await api.Org2MSP.call<DeploymentProposal>('GET', `/api/v1/proposals/${before.id}`);
    expect(after.status).toBe('APPLIED');
    expect(after.votes).toEqual(before.votes);
    expect(after.votes).toHaveLength(ORGS.length);
  });
});
