import type { Logger } from '../logging/logger';
import type { StepOutcome } from '../logging/step-log';

/** One bootstrap step's line: what was done, on which channel, how it ended, and what it waits for. */
export interface BootstrapStepRecord {
  proposalId?: string;
  channel?: string;
  /** `find-proposal`, `wait-approval`, `orderer-join`, `peer-join`, `install`, `approve`, `activate`, ... */
  step: string;
  outcome: StepOutcome;
  detail?: string;
  waitingFor?: string;
  problem?: string;
}

/** Writes one structured line per step; failures, refusals and problems at warn level so that they stand out. */
export function logBootstrapStep(logger: Logger, record: BootstrapStepRecord): void {
  const level = record.outcome === 'failed' || record.outcome === 'refused' || record.problem ? 'warn' : 'info';
  logger.log(level, `bootstrap ${record.step} ${record.outcome}`, { component: 'bootstrap', ...record });
}
