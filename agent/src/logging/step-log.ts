import type { Logger } from './logger';

/** How a step ended. */
export type StepOutcome = 'done' | 'already-done' | 'waiting' | 'refused' | 'retry-later' | 'failed';

/** One step of the agent's work on a proposal: the fields every step line carries. */
export interface StepRecord {
  proposalId: string;
  channel?: string;
  attempt?: number;
  /** The action: TALLY, RECORD_UPDATE, SIGN, SUBMIT, RECORD_RESULT, WAIT, … */
  step: string;
  outcome: StepOutcome;
  detail?: string;
  waitingFor?: string;
  problem?: string;
}

/** Writes one structured line for a step; refusals and failures at warn level so that they stand out. */
export function logStep(logger: Logger, record: StepRecord): void {
  const level = record.outcome === 'failed' || record.outcome === 'refused' ? 'warn' : 'info';
  logger.log(level, `${record.step} ${record.outcome}`, { ...record });
}
