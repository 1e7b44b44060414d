import type { SubmitPolicy } from './ledger/submit-transaction';

/** How the agent runs; defaults suit production, tests shorten them. */
export interface AgentOptions {
  /** This org's MSP ID (the identity the ports act as). */
  mspId: string;
  /** How often to reconcile (list proposals to carry out), which also retries anything that failed transiently. */
  reconcileIntervalMs: number;
  /** Pause before reopening the event stream after it failed. */
  eventRetryMs: number;
  /** How long a designated agent has to record an update before the next candidate takes over. */
  failoverMs: number;
  /** How long to wait for a broadcast config update to appear in a config block. */
  commitTimeoutMs: number;
  /** How often to look for it. */
  commitPollMs: number;
  /** Plan-and-act rounds per drive of one proposal. */
  maxStepsPerDrive: number;
  /** How many of the newest APPLIED UPDATE_CHANNEL proposals each reconcile looks at (for joins of this org's nodes). */
  reconcileAppliedUpdates: number;
  /** Retries of ledger transactions (classify-failure.ts decides which errors are retried). */
  submitPolicy: SubmitPolicy;
}

/** Production defaults. */
export const DEFAULT_AGENT_OPTIONS: Omit<AgentOptions, 'mspId'> = {
  reconcileIntervalMs: 30_000,
  eventRetryMs: 5_000,
  failoverMs: 120_000,
  commitTimeoutMs: 60_000,
  commitPollMs: 500,
  maxStepsPerDrive: 25,
  reconcileAppliedUpdates: 20,
  submitPolicy: { maxRounds: 5, maxChecks: 5, backoffMs: 500 },
};
