import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import winston from 'winston';
import { deployConsortiumOps, evaluateAsAdmin, initConsortium, submitAsAdmin } from '../../test-network/src/consortium';
import { createChannel, down, OPS_CHANNEL, processesUsing, up } from '../../test-network/src/network';
import { orgHandle, type NetworkState, type OrgHandle } from '../../test-network/src/network-state';
import { agentEnv } from '../../test-network/src/agent-process';
import { signedJoinRequest } from '../../test-network/src/joining-org';
import { fetchChannelConfig } from '../../test-network/test/support/fabric-oracles';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logging/logger';
import { wireAgent, type WiredAgent } from '../src/main';
import { startStatusServer, type StatusServer } from '../src/status/status-server';

jest.setTimeout(900_000);

/** This suite's own network: three orgs, Org3 outside every channel until its ADD_ORG is applied. */
const RUN_DIR = resolve(__dirname, '..', '..', '.run', 'agent-apply-e2e');
const BASE_PORT = 26050;
const FOUNDERS = ['Org1MSP', 'Org2MSP'];

/**
 * TallyProposal as a client should send it: the agents tally on VoteCast too, and concurrent tallies conflict
 * at commit (MVCC); the loser retries and finds the proposal decided.
 */
async function tally(org: OrgHandle, proposalId: string): Promise<{ status: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await submitAsAdmin(org, 'TallyProposal', proposalId)) as { status: string };
    } catch (err) {
      if (attempt >= 5 || !/MVCC_READ_CONFLICT|PHANTOM_READ_CONFLICT/.test((err as Error).message)) throw err;
    }
  }
}

async function waitForStatus(org: OrgHandle, proposalId: string, statuses: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const proposal = (await evaluateAsAdmin(org, 'GetProposal', proposalId)) as { status: string; decidedAt?: string; tasks: { status: string; recordedAt: string; result?: { recordedAt: string; blockNumber?: number; reason?: string } }[] };
    if (statuses.includes(proposal.status)) return proposal;
    if (Date.now() > deadline) throw new Error(`${proposalId} is still ${proposal.status} after ${timeoutMs} ms: ${JSON.stringify(proposal.tasks)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('an approved ADD_ORG on a real Fabric network', () => {
  let state: NetworkState;
  const agents: WiredAgent[] = [];
  let status: StatusServer | undefined;

  beforeAll(async () => {
    await down(RUN_DIR);
    state = await up({ orgs: 3, basePort: BASE_PORT, runDir: RUN_DIR, channels: [], log: (line) => process.stdout.write(`[agent e2e] ${line}\n`) });
    const founders: NetworkState = { ...state, orgs: state.orgs.filter((o) => FOUNDERS.includes(o.mspId)) };
    await createChannel(founders, OPS_CHANNEL);
    await deployConsortiumOps(founders);
    await initConsortium(founders);
    mkdirSync(join(RUN_DIR, 'agents'), { recursive: true });
  });

  afterAll(async () => {
    await status?.close();
    for (const agent of agents) await agent.close();
    await down(RUN_DIR);
    expect(processesUsing(RUN_DIR)).toEqual([]);
  });

  it("is applied to ops-channel by Org1's and Org2's agents, and Fabric's own CLI shows Org3MSP in Application and Orderer", async () => {
    const [org1, org2, org3] = ['Org1MSP', 'Org2MSP', 'Org3MSP'].map((id) => orgHandle(state, id));
    for (const org of [org1, org2]) {
      const logger = createLogger({ level: 'debug', mspId: org.state.mspId, transports: [new winston.transports.File({ filename: join(RUN_DIR, 'logs', `agent-${org.state.mspId}.log`) })] });
      const wired = await wireAgent(loadConfig(agentEnv(org, { OPSSC_CHECKPOINT_FILE: join(RUN_DIR, 'agents', `${org.state.mspId}.checkpoint.json`), OPSSC_LOG_LEVEL: 'debug' })), { logger, options: { reconcileIntervalMs: 5_000 } });
      agents.push(wired);
      await wired.agent.start();
    }
    status = await startStatusServer(org1.ports.agentStatus, () => agents[0].agent.snapshot());

    const request = signedJoinRequest(org3, [OPS_CHANNEL]);
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    await submitAsAdmin(org1, 'IssueInvitation', JSON.stringify({ invitationId: 'inv-org1-org3', mspId: 'Org3MSP', expiresAt, tokenHmac: 'ab'.repeat(32) }));
    const { proposalId } = (await submitAsAdmin(org1, 'SubmitJoinRequest', 'inv-org1-org3', JSON.stringify(request))) as { proposalId: string };
    await submitAsAdmin(org2, 'IssueInvitation', JSON.stringify({ invitationId: 'inv-org2-org3', mspId: 'Org3MSP', expiresAt, tokenHmac: 'cd'.repeat(32) }));
    expect(await submitAsAdmin(org2, 'AttestJoinRequest', 'inv-org2-org3', JSON.stringify(request))).toMatchObject({ proposalId, attested: true });
    await submitAsAdmin(org1, 'CastVote', proposalId, 'approve', 'Org3 passed validation');
    await submitAsAdmin(org2, 'CastVote', proposalId, 'approve', 'same MSP received by Org2');
    const tallied = await tally(org1, proposalId);
    const talliedAt = Date.now();
    expect(['APPROVED', 'APPLYING', 'APPLIED']).toContain(tallied.status);

    const applied = await waitForStatus(org1, proposalId, ['APPLIED', 'FAILED'], 300_000);
    const observedAt = Date.now();
    expect(applied.status).toBe('APPLIED');
    expect(applied.tasks).toEqual([expect.objectContaining({ status: 'COMMITTED' })]);
    const onChainMs = Date.parse(applied.tasks[0].result?.recordedAt ?? '') - Date.parse(applied.decidedAt ?? '');
    console.log(`ADD_ORG Org3MSP, 2 member orgs: APPROVED -> COMMITTED on ${OPS_CHANNEL} in ${onChainMs} ms (decidedAt -> result recordedAt, on-chain timestamps); ` +
      `${observedAt - talliedAt} ms from the test's TallyProposal returning to observing APPLIED; config block ${applied.tasks[0].result?.blockNumber}`);

    const { channelGroup } = await fetchChannelConfig(org1, OPS_CHANNEL);
    expect(Object.keys(channelGroup.groups.Application.groups).sort()).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
    expect(Object.keys(channelGroup.groups.Orderer.groups).sort()).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
    expect(channelGroup.groups.Application.groups.Org3MSP.values.MSP.value.config.name).toBe('Org3MSP');
    const consenters = channelGroup.groups.Orderer.values.ConsensusType.value.metadata.consenters as { host: string; port: number }[];
    expect(consenters.map((c) => c.port).sort()).toEqual([org1.ports.orderer, org2.ports.orderer, org3.ports.orderer].sort());

    const shown = (await (await fetch(`http://127.0.0.1:${org1.ports.agentStatus}/status`)).json()) as { proposals: { proposalId: string; proposalStatus?: string }[] };
    expect(shown.proposals.find((p) => p.proposalId === proposalId)).toMatchObject({ proposalStatus: 'APPLIED' });
  });
});
