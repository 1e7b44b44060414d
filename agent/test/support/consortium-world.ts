import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsortiumHarness } from '../../../chaincode/test/support/consortium-harness';
import { Agent } from '../../src/agent';
import type { AgentOptions } from '../../src/agent-options';
import { FileCheckpointer } from '../../src/checkpoint/file-checkpointer';
import { newSigningIdentity, type SigningIdentity } from '../../src/fabric';
import type { BroadcasterPort, ChaincodeDeployerPort, ChannelJoinPort, CommittedDefinition, LedgerPort, OrdererJoinPort } from '../../src/ports';
import type { FakeLifecycle } from './fake-lifecycle';
import { channelConfig, fixtureOrderer, type FixtureOrg } from './channel-fixture';
import { FakeClock } from './fake-clock';
import { FakeBlockCutter, FakeEventHub, fakeLedgerPort } from './fake-ledger-ports';
import { FakeOrderer } from './fake-orderer';
import { CrashSwitch, type CrashPoint } from './faults';
import { memoryLogger } from './memory-logger';

export const OPS = 'ops-channel';

/** One running agent of the world, and what the test needs to crash, restart and inspect it. */
export interface WorldAgent {
  mspId: string;
  agent: Agent;
  crash: CrashSwitch;
  log: ReturnType<typeof memoryLogger>;
  checkpointFile: string;
}

/** Test timings: the clock is fake, so only their order matters. */
export const WORLD_AGENT_OPTIONS: Partial<AgentOptions> = {
  reconcileIntervalMs: 30_000,
  eventRetryMs: 1_000,
  failoverMs: 120_000,
  commitTimeoutMs: 10_000,
  commitPollMs: 500,
  submitPolicy: { maxRounds: 5, maxChecks: 3, backoffMs: 100 },
};

/**
 * Several orgs' agents over ONE shared fake ledger running the real consortium_ops contract, one fake
 * orderer that keeps Fabric's configtx rules, and one fake clock. Agents are real Agent instances wired
 * the way main.ts wires them, with fakes behind the ports.
 */
