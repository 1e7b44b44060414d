import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorOf, jsonOf } from '../support/http';
import { issueInvitation } from '../support/invitations';
import { FakeClock } from '../support/fake-clock';
import { FakeLedger } from '../support/fake-ledger';
import { org3Pki, signedJoinRequest } from '../support/join-request-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const PACKAGE = Buffer.from('a chaincode package: metadata.json and code.tar.gz');
const PACKAGE_ID = `sample_1.0:${sha256(PACKAGE)}`;
const OUTSIDE = Buffer.from('a secret outside the package directory');

describe('chaincode package downloads', () => {
  let dir: string;
  let outside: string;
  let org1: TestServer;
  let org2: TestServer;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-packages-'));
    outside = mkdtempSync(join(tmpdir(), 'opssc-outside-'));
    writeFileSync(join(dir, 'sample_1.0.tar.gz'), PACKAGE);
    writeFileSync(join(outside, 'secret.tar.gz'), OUTSIDE);
    symlinkSync(join(outside, 'secret.tar.gz'), join(dir, 'leak.tar.gz'));
    const clock = new FakeClock();
    const ledger = new FakeLedger(clock);
    org1 = await startTestServer({ orgMspId: 'Org1MSP', ledger, clock, packagesDir: dir });
    org2 = await startTestServer({ orgMspId: 'Org2MSP', ledger, clock });
  });
  afterEach(async () => {
    await Promise.all([org1.close(), org2.close()]);
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const download = (server: TestServer, id: string, auth?: string) => server.call('GET', `/api/v1/chaincode-packages/${id}`, { auth });

  /** Org3 proposes itself through Org1 with a fresh token; returns the token and the proposal id. */
  async function joinOrg3(): Promise<{ token: string; proposalId: string }> {
    const { token } = await issueInvitation(org1);
    const response = await org1.call('POST', '/api/v1/join-requests', { auth: token, body: signedJoinRequest('Org3MSP', await org3Pki()) });
    return { token, proposalId: (await jsonOf<{ proposalId: string }>(response)).proposalId };
  }

  async function vote(proposalId: string, decision: 'approve' | 'reject'): Promise<void> {
    for (const server of [org1, org2]) {
      await server.call('POST', `/api/v1/proposals/${proposalId}/votes`, { auth: server.keys.admin, body: { decision, reason: decision } });
    }
  }

  it('when a viewer key asks for a package it holds, the bytes are sent as application/octet-stream', async () => {
    const response = await download(org1, PACKAGE_ID, org1.keys.viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="sample_1.0.tar.gz"');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PACKAGE);
  });

  it('when the id is URL-encoded, as a client encodes its colon, the same package is sent', async () => {
    const response = await download(org1, encodeURIComponent(PACKAGE_ID), org1.keys.admin);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(PACKAGE));
  });

  it('when the joining org was approved, its invitation token downloads the package', async () => {
    const { token, proposalId } = await joinOrg3();
    await vote(proposalId, 'approve');
    const response = await download(org1, PACKAGE_ID, token);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PACKAGE);
  });

  it('when the join request is still open, the token is refused with FORBIDDEN and no file is read', async () => {
    const { token } = await joinOrg3();
    const response = await download(org1, PACKAGE_ID, token);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('FORBIDDEN');
  });

  it('when the join request was rejected, the token is refused with FORBIDDEN', async () => {
    const { token, proposalId } = await joinOrg3();
    await vote(proposalId, 'reject');
    expect((await download(org1, PACKAGE_ID, token)).status).toBe(403);
  });

  it('when the token was never used for a join request, it is refused with FORBIDDEN', async () => {
    const { token } = await issueInvitation(org1);
    const response = await download(org1, PACKAGE_ID, token);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toMatch(/not been used/);
  });

  it('when there is no credential or a wrong key, it is refused with UNAUTHENTICATED', async () => {
    expect((await download(org1, PACKAGE_ID)).status).toBe(401);
    expect((await download(org1, PACKAGE_ID, `${org1.keys.viewer}x`)).status).toBe(401);
    expect((await download(org1, PACKAGE_ID, 'inv_0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401);
  });

  it('when another org\'s key is used, it is refused: keys are per org', async () => {
    expect((await download(org1, PACKAGE_ID, org2.keys.admin)).status).toBe(401);
  });

  it.each([
    ['an encoded ../ path', encodeURIComponent('../../etc/passwd')],
    ['an encoded path with a valid-looking hash', encodeURIComponent(`../${PACKAGE_ID}`)],
    ['a label with an encoded slash', encodeURIComponent(`a/b:${sha256(PACKAGE)}`)],
    ['an upper-case hash', `sample_1.0:${sha256(PACKAGE).toUpperCase()}`],
    ['no hash', 'sample_1.0'],
  ])('when the id is %s, it is refused with INVALID_ARGUMENT before any file is touched', async (_what, id) => {
    const response = await download(org1, id, org1.keys.viewer);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('INVALID_ARGUMENT');
  });

  it('when a file in the directory is a symlink to a file outside, it is not served even with the right hash', async () => {
    const response = await download(org1, `leak:${sha256(OUTSIDE)}`, org1.keys.viewer);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('when the label is right but the hash is not the file\'s, it answers NOT_FOUND', async () => {
    const response = await download(org1, `sample_1.0:${sha256('other bytes')}`, org1.keys.viewer);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
  });

  it('when no file has the label, it answers NOT_FOUND', async () => {
    expect((await download(org1, `unknown_1.0:${sha256(PACKAGE)}`, org1.keys.viewer)).status).toBe(404);
  });

  it('when the server has no package directory, it answers NOT_FOUND', async () => {
    expect((await download(org2, PACKAGE_ID, org2.keys.viewer)).status).toBe(404);
  });

  it('when a viewer lists the records of a channel, it gets the on-chain records of that channel', async () => {
    const record = { channel: 'mychannel', name: 'sample', version: '1.0', sequence: 1, packageId: PACKAGE_ID, sha256: sha256(PACKAGE), label: 'sample_1.0', recordedBy: 'Org1MSP' };
    org1.ledger.state.recordPackage(record);
    org1.ledger.state.recordPackage({ ...record, channel: 'ops-channel' });

    const response = await org1.call('GET', '/api/v1/chaincode-packages?channel=mychannel', { auth: org1.keys.viewer });

    expect(await jsonOf(response)).toEqual({ items: [record] });
    expect(org1.ledger.calls.at(-1)).toEqual({ org: 'Org1MSP', kind: 'evaluate', name: 'ListChaincodePackages', args: ['mychannel'] });
  });

  it('when an invitation token lists the records, it is refused: the list is for API keys', async () => {
    const { token } = await issueInvitation(org1);
    expect((await org1.call('GET', '/api/v1/chaincode-packages', { auth: token })).status).toBe(401);
  });
});
