import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AdminTls, joinOrdererToChannel, waitChannelActive } from './channel-participation';
import { createGenesisBlock } from './configtx';
import { enrollOrgIdentities, startCa } from './fabric-ca';
import { ensureFabric } from './fabric-binaries';
import { NodeContext, ordererName, peerName, startOrderer, startPeer } from './fabric-nodes';
import { probe } from './health';
import { NetworkState, OrgState, readState, writeState } from './network-state';
import { joinPeer } from './peer-cli';
import { assertPortsFree, orgPorts } from './ports';
import { isAlive, recordedDaemons, stopDaemons } from './process-supervisor';
import { artifactsDir, logDir, orgLayout, OrgLayout, pidDir } from './run-layout';

export const OPS_CHANNEL = 'ops-channel';
export const MAX_ORGS = 8;

export interface UpOptions {
  orgs: number;
  basePort: number;
  runDir: string;
  /** Channels to create with every org a member, in order; default the ops channel only; `[]` creates none. */
  channels?: string[];
  log?: (line: string) => void;
}

/** Refuses bad input before anything starts. */
export function validateUpOptions(options: Pick<UpOptions, 'orgs' | 'basePort'>): void {
  if (!Number.isInteger(options.orgs) || options.orgs < 1 || options.orgs > MAX_ORGS) {
    throw new Error(`--orgs must be a whole number from 1 to ${MAX_ORGS}, got ${String(options.orgs)}`);
  }
  if (!Number.isInteger(options.basePort) || options.basePort < 1024 || options.basePort + options.orgs * 10 > 65535) {
    throw new Error(`--base-port must be a whole number from 1024 that leaves room for ${options.orgs} orgs, got ${String(options.basePort)}`);
  }
}

/**
 * Ports inside the kernel's ephemeral range can be taken at any moment by an outgoing connection's local port,
 * which makes a node fail to bind at random. Say so up front.
 */
function warnIfEphemeral(basePort: number, orgs: number, log: (line: string) => void): void {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const last = basePort + orgs * 10 - 1;
    if (basePort <= high && last >= low) {
      log(`warning: ports ${basePort}-${last} overlap the ephemeral range ${low}-${high}; a node may fail to bind. Prefer a base port below ${low}.`);
    }
  } catch {
    // not Linux: nothing to check
  }
}

/** The orderer admin endpoint's TLS client material: the orderer's own TLS pair, trusted by its admin listener. */
export function adminTls(org: OrgLayout): AdminTls {
  const file = (name: string) => readFileSync(join(org.ordererTls, name), 'utf8');
  return { ca: file('ca.crt'), cert: file('server.crt'), key: file('server.key') };
}

/**
 * Brings up N orgs, each with a CA, a Raft orderer and a peer, creates the channels with configtxgen and the
 * channel participation API, and joins every node. On any failure it stops what it started.
 */
export async function up(options: UpOptions): Promise<NetworkState> {
  const log = options.log ?? ((line: string) => console.log(line));
  validateUpOptions(options);
  const { runDir } = options;
  if ([...recordedDaemons(pidDir(runDir)).values()].some(isAlive)) {
    throw new Error(`a network is already running from ${runDir}; run \`npm run network:down\` first`);
  }
  const orgs: OrgState[] = Array.from({ length: options.orgs }, (_, i) => ({
    name: `Org${i + 1}`,
    mspId: `Org${i + 1}MSP`,
    index: i + 1,
    ports: orgPorts(options.basePort, i + 1),
  }));
  await assertPortsFree(orgs.map((o) => o.ports));
  warnIfEphemeral(options.basePort, options.orgs, log);
  const fabric = ensureFabric(log);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(logDir(runDir), { recursive: true });
  const channels = options.channels ?? [OPS_CHANNEL];
  const state: NetworkState = { runDir, basePort: options.basePort, fabric, orgs, channels, startedAt: new Date().toISOString() };
  const contexts: NodeContext[] = orgs.map((o) => ({ fabric, org: orgLayout(runDir, o.name), ports: o.ports, logDir: logDir(runDir), pidDir: pidDir(runDir) }));
  try {
    const started = Date.now();
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    log(`Fabric v${fabric.version} from ${fabric.binDir}`);
    await Promise.all(contexts.map(async (ctx) => {
      await startCa(ctx);
      await enrollOrgIdentities(ctx);
    }));
    log(`  ${orgs.length} CAs up, identities enrolled (${elapsed()})`);
    await Promise.all(contexts.map(async (ctx) => {
      await startOrderer(ctx);
      await startPeer(ctx);
    }));
    log(`  ${orgs.length} orderers and ${orgs.length} peers healthy (${elapsed()})`);
    writeState(state);
    for (const channelId of channels) {
      await createChannel(state, channelId);
      log(`  channel ${channelId} created; every orderer and peer joined (${elapsed()})`);
    }
    return state;
  } catch (err) {
    await down(runDir, { keepData: true });
    throw err;
  }
}

