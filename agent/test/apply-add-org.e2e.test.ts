import { execFile } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import winston from 'winston';
import { readMspFolder, signJoinRequest, type JoinRequest, type JoinRequestBody } from '@opssc/core';
import { deployConsortiumOps, evaluateAsAdmin, initConsortium, submitAsAdmin } from '../../test-network/src/consortium';
import { readIdentity } from '../../test-network/src/gateway-connection';
import { createChannel, down, OPS_CHANNEL, processesUsing, up } from '../../test-network/src/network';
import { orgHandle, type NetworkState, type OrgHandle } from '../../test-network/src/network-state';
import { ordererFlags, peerCli } from '../../test-network/src/peer-cli';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logging/logger';
import { wireAgent, type WiredAgent } from '../src/main';
import { startStatusServer, type StatusServer } from '../src/status/status-server';

jest.setTimeout(900_000);
const run = promisify(execFile);

/** This suite's own network: three orgs, Org3 outside every channel until its ADD_ORG is applied. */
const RUN_DIR = resolve(__dirname, '..', '..', '.run', 'agent-apply-e2e');
const BASE_PORT = 26050;
const FOUNDERS = ['Org1MSP', 'Org2MSP'];

/** The agent's environment for one org of the network, exactly as an operator would set it. */
function agentEnv(org: OrgHandle): NodeJS.ProcessEnv {
  const keystore = join(org.layout.adminMsp, 'keystore');
  return {
    OPSSC_ORG_MSP_ID: org.state.mspId,
    OPSSC_PEER_ENDPOINT: `127.0.0.1:${org.ports.peer}`,
    OPSSC_PEER_TLS_CA_FILE: join(org.layout.peerTls, 'ca.crt'),
    OPSSC_ORDERER_ENDPOINT: `127.0.0.1:${org.ports.orderer}`,
    OPSSC_ORDERER_TLS_CA_FILE: join(org.layout.ordererTls, 'ca.crt'),
    OPSSC_IDENTITY_CERT_FILE: join(org.layout.adminMsp, 'signcerts', 'cert.pem'),
    OPSSC_IDENTITY_KEY_FILE: join(keystore, readdirSync(keystore)[0]),
    OPSSC_CHECKPOINT_FILE: join(RUN_DIR, 'agents', `${org.state.mspId}.checkpoint.json`),
    OPSSC_STATUS_PORT: String(org.ports.agentStatus),
    OPSSC_LOG_LEVEL: 'debug',
  };
}

/** Org3's join request: its MSP folder, its peer and its orderer (a consenter), signed by its admin. */
function org3JoinRequest(org3: OrgHandle): JoinRequest {
  const tlsCert = readFileSync(join(org3.layout.ordererTls, 'server.crt'), 'utf8');
  const peer = { host: '127.0.0.1', port: org3.ports.peer };
  const body: JoinRequestBody = {
    format: 'opssc.join-request.v1',
    mspId: 'Org3MSP',
    msp: readMspFolder(org3.layout.orgMsp, 'Org3MSP'),
    nodes: { peers: [peer], anchorPeers: [peer], orderers: [{ host: '127.0.0.1', port: org3.ports.orderer, serverTlsCert: tlsCert, clientTlsCert: tlsCert, consenter: true }] },
    channels: [OPS_CHANNEL],
    metadata: { organizationName: 'Org3' },
  };
  const admin = readIdentity({ mspId: 'Org3MSP', mspDir: org3.layout.adminMsp });
  return signJoinRequest(body, admin.certificate.toString('utf8'), createPrivateKey(admin.privateKeyPem));
}

/** ops-channel's config as Fabric's own CLIs show it: `peer channel fetch config` + `configtxlator proto_decode`. */
async function fetchConfigWithFabricCli(state: NetworkState, org: OrgHandle) {
  const block = join(RUN_DIR, 'artifacts', 'oracle-config.block');
  await peerCli(org, ['channel', 'fetch', 'config', block, '-c', OPS_CHANNEL, ...ordererFlags(org)]);
  const decoded = join(RUN_DIR, 'artifacts', 'oracle-config.json');
  await run(join(state.fabric.binDir, 'configtxlator'), ['proto_decode', '--input', block, '--type', 'common.Block', '--output', decoded]);
  return JSON.parse(readFileSync(decoded, 'utf8')).data.data[0].payload.data.config.channel_group;
}

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
      const wired = await wireAgent(loadConfig(agentEnv(org)), { logger, options: { reconcileIntervalMs: 5_000 } });
      agents.push(wired);
      await wired.agent.start();
    }
    status = await startStatusServer(org1.ports.agentStatus, () => agents[0].agent.snapshot());

    const request = org3JoinRequest(org3);
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

    const channelGroup = await fetchConfigWithFabricCli(state, org1);
    expect(Object.keys(channelGroup.groups.Application.groups).sort()).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
    expect(Object.keys(channelGroup.groups.Orderer.groups).sort()).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
    expect(channelGroup.groups.Application.groups.Org3MSP.values.MSP.value.config.name).toBe('Org3MSP');
    const consenters = channelGroup.groups.Orderer.values.ConsensusType.value.metadata.consenters as { host: string; port: number }[];
    expect(consenters.map((c) => c.port).sort()).toEqual([org1.ports.orderer, org2.ports.orderer, org3.ports.orderer].sort());

    const shown = (await (await fetch(`http://127.0.0.1:${org1.ports.agentStatus}/status`)).json()) as { proposals: { proposalId: string; proposalStatus?: string }[] };
    expect(shown.proposals.find((p) => p.proposalId === proposalId)).toMatchObject({ proposalStatus: 'APPLIED' });
  });
});
