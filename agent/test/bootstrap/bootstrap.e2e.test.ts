import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import winston from 'winston';
import { apiServerPackagesDir, startApiServer, type ApiServerHandle } from '../../../test-network/src/api-server-process';
import { deployChaincode, queryCommitted } from '../../../test-network/src/chaincode-lifecycle';
import { packageNodeChaincode } from '../../../test-network/src/chaincode-package';
import { getChannel } from '../../../test-network/src/channel-participation';
import { bootstrapConsortium, evaluateAsAdmin, submitAsAdmin } from '../../../test-network/src/consortium';
import { signedJoinRequest } from '../../../test-network/src/joining-org';
import { adminTls, createChannel, down, OPS_CHANNEL, processesUsing, up } from '../../../test-network/src/network';
import { orgHandle, type NetworkState, type OrgHandle } from '../../../test-network/src/network-state';
import { ledgerHeight } from '../../../test-network/src/peer-cli';
import { artifactsDir, repoRoot } from '../../../test-network/src/run-layout';
import { BootstrapProgress, bootstrapIfConfigured } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { wireAgent, type WiredAgent } from '../../src/main';

jest.setTimeout(1_200_000);

const RUN_DIR = resolve(__dirname, '..', '..', '..', '.run', 'agent-bootstrap-e2e');
const BASE_PORT = 28050;
const APP_CHANNEL = 'mychannel';

/** An org's agent environment, as an operator sets it (the orderer admin endpoint with mutual TLS). */
function agentEnv(org: OrgHandle): NodeJS.ProcessEnv {
  const keystore = join(org.layout.adminMsp, 'keystore');
  const tls = (file: string) => join(org.layout.ordererTls, file);
  return {
    OPSSC_ORG_MSP_ID: org.state.mspId,
    OPSSC_PEER_ENDPOINT: `127.0.0.1:${org.ports.peer}`,
    OPSSC_PEER_TLS_CA_FILE: join(org.layout.peerTls, 'ca.crt'),
    OPSSC_ORDERER_ENDPOINT: `127.0.0.1:${org.ports.orderer}`,
    OPSSC_ORDERER_TLS_CA_FILE: tls('ca.crt'),
    OPSSC_ORDERER_ADMIN_URL: `https://127.0.0.1:${org.ports.ordererAdmin}`,
    OPSSC_ORDERER_ADMIN_TLS_CA_FILE: tls('ca.crt'),
    OPSSC_ORDERER_ADMIN_TLS_CERT_FILE: tls('server.crt'),
    OPSSC_ORDERER_ADMIN_TLS_KEY_FILE: tls('server.key'),
    OPSSC_IDENTITY_CERT_FILE: join(org.layout.adminMsp, 'signcerts', 'cert.pem'),
    OPSSC_IDENTITY_KEY_FILE: join(keystore, readdirSync(keystore)[0]),
    OPSSC_CHECKPOINT_FILE: join(RUN_DIR, 'agents', `${org.state.mspId}.checkpoint.json`),
    OPSSC_STATUS_PORT: String(org.ports.agentStatus),
    OPSSC_LOG_LEVEL: 'debug',
  };
}

const fileLogger = (mspId: string) => createLogger({ level: 'debug', mspId, transports: [new winston.transports.File({ filename: join(RUN_DIR, 'logs', `agent-${mspId}.log`) })] });

