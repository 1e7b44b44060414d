import { join } from 'node:path';
import { AgentHandle, startAgent } from './agent-process';
import { ApiServerHandle, startApiServer } from './api-server-process';
import { deployChaincode } from './chaincode-lifecycle';
import { packageNodeChaincode } from './chaincode-package';
import { bootstrapConsortium, publishPackage } from './consortium';
import { createChannel, down, up } from './network';
import { NetworkState, orgHandle } from './network-state';
import { orgPorts } from './ports';
import { artifactsDir, repoRoot } from './run-layout';

/** The application channel beside the ops channel, with a sample chaincode on it. */
export const APP_CHANNEL = 'mychannel';
export const APP_CHAINCODE = 'sample';

export interface ConsortiumOptions {
  runDir: string;
  basePort: number;
  /** Founding orgs, Org1 … OrgN. */
  orgs: number;
  log: (line: string) => void;
}

export interface RunningConsortium {
  state: NetworkState;
  servers: ApiServerHandle[];
  agents: AgentHandle[];
}

/**
 * A whole local consortium: N founding orgs with ops-channel and mychannel, consortium_ops deployed and initialised,
 * the sample chaincode on mychannel, both packages published, and each org's api-server and agent running.
 * What `npm start` runs, and what the onboarding test starts from. On failure it stops what it started.
 */
export async function startConsortium(options: ConsortiumOptions): Promise<RunningConsortium> {
  const { runDir, basePort, log } = options;
  const state = await up({ orgs: options.orgs, basePort, runDir, channels: [], log });
  try {
    const mspIds = state.orgs.map((o) => o.mspId);
    const orgs = mspIds.map((mspId) => orgHandle(state, mspId));
    const apiUrls = Object.fromEntries(state.orgs.map((o) => [o.mspId, `http://127.0.0.1:${orgPorts(basePort, o.index).apiServer}`]));
    await bootstrapConsortium(state, mspIds, apiUrls);
    log(`consortium_ops deployed on ops-channel; consortium initialised with ${mspIds.join(', ')}`);
    await createChannel(state, APP_CHANNEL);
    const sample = packageNodeChaincode(join(repoRoot, 'test-network', 'fixtures', 'smoke-chaincode'), `${APP_CHAINCODE}_1.0`, join(artifactsDir(runDir), `${APP_CHAINCODE}.tar.gz`));
    await deployChaincode(orgs, sample, { channelId: APP_CHANNEL, name: APP_CHAINCODE, version: '1.0', sequence: 1 });
    await publishPackage(orgs, APP_CHANNEL, APP_CHAINCODE, '1.0', 1, sample);
    log(`${APP_CHANNEL} created with the ${APP_CHAINCODE} chaincode`);
    const servers = await Promise.all(orgs.map((org) => startApiServer(org)));
    const agents = await Promise.all(orgs.map((org) => startAgent(org)));
    log('api-servers and agents up');
    return { state, servers, agents };
  } catch (err) {
    await down(runDir, { keepData: true });
    throw err;
  }
}
