import { OpsError } from '../errors';
import type { Task, TaskResult, TaskView } from './apply-records';
import type { Proposal } from './proposal';

/**
 * Checks that a config update may be recorded for `channel` at `attempt`, given what is on the ledger
 * for that channel: `existing` at this attempt and the `previous` attempt's result. The first attempt
 * is 1; attempt n+1 is allowed only after attempt n ended STALE or FAILED, so there is always at
 * most one attempt in flight per channel.
 */
export function assertNewAttempt(
  proposal: Proposal,
  channel: string,
  attempt: number,
  existing: Task | undefined,
  previous: TaskResult | undefined,
): void {
  if (!proposal.channels.includes(channel)) {
    throw new OpsError('INVALID_ARGUMENT', `${proposal.id} does not change channel ${channel}`);
  }
  if (existing) {
    throw new OpsError('CONFIG_UPDATE_EXISTS', `${proposal.id} already has attempt ${attempt} on ${channel}`);
  }
  if (attempt > 1 && !previous) {
    throw new OpsError('INVALID_ARGUMENT', `attempt ${attempt - 1} on ${channel} has no STALE or FAILED result yet`);
  }
  if (previous?.status === 'COMMITTED') {
    throw new OpsError('RESULT_EXISTS', `${channel} already committed ${proposal.id} at attempt ${previous.attempt}`);
  }
}

/**
 * True when every channel of the proposal has a COMMITTED result, counting `justCommitted` (the
 * channel the current transaction commits: a transaction does not read its own writes).
 */
export function allChannelsCommitted(channels: readonly string[], results: readonly TaskResult[], justCommitted?: string): boolean {
  const committed = new Set(results.filter((r) => r.status === 'COMMITTED').map((r) => r.channel));
  if (justCommitted) committed.add(justCommitted);
  return channels.every((channel) => committed.has(channel));
}

/** Joins tasks with their results, for queries. */
export function taskViews(tasks: readonly Task[], results: readonly TaskResult[]): TaskView[] {
  const byKey = new Map(results.map((r) => [`${r.channel}\u0000${r.attempt}`, r]));
  return tasks.map((task) => {
    const result = byKey.get(`${task.channel}\u0000${task.attempt}`);
    return result ? { ...task, status: result.status, result } : { ...task, status: 'PENDING' };
  });
}
