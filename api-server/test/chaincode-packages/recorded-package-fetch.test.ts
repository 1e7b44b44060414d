import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScriptedHost, type ScriptedHost } from '../../../core/test/support/scripted-host';
import { chaincodePackage } from '../support/chaincode-package';
import { FakeClock } from '../support/fake-clock';
import type { FakePackageRecord } from '../support/fake-consortium';
import { FakeLedger } from '../support/fake-ledger';
import { errorOf, jsonOf } from '../support/http';
import { issueInvitation } from '../support/invitations';
import { org3Pki, signedJoinRequest } from '../support/join-request-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PACKAGE = chaincodePackage('basic_1.0');
const PACKAGE_ID = `basic_1.0:${sha256(PACKAGE)}`;
const PROPOSAL_ID = 'p-0123456789abcdef';
/** Where Org2's api-server serves its approved deployment's package. */
const PROPOSER_PATH = `/api/v1/proposals/${PROPOSAL_ID}/package`;
const send = (bytes: Buffer) => (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);

/**
 * Org2 proposed the deployment of basic sequence 1 and its api-server (a scripted host here) holds the
 * package; Org3 joins through Org1, whose api-server never had the package uploaded.
 */
describe('chaincode packages fetched from the sources their on-chain record names', () => {
  let dir: string;
  let ledger: FakeLedger;
  let org1: TestServer;
  let host: ScriptedHost;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-fetched-packages-'));
    const clock = new FakeClock();
    ledger = new FakeLedger(clock);
    org1 = await startTestServer({ orgMspId: 'Org1MSP', ledger, clock, packagesDir: dir });
  });
  afterEach(async () => {
    await Promise.all([org1.close(), host?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the stand-in host, publishes it as Org2's apiUrl, and records Org2's deployment as its commit would (`record` changes the record). */
  async function deployedByOrg2(routes: Record<string, (res: ServerResponse) => void>, record: (hostUrl: string) => Partial<FakePackageRecord> = () => ({})): Promise<void> {
    host = await startScriptedHost(routes);
    ledger.state.members.get('Org2MSP')!.metadata.apiUrl = host.url;
    const definition = { channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: PACKAGE_ID, sha256: sha256(PACKAGE), label: 'basic_1.0' };
    ledger.state.addDeployment(PROPOSAL_ID, 'Org2MSP', definition);
    ledger.state.recordPackage({ ...definition, recordedBy: 'Org1MSP', proposalId: PROPOSAL_ID, ...record(host.url) });
  }

  /** Org3 asks to join through Org1 with a fresh token; the members approve it unless told otherwise. */
  async function org3Token(approved = true): Promise<string> {
    const { token } = await issueInvitation(org1);
    const response = await org1.call('POST', '/api/v1/join-requests', { auth: token, body: signedJoinRequest('Org3MSP', await org3Pki()) });
    const { proposalId } = await jsonOf<{ proposalId: string }>(response);
    if (approved) {
      for (const org of ['Org1MSP', 'Org2MSP']) await ledger.portFor(org).submit('CastVote', [proposalId, 'approve', 'welcome']);
      await ledger.portFor('Org1MSP').submit('TallyProposal', [proposalId]);
    }
    return token;
  }

  const download = (auth: string, packageId = PACKAGE_ID) => org1.call('GET', `/api/v1/chaincode-packages/${packageId}`, { auth });
  const kept = () => join(dir, 'basic_1.0.tar.gz');

  it("when an approved joiner asks for a package proposed through another member, it is fetched from the proposer's api-server, kept and served", async () => {
    await deployedByOrg2({ [PROPOSER_PATH]: send(PACKAGE) });
    const token = await org3Token();

    const response = await download(token);

    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PACKAGE);
    expect(host.requests.map((r) => r.path)).toEqual([PROPOSER_PATH]);
    expect(readFileSync(kept())).toEqual(PACKAGE);
  });

  it('when the fetched package is asked for again, it is served from the package directory without asking the proposer again', async () => {
    await deployedByOrg2({ [PROPOSER_PATH]: send(PACKAGE) });
    const token = await org3Token();
    await download(token);

    const again = await download(token);

    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer())).toEqual(PACKAGE);
    expect(host.requests).toHaveLength(1);
  });

  it('when the package is fetched, the request carries no Authorization header and none of the caller\'s or this server\'s credentials', async () => {
    await deployedByOrg2({ [PROPOSER_PATH]: send(PACKAGE) });
    const token = await org3Token();

    await download(token);

    const headers = host.requests[0].headers;
    expect(headers.authorization).toBeUndefined();
    const sent = JSON.stringify(headers);
    for (const secret of [token, org1.keys.admin, org1.keys.viewer]) expect(sent).not.toContain(secret);
  });

  it("when the record has a packageUrl, the package is fetched from that URL, not from the proposer's api-server", async () => {
    await deployedByOrg2({ '/dist/basic_1.0.tar.gz': send(PACKAGE), [PROPOSER_PATH]: send(PACKAGE) }, (url) => ({ packageUrl: `${url}/dist/basic_1.0.tar.gz` }));

    const response = await download(await org3Token());

    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PACKAGE);
    expect(host.requests.map((r) => r.path)).toEqual(['/dist/basic_1.0.tar.gz']);
    expect(readFileSync(kept())).toEqual(PACKAGE);
  });

  it("when the packageUrl does not answer with the package, the proposer's api-server is tried next", async () => {
    await deployedByOrg2({ [PROPOSER_PATH]: send(PACKAGE) }, (url) => ({ packageUrl: `${url}/gone.tar.gz` }));

    const response = await download(org1.keys.viewer);

    expect(response.status).toBe(200);
    expect(host.requests.map((r) => r.path)).toEqual(['/gone.tar.gz', PROPOSER_PATH]);
  });

  it('when the source serves other bytes than the recorded ones, it is refused with PACKAGE_HASH_MISMATCH and nothing is kept', async () => {
    await deployedByOrg2({ [PROPOSER_PATH]: send(chaincodePackage('basic_1.0', '// tampered')) });

    const response = await download(await org3Token());

    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe('PACKAGE_HASH_MISMATCH');
    expect(readdirSync(dir)).toEqual([]);
  });

  it("when the proposer's api-server does not serve the package, it is refused with UPSTREAM_UNAVAILABLE and nothing is kept", async () => {
    await deployedByOrg2({});

    const response = await download(await org3Token());

    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(host.requests.map((r) => r.path)).toEqual([PROPOSER_PATH]);
    expect(existsSync(kept())).toBe(false);
  });

  it('when no on-chain record names the package, it answers NOT_FOUND and fetches nothing', async () => {
    await deployedByOrg2({ [PROPOSER_PATH]: send(PACKAGE) });
    const other = chaincodePackage('other_1.0');

    const response = await download(await org3Token(), `other_1.0:${sha256(other)}`);

    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
    expect(host.requests).toEqual([]);
  });

  it('when the record was made by hand and names no source, it answers NOT_FOUND and fetches nothing', async () => {
    await deployedByOrg2({ [PROPOSER_PATH]: send(PACKAGE) }, () => ({ proposalId: undefined }));

    const response = await download(await org3Token());

    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
    expect(host.requests).toEqual([]);
  });

  it('when the join request is not approved yet, the token is refused with FORBIDDEN before any remote request', async () => {
    await deployedByOrg2({ [PROPOSER_PATH]: send(PACKAGE) });

    const response = await download(await org3Token(false));

    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('FORBIDDEN');
    expect(host.requests).toEqual([]);
    expect(existsSync(kept())).toBe(false);
  });
});
