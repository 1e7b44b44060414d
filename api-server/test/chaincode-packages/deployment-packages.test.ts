import { chaincodePackage } from '../support/chaincode-package';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorOf, jsonOf } from '../support/http';
import { FakeClock } from '../support/fake-clock';
import { FakeLedger } from '../support/fake-ledger';
import { startTestServer, type TestServer } from '../support/test-server';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');


describe('chaincode deployment packages', () => {
  let dir: string;
  let org1: TestServer;
  let org2: TestServer;
  let ledger: FakeLedger;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-deploy-packages-'));
    const clock = new FakeClock();
    ledger = new FakeLedger(clock);
    org1 = await startTestServer({ orgMspId: 'Org1MSP', ledger, clock, packagesDir: dir });
    org2 = await startTestServer({ orgMspId: 'Org2MSP', ledger, clock });
  });
  afterEach(async () => {
    await Promise.all([org1.close(), org2.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (server: TestServer, body: Buffer, auth: string | null = server.keys.admin, type = 'application/octet-stream') =>
    fetch(`${server.url}/api/v1/chaincode-packages`, { method: 'POST', headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), 'content-type': type }, body });

  async function propose(packageId: string, extra: object = {}): Promise<Response> {
    return org1.call('POST', '/api/v1/proposals', { auth: org1.keys.admin, body: { type: 'DEPLOY_CHAINCODE', payload: { channel: 'mychannel', name: 'basic', version: '1.0', packageId, ...extra } } });
  }

  async function approve(proposalId: string): Promise<void> {
    for (const server of [org1, org2]) {
      await server.call('POST', `/api/v1/proposals/${proposalId}/votes`, { auth: server.keys.admin, body: { decision: 'approve', reason: 'ship it' } });
    }
  }

  it('when an admin uploads a package, it is stored as <label>.tar.gz and named by label and SHA-256', async () => {
    const pkg = chaincodePackage('basic_1.0');

    const response = await upload(org1, pkg);

    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toEqual({ packageId: `basic_1.0:${sha256(pkg)}`, sha256: sha256(pkg), label: 'basic_1.0', stored: true });
    expect(readFileSync(join(dir, 'basic_1.0.tar.gz'))).toEqual(pkg);
  });

  it('when the same package is uploaded again, nothing changes and stored is false', async () => {
    const pkg = chaincodePackage('basic_1.0');
    await upload(org1, pkg);

    expect(await jsonOf(await upload(org1, pkg))).toMatchObject({ stored: false, packageId: `basic_1.0:${sha256(pkg)}` });
  });

  it('when another package is uploaded under a label already taken, it is refused with PACKAGE_LABEL_TAKEN and the first file stays', async () => {
    const first = chaincodePackage('basic_1.0');
    await upload(org1, first);

    const response = await upload(org1, chaincodePackage('basic_1.0', '// changed'));

    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('PACKAGE_LABEL_TAKEN');
    expect(readFileSync(join(dir, 'basic_1.0.tar.gz'))).toEqual(first);
  });

  it('when the body is not a chaincode package, it is refused with INVALID_ARGUMENT and nothing is stored', async () => {
    const response = await upload(org1, Buffer.from('not gzip'));

    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('INVALID_ARGUMENT');
  });

  it.each([
    ['a viewer key', 'viewer', 403],
    ['no credential', 'none', 401],
  ])('when %s uploads, it is refused and nothing is stored', async (_who, key, status) => {
    const response = await upload(org1, chaincodePackage('basic_1.0'), key === 'viewer' ? org1.keys.viewer : null);

    expect(response.status).toBe(status);
    expect(existsSync(join(dir, 'basic_1.0.tar.gz'))).toBe(false);
  });

  it('when an uploaded package is proposed, the server fills in label, sha256 and the next sequence, and the chaincode gets them', async () => {
    const pkg = chaincodePackage('basic_2.0');
    const { packageId } = await jsonOf<{ packageId: string }>(await upload(org1, pkg));
    ledger.state.recordPackage({ channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${'0'.repeat(64)}`, sha256: '0'.repeat(64), label: 'basic_1.0', recordedBy: 'Org1MSP' });

    const response = await propose(packageId, { version: '2.0', endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer','Org2MSP.peer')" } });

    expect(response.status).toBe(201);
    const proposal = await jsonOf<{ id: string; type: string; payload: object }>(response);
    expect(proposal.type).toBe('DEPLOY_CHAINCODE');
    expect(ledger.state.proposal(proposal.id).payload).toEqual({
      channel: 'mychannel', name: 'basic', version: '2.0', sequence: 2, packageId, label: 'basic_2.0', sha256: sha256(pkg),
      endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer','Org2MSP.peer')" },
    });
  });

  it('when the proposed package was not uploaded to this server, it is refused with CHAINCODE_PACKAGE_NOT_FOUND before reaching the chaincode', async () => {
    const response = await propose(`basic_1.0:${'a'.repeat(64)}`);

    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('CHAINCODE_PACKAGE_NOT_FOUND');
    expect(ledger.state.proposals.size).toBe(0);
  });

  it('when the payload carries an unknown field, it is refused with INVALID_ARGUMENT', async () => {
    const { packageId } = await jsonOf<{ packageId: string }>(await upload(org1, chaincodePackage('basic_1.0')));

    expect((await propose(packageId, { collections: [] })).status).toBe(400);
  });

  it("when a deployment is approved, anyone may download its package from the proposer's server; before that, it is refused with FORBIDDEN", async () => {
    const pkg = chaincodePackage('basic_1.0');
    const { packageId } = await jsonOf<{ packageId: string }>(await upload(org1, pkg));
    const { id } = await jsonOf<{ id: string }>(await propose(packageId));
    const download = () => fetch(`${org1.url}/api/v1/proposals/${id}/package`);

    const early = await download();
    await approve(id);
    const approved = await download();

    expect(early.status).toBe(403);
    expect((await errorOf(early)).code).toBe('FORBIDDEN');
    expect(approved.status).toBe(200);
    expect(approved.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await approved.arrayBuffer())).toEqual(pkg);
  });

  it('when the proposal is not a deployment, its package download is refused with FORBIDDEN', async () => {
    const created = await org1.call('POST', '/api/v1/proposals', { auth: org1.keys.admin, body: { type: 'SET_VOTING_POLICY', payload: { policy: { rule: 'ALL' } } } });
    const { id } = await jsonOf<{ id: string }>(created);
    await approve(id);

    expect((await fetch(`${org1.url}/api/v1/proposals/${id}/package`)).status).toBe(403);
  });
});
