import type { Logger } from '../logging/logger';
import type { ClockPort } from '../ports';
import type { BootstrapStepRecord } from './bootstrap-log';
import { logBootstrapStep } from './bootstrap-log';
import type { BootstrapOptions } from './bootstrap-options';
import type { BootstrapState, BootstrapStateStore } from './bootstrap-state';

/** What every bootstrap step works with: the state, where it is saved, the clock, the log. */
export interface BootstrapContext {
  state: BootstrapState;
  store: BootstrapStateStore;
  clock: ClockPort;
  logger: Logger;
  options: BootstrapOptions;
}

/** How a step ended when it did not throw: it acted, or it found its work already done. */
export interface StepResult {
  outcome: 'done' | 'already-done';
  detail?: string;
  problem?: string;
}

/** Logs a step line and hands it to the status observer. */
export function report(ctx: BootstrapContext, record: Omit<BootstrapStepRecord, 'proposalId'>): void {
  const line = { proposalId: ctx.state.proposalId, ...record };
  logBootstrapStep(ctx.logger, line);
  ctx.options.onStep?.(line);
}

/** Records step `id` as done and saves the state atomically; memory follows the disk, never the other way. */
export async function markDone(ctx: BootstrapContext, id: string, change: Partial<BootstrapState> = {}): Promise<void> {
  const next: BootstrapState = { ...ctx.state, ...change, done: ctx.state.done.includes(id) ? ctx.state.done : [...ctx.state.done, id] };
  await ctx.store.save(next);
  ctx.state = next;
}

/**
 * Runs step `id` once: skipped when the state says it is done, otherwise `body` runs, one line is
 * logged, and the step is recorded. A throw is logged by the caller, which decides whether to wait.
 */
export async function runStep(ctx: BootstrapContext, id: string, line: { step: string; channel?: string }, body: () => Promise<StepResult>): Promise<void> {
  if (ctx.state.done.includes(id)) return;
  if (ctx.options.signal?.aborted) throw new Error('the bootstrap was stopped');
  const result = await body();
  await markDone(ctx, id);
  report(ctx, { ...line, ...result });
}
