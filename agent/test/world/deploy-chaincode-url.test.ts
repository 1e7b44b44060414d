import { createHash } from 'node:crypto';
import { startScriptedHost, type ScriptedHost } from '../../../core/test/support/scripted-host';
import { httpPackageSource } from '../../src/adapters/chaincode-deployer';
import type { PackageSourcePort } from '../../src/ports';
import { ConsortiumWorld } from '../support/consortium-world';
import { FakeLifecycle, fakePackage } from '../support/fake-lifecycle';

jest.setTimeout(60_000);

const ORGS = ['Org1MSP', 'Org2MSP', 'Org3MSP'];
const API_URL = 'http://org1.example:3000';
const PACKAGE = fakePackage('basic_1.0');
const SHA = createHash('sha256').update(PACKAGE).digest('hex');

/** Every org's peers as in the other deployment tests, but packages given by URL come over real HTTP. */
class UrlLifecycle extends FakeLifecycle {
  override packageSource(): PackageSourcePort {
    return { download: super.packageSource().download, downloadUrl: httpPackageSource({ timeoutMs: 5_000 }).downloadUrl };
  }
}

/** A third-party package host on 127.0.0.1 serving one package; it records every request. */
async function startHost(body: Buffer): Promise<ScriptedHost & { packageUrl: string }> {
  const host = await startScriptedHost({ '/basic_1.0.tar.gz': (res) => res.writeHead(200, { 'content-length': body.length }).end(body) });
  return { ...host, packageUrl: `${host.url}/basic_1.0.tar.gz` };
}

describe('agents deploy a chaincode whose package the proposal gives by URL', () => {
  let world: ConsortiumWorld;
  let host: Awaited<ReturnType<typeof startHost>>;
  afterEach(async () => {
    await world.close();
    await host.close();
  });

  /** Three orgs, Org1 publishing its api-server URL, and Org1's DEPLOY_CHAINCODE of the package at the host's URL, approved. */
  async function approvedDeployment(served: Buffer): Promise<{ lifecycle: UrlLifecycle; proposalId: string }> {
    host = await startHost(served);
    world = await ConsortiumWorld.create(ORGS);
    await world.harness.must(await world.harness.admin('Org1MSP'), 'UpdateMemberMetadata', JSON.stringify({ apiUrl: API_URL }));
    const payload = { channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${SHA}`, sha256: SHA, label: 'basic_1.0', packageUrl: host.packageUrl };
    const proposalId = await world.harness.create('Org1MSP', 'DEPLOY_CHAINCODE', payload);
    const lifecycle = new UrlLifecycle(ORGS);
    // the proposer's api-server also holds the package: the URL must win anyway
    lifecycle.served.set(proposalId, PACKAGE);
    for (const mspId of ORGS) await world.startAgent(mspId, { lifecycle });
    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();
    return { lifecycle, proposalId };
  }

  it('when the deployment is approved, every org downloads the package from the URL, with no Authorization header, and the proposal is APPLIED', async () => {
    const { lifecycle, proposalId } = await approvedDeployment(PACKAGE);

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.payload.packageUrl).toBe(host.packageUrl);
    expect(proposal.status).toBe('APPLIED');
    expect(lifecycle.installs.map((i) => i.mspId).sort()).toEqual(ORGS);
    expect(host.requests).toHaveLength(ORGS.length);
    expect(host.requests.map((r) => r.headers.authorization)).toEqual(ORGS.map(() => undefined));
    expect(lifecycle.downloads).toEqual([]);
  });

  it('when the URL serves a package whose SHA-256 is not the approved one, the step is recorded FAILED PACKAGE_HASH_MISMATCH and no org installs it', async () => {
    const { lifecycle, proposalId } = await approvedDeployment(fakePackage('basic_1.0', 'tampered code'));

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('FAILED');
    expect(proposal.statusReason).toMatch(/PACKAGE_HASH_MISMATCH: the proposal's packageUrl served a package with SHA-256 [0-9a-f]{64}; the proposal approved/);
    expect(proposal.deploymentSteps.length).toBeGreaterThan(0);
    expect(proposal.deploymentSteps.every((s: { status: string; reason?: string }) => s.status === 'FAILED' && s.reason?.startsWith('PACKAGE_HASH_MISMATCH'))).toBe(true);
    expect(lifecycle.installs).toEqual([]);
    expect(lifecycle.approvals).toEqual([]);
  });
});
