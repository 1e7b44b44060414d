#!/usr/bin/env node
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startAgent } from './agent-process';
import { bootstrapEnv } from './bootstrap-env';
import { DEFAULT_BASE_PORT } from './cli';
import { MANIFEST_FILE, writeManifest } from './consortium-manifest';
import { APP_CHANNEL, startConsortium } from './consortium-setup';
import { down, OPS_CHANNEL } from './network';
import { orgHandle, readState } from './network-state';
import { createNewOrg, joinCommand, startOrgNodes } from './new-org';
import { defaultRunDir } from './run-layout';

export { APP_CHAINCODE, APP_CHANNEL } from './consortium-setup';

/**
 * `npm start`: Org1 and Org2 with ops-channel and mychannel, consortium_ops deployed and initialised, a sample
 * chaincode on mychannel, and each org's api-server and agent running. The processes keep running after this
 * command returns; `npm stop` ends them.
 */
async function start(): Promise<void> {
  const started = Date.now();
  const step = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text.trim()}`);
  const runDir = defaultRunDir();
  const basePort = Number(process.env.OPSSC_BASE_PORT ?? DEFAULT_BASE_PORT);
  const { state, servers } = await startConsortium({ runDir, basePort, orgs: 2, log: step });
  const manifest = writeManifest(state, servers);
  console.log('');
  for (const org of manifest.orgs) {
    console.log(`${org.mspId}: API ${org.apiUrl}  admin key file ${org.adminKeyFile}  peer ${org.peer}  orderer ${org.orderer}`);
  }
  console.log(`\nconsortium up in ${((Date.now() - started) / 1000).toFixed(1)} s; details in ${MANIFEST_FILE}; logs in ${join(runDir, 'logs')}`);
  console.log('try `npm run demo` in another terminal; stop everything with `npm stop`');
}

async function stop(): Promise<void> {
  const stopped = await down(defaultRunDir());
  rmSync(MANIFEST_FILE, { force: true });
  console.log(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
}

/** Reads `--flag value` pairs; every flag must be known and have a value. */
function flags(argv: string[], known: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i].replace(/^--/, '');
    if (!known.includes(flag) || argv[i + 1] === undefined) throw new Error(`usage: --${known.join(' <value> --')} <value>; got ${argv[i]}`);
    out[flag] = argv[i + 1];
  }
  return out;
}

function runningState() {
  const state = readState(defaultRunDir());
  if (!state) throw new Error('no running consortium; run `npm start` first');
  return state;
}

/** `npm run org:new -- --name Org3`: a new org's CA and identities, and its ready-to-sign join request. */
async function orgNew(): Promise<void> {
  const { name } = flags(process.argv.slice(3), ['name']);
  if (!name) throw new Error('--name is required, e.g. --name Org3');
  const channels = [OPS_CHANNEL, APP_CHANNEL];
  const { org, files } = await createNewOrg(runningState(), name, channels);
  console.log(`${org.state.mspId} created: CA at https://127.0.0.1:${org.ports.ca}, identities under ${org.layout.root}`);
  console.log(`join request body (unsigned): ${files.joinRequestBody}`);
  console.log(`
With invitations from the members, propose ${org.state.mspId}:
  ${joinCommand(org, files, channels)}`);
  console.log(`
Then start its nodes and agent:
  npm run org:start -- --name ${name} --api <apiUrl> --token <token>`);
}

/** `npm run org:start -- --name Org3 --api <url> --token <token>`: the new org's nodes and its bootstrapping agent. */
async function orgStart(): Promise<void> {
  const args = flags(process.argv.slice(3), ['name', 'api', 'token', 'proposal']);
  if (!args.name || !args.api || !args.token) throw new Error('--name, --api and --token are required');
  const state = runningState();
  const org = orgHandle(state, args.name);
  await startOrgNodes(state, org);
  const agent = await startAgent(org, bootstrapEnv(org, args.api, args.token, args.proposal));
  console.log(`${org.state.mspId}: CA, orderer 127.0.0.1:${org.ports.orderer} and peer 127.0.0.1:${org.ports.peer} running`);
  console.log(`its agent is bootstrapping; follow it at ${agent.statusUrl} or in ${join(defaultRunDir(), 'logs', `agent.${args.name.toLowerCase()}.log`)}`);
}

const commands: Record<string, () => Promise<void>> = { start, stop, 'org:new': orgNew, 'org:start': orgStart };

if (require.main === module) {
  const command = commands[process.argv[2] ?? ''];
  if (!command) {
    console.error(`usage: ${resolve(__filename)} start|stop|org:new|org:start`);
    process.exit(2);
  }
  command().catch((err: Error) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  });
}
