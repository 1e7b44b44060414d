import type { BootstrapSnapshot } from '../bootstrap/bootstrap-progress';
import type { ClockPort } from '../ports';

/** What the agent is doing about one proposal, or waiting for. */
export interface ProposalActivity {
  proposalId: string;
  /** The proposal's status on the chain when last read. */
  proposalStatus?: string;
  channel?: string;
  attempt?: number;
  /** The last step planned or performed. */
  step: string;
  state: 'working' | 'waiting' | 'idle' | 'error';
  /** e.g. "signatures from Org2MSP". */
  waitingFor?: string;
  /** Something wrong rather than pending, e.g. a recorded update that differs from the approved change. */
  problem?: string;
  /** Why there is nothing to do, e.g. "proposal is APPLIED". */
  note?: string;
  updatedAt: string;
}

/** The agent's status as GET /status returns it. */
export interface AgentStatus {
  mspId: string;
  state: 'starting' | 'running' | 'stopped';
  startedAt: string;
  lastEvent?: { name: string; proposalId?: string; blockNumber: string; at: string };
  /** Where the event stream resumes after a restart. */
  checkpoint?: { blockNumber?: string; transactionId?: string };
  proposals: ProposalActivity[];
  /** A joining org's first-launch bootstrap, while and after it runs. */
  bootstrap?: BootstrapSnapshot;
  /** Since start: steps by `<step> <outcome>` and chaincode events by name (what GET /metrics exports as counters). */
  counters?: { steps: Record<string, number>; events: Record<string, number> };
}

/** Keeps the status model up to date; the status endpoint and tests read snapshots of it. */
export class StatusBoard {
  private state: AgentStatus['state'] = 'starting';
  private readonly startedAt: string;
  private lastEvent?: AgentStatus['lastEvent'];
  private readonly activities = new Map<string, ProposalActivity>();
  private readonly steps = new Map<string, number>();
  private readonly events = new Map<string, number>();

  constructor(
    private readonly mspId: string,
    private readonly clock: ClockPort,
  ) {
    this.startedAt = clock.now().toISOString();
  }

  setState(state: AgentStatus['state']): void {
    this.state = state;
  }

  eventSeen(name: string, blockNumber: bigint, proposalId?: string): void {
    this.events.set(name, (this.events.get(name) ?? 0) + 1);
    this.lastEvent = { name, blockNumber: blockNumber.toString(), at: this.clock.now().toISOString(), ...(proposalId ? { proposalId } : {}) };
  }

  /** Counts one logged step (the step log and the counters see the same steps). */
  stepLogged(step: string, outcome: string): void {
    const key = `${step} ${outcome}`;
    this.steps.set(key, (this.steps.get(key) ?? 0) + 1);
  }

  /** Records what the agent does about a proposal; returns false when nothing changed (so callers log once). */
  report(activity: Omit<ProposalActivity, 'updatedAt'>): boolean {
    const before = this.activities.get(activity.proposalId);
    const same =
      before !== undefined &&
      (['proposalStatus', 'channel', 'attempt', 'step', 'state', 'waitingFor', 'problem', 'note'] as const).every((k) => before[k] === activity[k]);
    if (!same) this.activities.set(activity.proposalId, { ...activity, updatedAt: this.clock.now().toISOString() });
    return !same;
  }

  /** The activity about one proposal, if any. */
  activity(proposalId: string): ProposalActivity | undefined {
    return this.activities.get(proposalId);
  }

  snapshot(): AgentStatus {
    const proposals = [...this.activities.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const counters = { steps: Object.fromEntries(this.steps), events: Object.fromEntries(this.events) };
    return { mspId: this.mspId, state: this.state, startedAt: this.startedAt, ...(this.lastEvent ? { lastEvent: this.lastEvent } : {}), proposals, counters };
  }
}
