import type { ChaincodeEvent, Checkpointer, CloseableAsyncIterable } from '@hyperledger/fabric-gateway';
import type { ProposalStatus, ProposalType } from '@opssc/core';
import { DEFAULT_AGENT_OPTIONS, type AgentOptions } from './agent-options';
import { eventPayload, proposalToDrive } from './events/event-trigger';
import { ProposalDriver, type DriveOutcome } from './executor/drive-proposal';
import type { ExecutorDeps } from './executor/executor-deps';
import { ConsortiumClient } from './ledger/consortium-client';
import type { EventsPort, LedgerPort } from './ports';
import { SerialQueue } from './serial-queue';
import { StatusBoard, type AgentStatus } from './status/status-board';

/**
 * Every port the agent acts through: the executors' ports (executor-deps.ts, where the optional ones are
 * described) and the ledger, its events and the event checkpoint. main.ts wires the real ones; tests wire
 * fakes the same way.
 */
export type AgentPorts = Omit<ExecutorDeps, 'client' | 'timing'> & {
  ledger: LedgerPort;
  events: EventsPort;
  checkpointer: Checkpointer;
};

/** Proposals in these statuses may need this agent: to be tallied, or to be carried out. */
const RECONCILED: readonly ProposalStatus[] = ['APPROVED', 'APPLYING', 'OPEN'];

/**
 * One org's agent. On start it reconciles (drives every proposal that may need it), then follows
 * consortium_ops events from its durable checkpoint and reconciles again periodically. Each event is
 * checkpointed only after the drive it triggered ended, so a crash replays it; drives are idempotent.
 */
export class Agent {
  readonly status: StatusBoard;
  private readonly options: AgentOptions;
  private readonly driver: ProposalDriver;
  private readonly client: ConsortiumClient;
  private readonly queue = new SerialQueue();
  private readonly stopping = new AbortController();
  private stream?: CloseableAsyncIterable<ChaincodeEvent>;
  private loops: Promise<void>[] = [];
  private handling = 0;

  constructor(
    private readonly ports: AgentPorts,
    options: Partial<AgentOptions> & Pick<AgentOptions, 'mspId'>,
  ) {
    this.options = { ...DEFAULT_AGENT_OPTIONS, ...options };
    this.status = new StatusBoard(this.options.mspId, ports.clock);
    this.client = new ConsortiumClient(ports.ledger, ports.clock, this.options.submitPolicy);
    const { failoverMs, commitTimeoutMs, commitPollMs } = this.options;
    this.driver = new ProposalDriver(
      { ...ports, client: this.client, timing: { failoverMs, commitTimeoutMs, commitPollMs } },
      this.status,
      { mspId: this.options.mspId, maxSteps: this.options.maxStepsPerDrive },
    );
  }

  /**
   * Opens the event stream (from the checkpoint), reconciles, then follows events and reconciles
   * periodically in the background. The stream is opened first so that nothing committed during the
   * reconcile is missed, even on a first start without a checkpoint.
   */
  async start(): Promise<void> {
    const { checkpointer, logger } = this.ports;
    logger.info('agent starting', { checkpointBlock: checkpointer.getBlockNumber()?.toString(), checkpointTx: checkpointer.getTransactionId() });
    const stream = await this.openStream();
    await this.reconcile();
    this.status.setState('running');
    this.loops = [this.followEvents(stream), this.reconcilePeriodically()];
  }

  /** Stops following events and reconciling; a drive in progress finishes its current call. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.stream?.close();
    await Promise.allSettled(this.loops);
    this.status.setState('stopped');
  }

  /** True when nothing is queued, running or being handled. */
  isIdle(): boolean {
    return this.queue.idle && this.handling === 0;
  }

  /** The status model (what GET /status returns), with the event checkpoint the agent would resume from. */
  snapshot(): AgentStatus {
    const { checkpointer } = this.ports;
    const blockNumber = checkpointer.getBlockNumber()?.toString();
    const transactionId = checkpointer.getTransactionId();
    return { ...this.status.snapshot(), checkpoint: { ...(blockNumber ? { blockNumber } : {}), ...(transactionId ? { transactionId } : {}) } };
  }

  /** Drives one proposal now (serialized with everything else this agent does). */
  drive(proposalId: string): Promise<DriveOutcome> {
    return this.queue.run(() => this.driver.drive(proposalId));
  }

  /**
   * Drives every proposal that may need this agent: OPEN ones that could be tallied, APPROVED and APPLYING
   * ones, and the newest APPLIED channel updates (one may have added this org, whose nodes then join the
   * channel and whose peer catches up its committed chaincodes: a join that failed when its ProposalApplied
   * event came is retried here, and a definition the peer reports only once it has caught up is approved
   * here). Each listing is made on its own, so one failing listing does not hide the others' proposals.
   */
  async reconcile(): Promise<void> {
    const ids = new Set<string>();
    const listings: [ProposalStatus, { type?: ProposalType; max?: number }][] = [
      ...RECONCILED.map((status): [ProposalStatus, object] => [status, {}]),
      ['APPLIED', { type: 'UPDATE_CHANNEL', max: this.options.reconcileAppliedUpdates }],
    ];
    for (const [status, filter] of listings) {
      try {
        (await this.client.listProposalIds(status, filter)).forEach((id) => ids.add(id));
      } catch (err) {
        this.ports.logger.warn('cannot list proposals; the next reconcile tries again', { status, error: (err as Error).message });
      }
    }
    for (const id of ids) {
      if (this.stopping.signal.aborted) return;
      await this.drive(id);
    }
  }

  private async handle(event: ChaincodeEvent): Promise<void> {
    const proposalId = proposalToDrive(event);
    this.status.eventSeen(event.eventName, event.blockNumber, eventPayload(event)?.proposalId);
    this.ports.logger.debug('event', { event: event.eventName, blockNumber: event.blockNumber.toString(), transactionId: event.transactionId, proposalId });
    if (proposalId) await this.drive(proposalId);
  }

  private async openStream(): Promise<CloseableAsyncIterable<ChaincodeEvent> | undefined> {
    try {
      this.stream = await this.ports.events.open(this.ports.checkpointer);
      return this.stream;
    } catch (err) {
      this.ports.logger.warn('cannot open the event stream yet; retrying', { error: (err as Error).message });
      return undefined;
    }
  }

  private async followEvents(first: CloseableAsyncIterable<ChaincodeEvent> | undefined): Promise<void> {
    const { checkpointer, clock, logger } = this.ports;
    let stream = first;
    while (!this.stopping.signal.aborted) {
      try {
        stream ??= await this.openStream();
        for await (const event of stream ?? []) {
          if (this.stopping.signal.aborted) break;
          this.handling++;
          try {
            await this.handle(event);
            // only now: a crash before this line replays the event
            await checkpointer.checkpointChaincodeEvent(event);
          } finally {
            this.handling--;
          }
        }
      } catch (err) {
        if (!this.stopping.signal.aborted) logger.warn('event stream failed; reopening from the checkpoint', { error: (err as Error).message });
      } finally {
        stream?.close();
        stream = undefined;
      }
      await clock.sleep(this.options.eventRetryMs, this.stopping.signal);
    }
  }

  private async reconcilePeriodically(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      await this.ports.clock.sleep(this.options.reconcileIntervalMs, this.stopping.signal);
      if (!this.stopping.signal.aborted) await this.reconcile();
    }
  }
}
