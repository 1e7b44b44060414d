import type { BootstrapStepRecord } from './bootstrap-log';

/** What the bootstrap is doing, for the agent's status endpoint. */
export interface BootstrapSnapshot {
  phase: 'bootstrap';
  proposalId?: string;
  /** The last step line. */
  current?: BootstrapStepRecord;
  /** What it waits for, while it waits. */
  waitingFor?: string;
  /** The last problem it is waiting out or that stopped it. */
  lastProblem?: string;
  /** Channels whose nodes are in and whose chaincodes are caught up. */
  channelsDone: string[];
  completed: boolean;
}

/**
 * Collects the bootstrap's step lines into a snapshot: pass `onStep` to runBootstrap's options and serve
 * `snapshot()` from the status endpoint while the bootstrap runs.
 */
export class BootstrapProgress {
  private readonly state: BootstrapSnapshot = { phase: 'bootstrap', channelsDone: [], completed: false };

  /** Records one step line; bound, so it can be passed as `onStep` as it is. */
  readonly onStep = (record: BootstrapStepRecord): void => {
    this.state.current = record;
    if (record.proposalId) this.state.proposalId = record.proposalId;
    this.state.waitingFor = record.outcome === 'waiting' ? record.waitingFor : undefined;
    if (record.problem) this.state.lastProblem = record.problem;
    if (record.step === 'channel' && record.channel && !this.state.channelsDone.includes(record.channel)) this.state.channelsDone.push(record.channel);
    if (record.step === 'bootstrap' && (record.outcome === 'done' || record.outcome === 'already-done')) this.state.completed = true;
  };

  snapshot(): BootstrapSnapshot {
    return { ...this.state, channelsDone: [...this.state.channelsDone] };
  }
}