export class ConsortiumWorld {
  readonly orderer = new FakeOrderer();
  readonly clock: FakeClock;
  readonly hub: FakeEventHub;
  readonly cutter: FakeBlockCutter;
  readonly definitions = new Map<string, CommittedDefinition[]>();
  readonly agents: WorldAgent[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'opssc-agent-world-'));
  private activity = 0;

  private constructor(readonly harness: ConsortiumHarness) {
    this.clock = new FakeClock(harness.ledger);
    this.hub = new FakeEventHub(harness.ledger.events);
    this.cutter = new FakeBlockCutter(harness, () => this.hub.notify());
  }

  /** Founding members (all active) that are also the orgs of ops-channel's config. */
  static async create(members: string[], options: { withNodes?: boolean } = {}): Promise<ConsortiumWorld> {
    const world = new ConsortiumWorld(await ConsortiumHarness.create({ founders: members, withNodes: options.withNodes ?? false }));
    const orgs: FixtureOrg[] = [];
    for (const [i, mspId] of members.entries()) {
      const { tree } = await world.harness.org(mspId);
      orgs.push({ msp: tree.msp, peerPort: 7051 + 1000 * i, orderer: fixtureOrderer(tree.ordererTls, i) });
    }
    world.orderer.createChannel(OPS, channelConfig(orgs));
    return world;
  }

  /** The admin signing identity of `mspId` (a real key from its generated CA tree). */
  async signer(mspId: string): Promise<SigningIdentity> {
    const { tree } = await this.harness.org(mspId);
    return newSigningIdentity(mspId, tree.adminCertPem, tree.adminKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  }

  /** Starts an agent for `mspId` (optionally one that dies at `crashAt`), reusing `checkpointFile` if given. */
  async startAgent(mspId: string, options: {
    crashAt?: CrashPoint; checkpointFile?: string; agent?: Partial<AgentOptions>; ledger?: (inner: LedgerPort) => LedgerPort; broadcaster?: (inner: BroadcasterPort) => BroadcasterPort;
    /** Chaincode deployments: every org's peer lifecycle, and optionally a wrapper of this org's (to inject faults). */
    lifecycle?: FakeLifecycle; deployer?: (inner: ChaincodeDeployerPort, crash: CrashSwitch) => ChaincodeDeployerPort;
    /** This org's peer, for joining channels an UPDATE_CHANNEL added it to or a CREATE_CHANNEL made. */
    channelJoin?: ChannelJoinPort;
    /** This org's orderer's participation API (given the instance's crash switch, to inject faults). */
    ordererJoin?: (crash: CrashSwitch) => OrdererJoinPort;
  } = {}): Promise<WorldAgent> {
    const checkpointFile = options.checkpointFile ?? join(this.dir, `${mspId}-${this.agents.length}.checkpoint.json`);
    const log = memoryLogger(mspId);
    const crash = new CrashSwitch(options.crashAt);
    const count = <T>(value: T) => {
      this.activity++;
      return value;
    };
    const fake = fakeLedgerPort(this.harness, this.cutter, await this.harness.admin(mspId));
    const ledger = options.ledger ? options.ledger(fake) : fake;
    const ports = crash.wrap({
      ledger: { evaluate: (t, ...a) => count(ledger.evaluate(t, ...a)), endorse: (t, ...a) => count(ledger.endorse(t, ...a)) },
      events: this.hub,
      checkpointer: await FileCheckpointer.open(checkpointFile),
      configFetcher: { fetchLatestConfig: async (channel) => count(this.orderer.fetchLatestConfig(channel)) },
      broadcaster: (options.broadcaster ?? ((b) => b))({ broadcast: async (envelope) => count(this.orderer.broadcast(envelope)) }),
      chaincodeDefinitions: { queryCommitted: async (channel) => count(this.definitions.get(channel) ?? []) },
      signer: await this.signer(mspId),
      clock: this.clock,
      logger: log.logger,
    });
    if (options.lifecycle) {
      const inner = options.lifecycle.deployer(mspId);
      const deployer = options.deployer ? options.deployer(inner, crash) : inner;
      const source = options.lifecycle.packageSource();
      // a dead process does nothing more on its peer
      ports.deployer = {
        install: async (b) => (crash.guard(), count(await deployer.install(b))),
        approve: async (d, p) => (crash.guard(), count(await deployer.approve(d, p))),
        checkCommitReadiness: async (d) => (crash.guard(), count(await deployer.checkCommitReadiness(d))),
        commit: async (d) => (crash.guard(), count(await deployer.commit(d))),
        committedSequence: async (c, n) => (crash.guard(), count(await deployer.committedSequence(c, n))),
        committedDefinitions: async (c) => (crash.guard(), count(await deployer.committedDefinitions(c))),
        committedApprovals: async (c, n) => (crash.guard(), count(await deployer.committedApprovals(c, n))),
        installedPackageIds: async () => (crash.guard(), count(await deployer.installedPackageIds())),
      };
      ports.packageSource = {
        download: async (u, p) => (crash.guard(), count(await source.download(u, p))),
        downloadUrl: async (u) => (crash.guard(), count(await source.downloadUrl(u))),
      };
    }
    if (options.channelJoin) ports.channelJoin = options.channelJoin;
    if (options.ordererJoin) ports.ordererJoin = options.ordererJoin(crash);
    const agent = new Agent(ports, { mspId, ...WORLD_AGENT_OPTIONS, ...options.agent });
    const running: WorldAgent = { mspId, agent, crash, log, checkpointFile };
    this.agents.push(running);
    // not awaited: a start may wait on the fake clock (a backoff), which only settle() moves
    void agent.start();
    return running;
  }

  /** Kills `dead` for good and starts a new instance of its org, on the same checkpoint file unless told otherwise. */
  async restart(dead: WorldAgent, options: Parameters<ConsortiumWorld['startAgent']>[1] = {}): Promise<WorldAgent> {
    dead.crash.crashed = true;
    void dead.agent.stop();
    this.agents.splice(this.agents.indexOf(dead), 1);
    return this.startAgent(dead.mspId, { checkpointFile: dead.checkpointFile, ...options });
  }

  /** Runs until nothing changes any more: no block, no broadcast, all agents idle, across several reconciles. */
  async settle(maxRounds = 300): Promise<void> {
    let quiet = 0;
    for (let round = 0; round < maxRounds; round++) {
      await this.waitStable();
      const before = this.progress();
      this.clock.advanceToNext();
      await this.waitStable();
      const live = this.agents.filter((a) => !a.crash.crashed);
      quiet = this.progress() === before && live.every((a) => a.agent.isIdle()) ? quiet + 1 : 0;
      if (quiet >= 2 * Math.max(1, live.length) + 1) return;
    }
    throw new Error('the world did not settle');
  }

  /** Stops every agent and removes the world's files. */
  async close(): Promise<void> {
    for (const a of this.agents) {
      a.crash.crashed = true;
      void a.agent.stop();
    }
    this.agents.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private progress(): string {
    return `${this.cutter.blocks}|${this.orderer.answers.length}|${this.orderer.committed.length}`;
  }

  // Real time passes here (file writes, setImmediate blocks); fake time does not.
  private async waitStable(): Promise<void> {
    let last = -1;
    let same = 0;
    for (let i = 0; i < 2000 && same < 5; i++) {
      await new Promise((r) => setTimeout(r, 2));
      same = this.activity === last && this.cutter.idle ? same + 1 : 0;
      last = this.activity;
    }
  }
}
