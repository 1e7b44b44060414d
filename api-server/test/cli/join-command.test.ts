import { rmSync } from 'node:fs';
import { signJoinRequest } from '@opssc/core';
import { httpJoinApiClient } from '../../src/cli/join-api-client';
import { runJoin, type JoinOptions } from '../../src/cli/join-command';
import { issueInvitation } from '../support/invitations';
import { org3Pki } from '../support/join-request-fixture';
import { startJoinHarness, type JoinHarness } from '../join/join-harness';
import { writeOrgFiles, type OrgFiles } from './msp-fixture';

describe('opssc join', () => {
  let h: JoinHarness;
  let files: OrgFiles;
  let output: string[];
  beforeEach(async () => {
    h = await startJoinHarness();
    files = writeOrgFiles(await org3Pki());
    output = [];
  });
  afterEach(async () => {
    await h.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  const options = async (extra: Partial<JoinOptions> = {}): Promise<JoinOptions> => {
    const [first, second] = [await issueInvitation(h.org1), await issueInvitation(h.org2)];
    return {
      mspDir: files.mspDir,
      mspId: 'Org3MSP',
      adminCertFile: files.adminCert,
      adminKeyFile: files.adminKey,
      nodesFile: files.nodes,
      channels: ['ops-channel', 'mychannel'],
      invitations: [
        { url: first.apiUrl.replace('https://api.org1msp.example.com', h.org1.url), token: first.token },
        { url: h.org2.url, token: second.token },
      ],
      follow: false,
      pollSeconds: 1,
      ...extra,
    };
  };
  const deps = (sleep: (ms: number) => Promise<void> = async () => undefined) => ({
    client: httpJoinApiClient(),
    sign: signJoinRequest,
    print: (line: string) => output.push(line),
    sleep,
  });

  it('reads the MSP folder, signs, creates the proposal at the first member and attests at the second', async () => {
    const code = await runJoin(await options(), deps());
    const [proposal] = [...h.ledger.state.proposals.values()];
    expect(code).toBe(0);
    expect(proposal).toMatchObject({ type: 'ADD_ORG', proposer: 'Org3MSP', relayedBy: 'Org1MSP' });
    expect(proposal.attestations).toEqual([expect.objectContaining({ mspId: 'Org2MSP', matched: true })]);
    const request = (proposal.payload as { request: { msp: { nodeOUs: { enable: boolean } }; channels: string[]; nodes: { orderers: { serverTlsCert: string }[] } } }).request;
    expect(request.msp.nodeOUs.enable).toBe(true);
    expect(request.channels).toEqual(['ops-channel', 'mychannel']);
    expect(request.nodes.orderers[0].serverTlsCert).toContain('BEGIN CERTIFICATE');
    expect(output).toEqual([
      expect.stringMatching(/^Join request for Org3MSP \(digest [0-9a-f]{64}\)$/),
      `✔ ${h.org1.url}: created proposal ${proposal.id}`,
      `✔ ${h.org2.url}: attested proposal ${proposal.id}`,
      expect.stringMatching(/^On-chain validation: passed/),
    ]);
  });

  it('when a member refuses, it says why, the next member still gets the request, and the exit code is 1', async () => {
    const opts = await options();
    const code = await runJoin({ ...opts, invitations: [{ url: h.org1.url, token: `${opts.invitations[0].token}x` }, opts.invitations[1]] }, deps());
    expect(code).toBe(1);
    expect(output[1]).toBe(`✘ ${h.org1.url}: UNAUTHENTICATED: invalid invitation token`);
    expect(output[2]).toMatch(new RegExp(`^✔ ${h.org2.url}: created proposal p-`));
  });

  it('when a member is unreachable, it reports it and goes on', async () => {
    const opts = await options();
    const code = await runJoin({ ...opts, invitations: [{ url: 'http://127.0.0.1:1', token: opts.invitations[0].token }, opts.invitations[1]] }, deps());
    expect(code).toBe(1);
    expect(output[1]).toMatch(/^✘ http:\/\/127\.0\.0\.1:1: unreachable/);
  });

  it('with --follow, it polls the status until the proposal is applied', async () => {
    let polls = 0;
    const sleep = async () => {
      polls += 1;
      const [proposal] = [...h.ledger.state.proposals.values()];
      // Simulates the members voting and the agents applying, one step per poll.
      proposal.status = polls === 1 ? 'APPROVED' : 'APPLIED';
      h.ledger.state.members.get('Org3MSP')!.status = 'APPROVED';
    };
    const code = await runJoin(await options({ follow: true }), deps(sleep));
    expect(code).toBe(0);
    expect(output.slice(-4)).toEqual([
      expect.stringMatching(/^Following p-[0-9a-f]{16} at http/),
      '  proposal OPEN, member PROPOSED',
      '  proposal APPROVED, member APPROVED',
      '  proposal APPLIED, member APPROVED',
    ]);
  });
});