/**
 * Creates a channel and joins every member's orderer and peer to it. The members are all the network's orgs
 * unless `memberMspIds` names a subset (an org left out can later join the consortium by proposal).
 */
export async function createChannel(state: NetworkState, channelId: string, memberMspIds?: string[]): Promise<void> {
  const members = state.orgs
    .filter((o) => !memberMspIds || memberMspIds.includes(o.mspId))
    .map((o) => ({ org: orgLayout(state.runDir, o.name), ports: o.ports }));
  const block = await createGenesisBlock(state.fabric, artifactsDir(state.runDir), channelId, members);
  await Promise.all(members.map(({ org, ports }) => joinOrdererToChannel(`https://127.0.0.1:${ports.ordererAdmin}`, adminTls(org), block)));
  await Promise.all(members.map(({ org, ports }) => waitChannelActive(`https://127.0.0.1:${ports.ordererAdmin}`, adminTls(org), channelId)));
  await Promise.all(members.map(({ org, ports }) => joinPeer({ fabric: state.fabric, org, ports }, block, channelId)));
}

/**
 * Stops every process the network started, by recorded pid and process group, then any straggler whose command
 * line points into the run directory (a chaincode process that left its group). Safe to run twice.
 */
export async function down(runDir: string, options: { keepData?: boolean } = {}): Promise<string[]> {
  const stopped = await stopDaemons(pidDir(runDir));
  killStragglers(runDir);
  if (!options.keepData) {
    for (const entry of existsSync(runDir) ? readdirSync(runDir) : []) {
      if (entry !== 'logs') rmSync(join(runDir, entry), { recursive: true, force: true });
    }
  }
  return stopped;
}

/**
 * Processes whose command line or working directory is inside the run directory (chaincode processes run from
 * the peer's build folder); there should be none after down.
 */
export function processesUsing(runDir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (cmdline.includes(runDir) || cwd === runDir || cwd.startsWith(`${runDir}/`)) found.push(pid);
    } catch {
      // the process ended while we looked, or is not ours to inspect
    }
  }
  return found;
}

function killStragglers(runDir: string): void {
  for (const pid of processesUsing(runDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export interface NodeStatus {
  name: string;
  kind: 'ca' | 'orderer' | 'peer';
  pid?: number;
  running: boolean;
  healthy: boolean;
  endpoint: string;
}

/** Each node of the network with whether its process runs and whether its health endpoint answers 200. */
export async function status(runDir: string): Promise<NodeStatus[]> {
  const state = readState(runDir);
  if (!state) return [];
  const pids = recordedDaemons(pidDir(runDir));
  const rows: NodeStatus[] = [];
  for (const o of state.orgs) {
    const org = orgLayout(runDir, o.name);
    const nodes = [
      { name: `ca.${o.name.toLowerCase()}`, kind: 'ca' as const, endpoint: `127.0.0.1:${o.ports.ca}`, health: o.ports.caOperations },
      { name: ordererName(org), kind: 'orderer' as const, endpoint: `127.0.0.1:${o.ports.orderer}`, health: o.ports.ordererOperations },
      { name: peerName(org), kind: 'peer' as const, endpoint: `127.0.0.1:${o.ports.peer}`, health: o.ports.peerOperations },
    ];
    for (const node of nodes) {
      const pid = pids.get(node.name);
      const running = pid !== undefined && isAlive(pid);
      const healthy = running && (await probe(`http://127.0.0.1:${node.health}/healthz`)) === 200;
      rows.push({ name: node.name, kind: node.kind, pid, running, healthy, endpoint: node.endpoint });
    }
  }
  return rows;
}
