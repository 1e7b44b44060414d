#!/usr/bin/env node
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startApiServer } from './api-server-process';
import { deployChaincode } from './chaincode-lifecycle';
import { packageNodeChaincode } from './chaincode-package';
import { deployConsortiumOps, initConsortium } from './consortium';
import { MANIFEST_FILE, writeManifest } from './consortium-manifest';
import { down, OPS_CHANNEL, up } from './network';
import { orgHandle } from './network-state';
import { orgPorts } from './ports';
import { artifactsDir, defaultRunDir, repoRoot } from './run-layout';
import { DEFAULT_BASE_PORT } from './cli';

/** The application channel `npm start` creates beside the ops channel, with a sample chaincode on it. */
export const APP_CHANNEL = 'mychannel';
export const APP_CHAINCODE = 'sample';

/**
 * `npm start`: Org1 and Org2 with ops-channel and mychannel, consortium_ops deployed and initialised, a sample
 * chaincode on mychannel, and each org's api-server running. The processes keep running after this command
 * returns; `npm stop` ends them.
 */
async function start(): Promise<void> {
  const started = Date.now();
  const step = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`);
  const runDir = defaultRunDir();
  const basePort = Number(process.env.OPSSC_BASE_PORT ?? DEFAULT_BASE_PORT);
  const state = await up({ orgs: 2, basePort, runDir, channels: [OPS_CHANNEL, APP_CHANNEL], log: (line) => step(line.trim()) });
  try {
    const orgs = state.orgs.map((o) => orgHandle(state, o.mspId));
    await deployConsortiumOps(state);
    step(`consortium_ops deployed on ${OPS_CHANNEL}`);
    const apiUrls = Object.fromEntries(state.orgs.map((o) => [o.mspId, `http://127.0.0.1:${orgPorts(basePort, o.index).apiServer}`]));
    await initConsortium(state, apiUrls);
    step(`consortium initialised: ${state.orgs.map((o) => o.mspId).join(', ')} ACTIVE`);
    const sample = packageNodeChaincode(join(repoRoot, 'test-network', 'fixtures', 'smoke-chaincode'), `${APP_CHAINCODE}_1.0`, join(artifactsDir(runDir), `${APP_CHAINCODE}.tar.gz`));
    await deployChaincode(orgs, sample, { channelId: APP_CHANNEL, name: APP_CHAINCODE, version: '1.0', sequence: 1 });
    step(`${APP_CHAINCODE} chaincode deployed on ${APP_CHANNEL}`);
    const servers = await Promise.all(orgs.map((org) => startApiServer(org)));
    step('api-servers up');
    const manifest = writeManifest(state, servers);
    console.log('');
    for (const org of manifest.orgs) {
      console.log(`${org.mspId}: API ${org.apiUrl}  admin key file ${org.adminKeyFile}  peer ${org.peer}  orderer ${org.orderer}`);
    }
    console.log(`\nconsortium up in ${((Date.now() - started) / 1000).toFixed(1)} s; details in ${MANIFEST_FILE}; logs in ${join(runDir, 'logs')}`);
    console.log('stop it with `npm stop`');
  } catch (err) {
    await down(runDir, { keepData: true });
    throw err;
  }
}

async function stop(): Promise<void> {
  const stopped = await down(defaultRunDir());
  rmSync(MANIFEST_FILE, { force: true });
  console.log(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
}

const commands: Record<string, () => Promise<void>> = { start, stop };

if (require.main === module) {
  const command = commands[process.argv[2] ?? ''];
  if (!command) {
    console.error(`usage: ${resolve(__filename)} start|stop`);
    process.exit(2);
  }
  command().catch((err: Error) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  });
}
