import type { JoinStatusView } from './bootstrap-ports';

/** Proposal statuses after which the org will never be admitted by this proposal. */
const REFUSED = new Set(['REJECTED', 'WITHDRAWN', 'EXPIRED', 'DROPPED']);
/** Proposal statuses in which the vote approved the join (FAILED may be retried: the votes stand). */
const APPROVED = new Set(['APPROVED', 'APPLYING', 'APPLIED', 'FAILED']);

/** True when the proposal ended without admitting the org. */
export function isRefused(status: JoinStatusView): boolean {
  return REFUSED.has(status.status);
}

/** True when the members voted the org in. */
export function isApproved(status: JoinStatusView): boolean {
  return APPROVED.has(status.status);
}

/** The proposal's channels with the ops channel first (the others need consortium_ops to be caught up last). */
export function orderedChannels(status: JoinStatusView, opsChannel: string): string[] {
  const channels = status.channels.length > 0 ? status.channels : [opsChannel];
  return [opsChannel, ...channels.filter((c) => c !== opsChannel)].filter((c, i, all) => all.indexOf(c) === i);
}

/**
 * The channels whose config now includes the org: those whose newest apply attempt COMMITTED, or all of
 * them once the proposal is APPLIED (an older api-server may not report tasks).
 */
export function committedChannels(status: JoinStatusView, opsChannel: string): string[] {
  const all = orderedChannels(status, opsChannel);
  if (status.status === 'APPLIED') return all;
  const committed = new Set(status.tasks.filter((t) => t.status === 'COMMITTED').map((t) => t.channel));
  return all.filter((c) => committed.has(c));
}

/** What the bootstrap is waiting for, in words for the log and the status endpoint. */
export function waitingFor(status: JoinStatusView, opsChannel: string): string {
  if (!isApproved(status)) return `the members' vote (proposal ${status.status})`;
  const pending = orderedChannels(status, opsChannel).filter((c) => !committedChannels(status, opsChannel).includes(c));
  if (pending.length > 0) return `the config updates of ${pending.join(', ')} (proposal ${status.status})`;
  return `the proposal to be APPLIED (it is ${status.status})`;
}
