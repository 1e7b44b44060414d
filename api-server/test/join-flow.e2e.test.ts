import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ApiServerHandle, startApiServer } from '../../test-network/src/api-server-process';
import { foundingMember } from '../../test-network/src/founding-member';
import { signedJoinRequest } from '../../test-network/src/joining-org';
import { OPS_CHANNEL } from '../../test-network/src/network';
import { NetworkState, orgHandle } from '../../test-network/src/network-state';
import { startConsortiumNetwork, stopSuiteNetwork } from '../../test-network/test/support/suite-network';

jest.setTimeout(600_000);
const run = promisify(execFile);
const SUITE = 'api-server-e2e';
const CLI = resolve(__dirname, '..', 'dist', 'cli', 'main.js');

async function api(server: ApiServerHandle, method: string, path: string, body?: unknown, bearer = server.adminKey): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

describe('a new org proposes itself through the real api-servers of Org1 and Org2', () => {
  let network: NetworkState;
  let org1: ApiServerHandle;
  let org2: ApiServerHandle;

  beforeAll(async () => {
    network = await startConsortiumNetwork({ name: SUITE, basePort: 23050, orgs: 3, founders: ['Org1MSP', 'Org2MSP'] });
    [org1, org2] = await Promise.all([startApiServer(orgHandle(network, 'Org1MSP')), startApiServer(orgHandle(network, 'Org2MSP'))]);
  });

  afterAll(async () => {
    expect(await stopSuiteNetwork(SUITE)).toEqual([]);
  });

  it('creates the proposal through Org1, records a tampered copy sent to Org2 as a mismatch, attests the genuine one, and reaches APPROVED by vote', async () => {
    const invite = async (server: ApiServerHandle) => {
      const res = await api(server, 'POST', '/api/v1/invitations', { mspId: 'Org3MSP', expiresInSeconds: 3600 });
      expect(res.status).toBe(201);
      return res.json as { invitationId: string; token: string; apiUrl: string };
    };
    const fromOrg1 = await invite(org1);
    const forTampering = await invite(org2);
    const fromOrg2 = await invite(org2);

    // Org3, off-network: its MSP folder, its admin key and its node endpoints, driven through the CLI.
    const org3 = orgHandle(network, 'Org3MSP');
    const work = mkdtempSync(join(tmpdir(), 'org3-join-'));
    writeFileSync(join(work, 'nodes.json'), JSON.stringify(foundingMember(org3).nodes));
    const keystore = join(org3.layout.adminMsp, 'keystore');
    const cliArgs = (invitation: { apiUrl: string; token: string }) => [
      CLI, 'join', '--msp', org3.layout.orgMsp, '--msp-id', 'Org3MSP',
      '--admin-cert', join(org3.layout.adminMsp, 'signcerts', 'cert.pem'), '--admin-key', join(keystore, readdirSync(keystore)[0]),
      '--nodes', join(work, 'nodes.json'), '--channels', OPS_CHANNEL, '--invitation', `${invitation.apiUrl},${invitation.token}`,
    ];
    const created = await run('node', cliArgs(fromOrg1));
    const proposalId = /p-[0-9a-f]{16}/.exec(created.stdout)?.[0];
    expect(proposalId).toBeDefined();

    const tampered = signedJoinRequest(org3, [OPS_CHANNEL]);
    tampered.nodes.peers[0].port += 1; // substituted on the way: no longer what Org3 signed and Org1 recorded
    const mismatch = await api(org2, 'POST', '/api/v1/join-requests', tampered, forTampering.token);
    expect(mismatch.status).toBe(409);
    expect(mismatch.json.error.code).toBe('DIGEST_MISMATCH');

    await run('node', cliArgs(fromOrg2));
    const proposal = await api(org2, 'GET', `/api/v1/proposals/${proposalId}`, undefined, org2.viewerKey);
    expect(proposal.status).toBe(200);
    expect(proposal.json.attestations.map((a: { mspId: string }) => a.mspId).sort()).toEqual(['Org1MSP', 'Org2MSP']);
    expect(proposal.json.mismatches).toEqual([expect.objectContaining({ mspId: 'Org2MSP' })]);

    for (const server of [org1, org2]) {
      const vote = await api(server, 'POST', `/api/v1/proposals/${proposalId}/votes`, { decision: 'approve', reason: 'validated and attested' });
      expect(vote.status).toBe(201);
    }
    const decided = await api(org1, 'GET', `/api/v1/proposals/${proposalId}`);
    expect(decided.json.status).toBe('APPROVED');

    const reused = await api(org1, 'POST', '/api/v1/join-requests', signedJoinRequest(org3, [OPS_CHANNEL]), fromOrg1.token);
    expect(reused.status).toBeGreaterThanOrEqual(400);
    expect(reused.json.error.code).toMatch(/INVITATION_USED|UNAUTHENTICATED/);
  });
});
