import { TransientError } from '../ledger/transient-error';
import type { FetchedConfig } from '../ports';
import type { ExecutorDeps } from './executor-deps';

/**
 * Waits until the channel's config sequence passes `sequence`, i.e. a new config block was cut after the
 * broadcast. It does not say whether that block carries OUR update: the planner decides from the new
 * config (change present → COMMITTED, read set moved → STALE). On timeout it throws TransientError; the
 * next pass checks the config before anything is sent again.
 */
export async function awaitConfigCommit(deps: ExecutorDeps, channel: string, sequence: number): Promise<FetchedConfig> {
  const deadline = deps.clock.now().getTime() + deps.timing.commitTimeoutMs;
  for (;;) {
    const latest = await deps.configFetcher.fetchLatestConfig(channel);
    if (latest && latest.sequence > sequence) return latest;
    if (deps.clock.now().getTime() >= deadline) {
      throw new TransientError(`no config block after sequence ${sequence} on ${channel} within ${deps.timing.commitTimeoutMs} ms`);
    }
    await deps.clock.sleep(deps.timing.commitPollMs);
  }
}
