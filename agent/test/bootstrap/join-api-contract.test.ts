import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpJoinApi } from '../../src/bootstrap';
import { FakeClock } from '../../../api-server/test/support/fake-clock';
import { FakeLedger } from '../../../api-server/test/support/fake-ledger';
import { issueInvitation } from '../../../api-server/test/support/invitations';
import { org3Pki, signedJoinRequest } from '../../../api-server/test/support/join-request-fixture';
import { startTestServer, type TestServer } from '../../../api-server/test/support/test-server';

const PACKAGE = Buffer.from('consortium_ops package bytes');
const PACKAGE_ID = `consortium_ops_1.0:${createHash('sha256').update(PACKAGE).digest('hex')}`;

/**
 * The agent's api client against the real api-server (its routes, auth, schemas and error mapping over
 * HTTP, on a fake ledger): the contract between the two sides of the bootstrap.
 */
describe("the joining agent's client against the real api-server", () => {
  let dir: string;
  let org1: TestServer;
  let org2: TestServer;
  let token: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-contract-'));
    writeFileSync(join(dir, 'consortium_ops_1.0.tar.gz'), PACKAGE);
    const clock = new FakeClock();
    const ledger = new FakeLedger(clock);
    org1 = await startTestServer({ orgMspId: 'Org1MSP', ledger, clock, packagesDir: dir });
    org2 = await startTestServer({ orgMspId: 'Org2MSP', ledger, clock });
    ({ token } = await issueInvitation(org1));
  });
  afterEach(async () => {
    await Promise.all([org1.close(), org2.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  async function proposeAndApprove(): Promise<string> {
    const response = await org1.call('POST', '/api/v1/join-requests', { auth: token, body: signedJoinRequest('Org3MSP', await org3Pki()) });
    const { proposalId } = (await response.json()) as { proposalId: string };
    for (const server of [org1, org2]) {
      await server.call('POST', `/api/v1/proposals/${proposalId}/votes`, { auth: server.keys.admin, body: { decision: 'approve', reason: 'ok' } });
    }
    return proposalId;
  }

  test('when the org is approved and its ops channel update commits, the agent finds its proposal, the channel state, the endpoints and the package from its token alone', async () => {
    const proposalId = await proposeAndApprove();
    org1.ledger.state.recordTask(proposalId, 'ops-channel', 'COMMITTED', 7);
    const api = httpJoinApi(org1.url, token);

    const [listed] = await api.listJoinRequests();
    const status = await api.getJoinRequest(listed.proposalId);
    const material = await api.getBootstrap(proposalId);
    const bytes = await api.downloadPackage(PACKAGE_ID);

    expect(listed.proposalId).toBe(proposalId);
    expect(status).toEqual({ proposalId, status: 'APPLIED', memberStatus: 'APPROVED', channels: ['ops-channel'], tasks: [{ channel: 'ops-channel', attempt: 1, status: 'COMMITTED', blockNumber: 7 }] });
    expect(material.channels.map((c) => c.channel)).toEqual(['ops-channel']);
    expect(material.channels[0].peers).toEqual([{ mspId: 'Org1MSP', endpoints: ['peer0.org1.example.com:7051'] }]);
    expect(Buffer.from(bytes)).toEqual(PACKAGE);
  });

  test('when the org is not approved yet, a package download is refused and the error is not retryable', async () => {
    await org1.call('POST', '/api/v1/join-requests', { auth: token, body: signedJoinRequest('Org3MSP', await org3Pki()) });
    await expect(httpJoinApi(org1.url, token).downloadPackage(PACKAGE_ID)).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', retryable: false });
  });
});