async function waitForProposal(org: OrgHandle, proposalId: string, statuses: string[]): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { status } = (await evaluateAsAdmin(org, 'GetProposal', proposalId)) as { status: string };
    if (statuses.includes(status)) return;
    if (Date.now() > deadline) throw new Error(`${proposalId} is still ${status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("a new org's agent bootstrapping its nodes on a real Fabric network", () => {
  let state: NetworkState;
  let org1: OrgHandle;
  let org2: OrgHandle;
  let org3: OrgHandle;
  let api: ApiServerHandle;
  const agents: WiredAgent[] = [];

  beforeAll(async () => {
    await down(RUN_DIR);
    state = await up({ orgs: 3, basePort: BASE_PORT, runDir: RUN_DIR, channels: [], log: (line) => process.stdout.write(`[bootstrap e2e] ${line}\n`) });
    [org1, org2, org3] = ['Org1MSP', 'Org2MSP', 'Org3MSP'].map((id) => orgHandle(state, id));
    const founders = await bootstrapConsortium(state, ['Org1MSP', 'Org2MSP']);
    // A second channel with a chaincode whose endorsement policy is a signature policy, recorded like consortium_ops.
    await createChannel(founders, APP_CHANNEL);
    const sample = packageNodeChaincode(join(repoRoot, 'test-network', 'fixtures', 'smoke-chaincode'), 'sample_1.0', join(artifactsDir(RUN_DIR), 'sample.tar.gz'));
    await deployChaincode([org1, org2], sample, { channelId: APP_CHANNEL, name: 'sample', version: '1.0', sequence: 1, signaturePolicy: "OR('Org1MSP.peer','Org2MSP.peer')" });
    await submitAsAdmin(org1, 'RecordChaincodePackage', JSON.stringify({ channel: APP_CHANNEL, name: 'sample', version: '1.0', sequence: 1, packageId: sample.packageId, sha256: sample.sha256, label: sample.label }));
    copyFileSync(sample.file, join(apiServerPackagesDir(org1), `${sample.label}.tar.gz`));
    api = await startApiServer(org1);
    mkdirSync(join(RUN_DIR, 'agents'), { recursive: true });
    for (const org of [org1, org2]) {
      const wired = await wireAgent(loadConfig(agentEnv(org)), { logger: fileLogger(org.state.mspId), options: { reconcileIntervalMs: 5_000 } });
      agents.push(wired);
      await wired.agent.start();
    }
  });

  afterAll(async () => {
    for (const agent of agents) await agent.close();
    await down(RUN_DIR);
    expect(processesUsing(RUN_DIR)).toEqual([]);
  });

  it('joins its orderer and peer to both channels, installs and approves both chaincodes, activates, and does nothing when run again', async () => {
    const invitation = await fetch(`${api.url}/api/v1/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mspId: 'Org3MSP', expiresInSeconds: 3600 }),
    });
    const { token } = (await invitation.json()) as { token: string };
    const joined = await fetch(`${api.url}/api/v1/join-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(signedJoinRequest(org3, [OPS_CHANNEL, APP_CHANNEL])),
    });
    const { proposalId } = (await joined.json()) as { proposalId: string };
    await submitAsAdmin(org1, 'CastVote', proposalId, 'approve', 'ok');
    await submitAsAdmin(org2, 'CastVote', proposalId, 'approve', 'ok');
    await submitAsAdmin(org1, 'TallyProposal', proposalId).catch(() => undefined); // the agents tally too
    await waitForProposal(org1, proposalId, ['APPLIED']);

    const env = { ...agentEnv(org3), OPSSC_BOOTSTRAP_API_URL: api.url, OPSSC_BOOTSTRAP_TOKEN: token, OPSSC_BOOTSTRAP_STATE_FILE: join(RUN_DIR, 'agents', 'Org3MSP.bootstrap.json'), OPSSC_BOOTSTRAP_POLL_MS: '500', OPSSC_BOOTSTRAP_POLL_MAX_MS: '2000' };
    const progress = new BootstrapProgress();
    const started = Date.now();
    const result = await bootstrapIfConfigured(loadConfig(env), env, fileLogger('Org3MSP'), { onStep: progress.onStep });
    console.log(`Org3MSP bootstrap (2 channels, 2 chaincodes): ${Date.now() - started} ms`);

    expect(result).toEqual({ status: 'COMPLETED', proposalId, channels: [OPS_CHANNEL, APP_CHANNEL] });
    expect(((await evaluateAsAdmin(org1, 'GetMember', 'Org3MSP')) as { status: string }).status).toBe('ACTIVE');
    for (const channel of [OPS_CHANNEL, APP_CHANNEL]) {
      expect(await ledgerHeight(org3, channel)).toBeGreaterThanOrEqual((await ledgerHeight(org1, channel)) - 1);
      expect(await getChannel(`https://127.0.0.1:${org3.ports.ordererAdmin}`, adminTls(org3.layout), channel)).toMatchObject({ name: channel });
    }
    expect((await queryCommitted(org3, OPS_CHANNEL, 'consortium_ops')).approvals).toEqual({ Org1MSP: true, Org2MSP: true, Org3MSP: true });
    expect((await queryCommitted(org3, APP_CHANNEL, 'sample')).approvals).toEqual({ Org1MSP: true, Org2MSP: true, Org3MSP: true });
    // consortium_ops now runs on Org3's own peer: a query through it answers.
    expect(((await evaluateAsAdmin(org3, 'GetMember', 'Org3MSP')) as { status: string }).status).toBe('ACTIVE');

    const again = await bootstrapIfConfigured(loadConfig(env), env, fileLogger('Org3MSP'));
    expect(again?.status).toBe('ALREADY_COMPLETE');
  });
});
