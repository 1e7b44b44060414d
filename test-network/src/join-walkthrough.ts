import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startAgent } from './agent-process';
import { MemberApi, poll } from './api-client';
import { bootstrapEnv } from './bootstrap-env';
import { NetworkState, OrgHandle } from './network-state';
import { createNewOrg, startOrgNodes } from './new-org';
import { repoRoot } from './run-layout';

const run = promisify(execFile);

export interface Vote {
  member: MemberApi;
  decision: 'approve' | 'reject';
}

export interface WalkthroughOptions {
  state: NetworkState;
  /** The new org's name, e.g. `Org3` (MSP ID `Org3MSP`). */
  name: string;
  /** The ACTIVE members' api-servers: each issues an invitation; the first relays, the others attest. */
  members: MemberApi[];
  /** Default: every member approves. */
  votes?: Vote[];
  channels: string[];
  log: (line: string) => void;
  /** Called at the end of each phase with its duration. */
  phaseDone?: (phase: string, seconds: number) => void;
  /** Runs once the proposal is decided, while the members' agents apply it (tests inject faults here). */
  whileApplying?: (proposalId: string) => Promise<void>;
  /** Runs once the config updates are committed, before the new org's nodes start. */
  beforeBootstrap?: (proposalId: string) => Promise<void>;
}

export interface WalkthroughResult {
  org: OrgHandle;
  proposalId: string;
  /** The proposal as the first member's api-server returned it once APPLIED. */
  applied: { tasks?: { channel: string; result?: { status: string; blockNumber?: number } }[] };
}

/**
 * A new organization joins a running consortium by itself, as an org admin would do it: `org:new`, invitations,
 * `opssc join` (self-proposal and attestations, validated on-chain), votes, the members' agents applying the config
 * updates, then `org:start` (its nodes and its agent, which bootstraps and activates). Shared by `npm run demo`,
 * the onboarding benchmark and the end-to-end test.
 */
export async function joinNewOrg(options: WalkthroughOptions): Promise<WalkthroughResult> {
  const { state, name, members, channels, log } = options;
  const mspId = `${name}MSP`;
  let phaseStart = Date.now();
  const phase = (title: string) => {
    phaseStart = Date.now();
    log(`\n== ${title}`);
  };
  const done = (label: string) => {
    const seconds = (Date.now() - phaseStart) / 1000;
    options.phaseDone?.(label, seconds);
    log(`   (${seconds.toFixed(1)} s)`);
  };

  phase(`${name} is created off-network (npm run org:new): its own CA, admin, client, peer and orderer identities`);
  const { org, files } = await createNewOrg(state, name, channels);
  done('org:new');

  phase(`${members.map((m) => m.mspId).join(' and ')} issue invitations for ${mspId}`);
  const invitations: { invitationId: string; token: string; apiUrl: string; expiresAt: string }[] = [];
  for (const member of members) {
    const invitation = await member.call('POST', '/api/v1/invitations', { mspId, expiresInSeconds: 3600 });
    log(`   ${member.mspId}: invitation ${invitation.invitationId}, expires ${invitation.expiresAt}`);
    invitations.push(invitation);
  }
  done('invitations');

  phase(`${mspId} proposes itself through ${members[0].mspId} and attests through the others (npx opssc join)`);
  const keystore = join(org.layout.adminMsp, 'keystore');
  const joined = await run(process.execPath, [
    join(repoRoot, 'api-server', 'dist', 'cli', 'main.js'), 'join', '--msp', org.layout.orgMsp, '--msp-id', mspId,
    '--admin-cert', join(org.layout.adminMsp, 'signcerts', 'cert.pem'), '--admin-key', join(keystore, readdirSync(keystore)[0]),
    '--nodes', files.nodesFile, '--channels', channels.join(','),
    ...invitations.flatMap((i) => ['--invitation', `${i.apiUrl},${i.token}`]),
  ]);
  log(joined.stdout.trimEnd().replace(/^/gm, '   '));
  const proposalId = /p-[0-9a-f]{16}/.exec(joined.stdout)?.[0];
  if (!proposalId) throw new Error(`the join request did not create a proposal:\n${joined.stdout}${joined.stderr}`);
  done('join request to proposal');

  const votes = options.votes ?? members.map((member) => ({ member, decision: 'approve' as const }));
  phase(`${votes.map((v) => v.member.mspId).join(', ')} vote on ${proposalId}`);
  for (const { member, decision } of votes) {
    await member.call('POST', `/api/v1/proposals/${proposalId}/votes`, { decision, reason: decision === 'approve' ? 'MSP validated on-chain and attested' : 'we would rather wait' });
    log(`   ${member.mspId}: ${decision}`);
  }
  const decided = await poll('the decision', async () => {
    const p = await members[0].call('GET', `/api/v1/proposals/${proposalId}`);
    return p.status === 'OPEN' ? undefined : (p.status as string);
  });
  log(`   ${proposalId} is ${decided}`);
  if (decided === 'REJECTED') throw new Error(`${proposalId} was rejected`);
  done('first vote to approved');

  phase(`the members' agents compute, verify, sign and submit the config update on ${channels.join(' and ')}`);
  await options.whileApplying?.(proposalId);
  const applied = await poll('the config updates', async () => {
    const p = await members[0].call('GET', `/api/v1/proposals/${proposalId}`);
    if (p.status === 'FAILED') throw new Error(`applying ${proposalId} failed: ${JSON.stringify(p.tasks)}`);
    return p.status === 'APPLIED' ? p : undefined;
  });
  for (const task of applied.tasks ?? []) log(`   ${task.channel}: ${task.result?.status ?? task.status} in block ${task.result?.blockNumber ?? '?'}`);
  done('approved to config committed');
  await options.beforeBootstrap?.(proposalId);

  phase(`${name}'s nodes start (npm run org:start); its agent joins them, catches up the chaincodes and activates ${mspId}`);
  await startOrgNodes(state, org);
  await startAgent(org, bootstrapEnv(org, invitations[0].apiUrl, invitations[0].token, proposalId));
  await poll(`${mspId} to be ACTIVE`, async () => ((await members[0].call('GET', `/api/v1/members/${mspId}`)).status === 'ACTIVE' ? true : undefined), 600_000, 1000);
  log(`   ${mspId} is ACTIVE`);
  done('bootstrap and activation');
  return { org, proposalId, applied };
}
