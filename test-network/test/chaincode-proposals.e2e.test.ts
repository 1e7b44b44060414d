import { cpSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberApi, MemberApi, poll } from '../src/api-client';
import { queryCommitted } from '../src/chaincode-lifecycle';
import { ChaincodePackage, packageNodeChaincode } from '../src/chaincode-package';
import { whileDiscoveryConverges } from '../src/consortium';
import { APP_CHANNEL, startConsortium } from '../src/consortium-setup';
import { NetworkState, orgHandle } from '../src/network-state';
import { repoRoot } from '../src/run-layout';
import { endorseSample } from '../src/sample-endorsement';
import { installedPackageIds } from './support/fabric-oracles';
import { stopSuiteNetwork, suiteRunDir } from './support/suite-network';

jest.setTimeout(1_200_000);

const SUITE = 'chaincode-proposals-e2e';
const NAME = 'basic';
const ORGS = ['Org1MSP', 'Org2MSP'];

describe('chaincode deployment and upgrade by proposal, end to end', () => {
  let network: NetworkState;
  const api: Record<string, MemberApi> = {};
  const upload: Record<string, (pkg: ChaincodePackage) => Promise<{ packageId: string }>> = {};
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

  async function approveAndWait(proposalId: string): Promise<void> {
    for (const mspId of ORGS) await api[mspId].call('POST', `/api/v1/proposals/${proposalId}/votes`, { decision: 'approve', reason: 'deploy it' });
    await poll(`${proposalId} to be APPLIED`, async () => {
      const p = await api.Org2MSP.call('GET', `/api/v1/proposals/${proposalId}`);
      if (p.status === 'FAILED') throw new Error(`${proposalId} FAILED: ${p.statusReason} ${JSON.stringify(p.deploymentSteps)}`);
      return p.status === 'APPLIED' ? p : undefined;
    });
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
});
