import type { BootstrapStepRecord } from './bootstrap-log';

/** How the bootstrap runs; the defaults suit production, tests shorten them. */
export interface BootstrapOptions {
  /** This org's MSP ID. */
  mspId: string;
  /** The channel consortium_ops runs on. Default `ops-channel`. */
  opsChannel: string;
  /** The consortium_ops chaincode name. Default `consortium_ops`. */
  chaincode: string;
  /** The join proposal, when the operator knows it; otherwise it is found from the token. */
  proposalId?: string;
  /** First pause between two polls of the join request; it doubles up to `pollMaxMs` and resets after progress. */
  pollInitialMs: number;
  pollMaxMs: number;
  /** How long the peer may take to reach the orderer's height on a channel before the step is retried. */
  catchUpTimeoutMs: number;
  /** How often the peer's height is read while it catches up. */
  catchUpPollMs: number;
  /** ActivateMember rounds when the membership version moves underneath. */
  activationAttempts: number;
  /** Stops the bootstrap (between steps and during waits) when aborted. */
  signal?: AbortSignal;
  /** Called with every step line, e.g. for the agent's status endpoint. */
  onStep?: (record: BootstrapStepRecord) => void;
}

/** Production defaults. */
export const DEFAULT_BOOTSTRAP_OPTIONS: Omit<BootstrapOptions, 'mspId'> = {
  opsChannel: 'ops-channel',
  chaincode: 'consortium_ops',
  pollInitialMs: 1_000,
  pollMaxMs: 15_000,
  catchUpTimeoutMs: 300_000,
  catchUpPollMs: 500,
  activationAttempts: 5,
};
