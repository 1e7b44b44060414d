import { OpsError } from '../errors';
import { GOVERNANCE_LIMITS } from './limits';

/**
 * Reads the optional `deadlineSeconds` argument of CreateProposal ("" means the default) and returns
 * the deadline as an ISO-8601 string, counted from the transaction timestamp.
 */
export function computeDeadline(now: Date, deadlineSeconds: string): string {
  let seconds: number = GOVERNANCE_LIMITS.defaultDeadlineSeconds;
  if (deadlineSeconds !== '') {
    seconds = Number(deadlineSeconds);
    if (!/^\d+$/.test(deadlineSeconds) || seconds < GOVERNANCE_LIMITS.minDeadlineSeconds || seconds > GOVERNANCE_LIMITS.maxDeadlineSeconds) {
      throw new OpsError(
        'INVALID_ARGUMENT',
        `deadlineSeconds must be an integer from ${GOVERNANCE_LIMITS.minDeadlineSeconds} to ${GOVERNANCE_LIMITS.maxDeadlineSeconds}`,
      );
    }
  }
  return new Date(now.getTime() + seconds * 1000).toISOString();
}

/**
 * True once `now` has reached `deadline`. The deadline instant itself is already past: a vote must be
 * strictly before it, so "deadline 12:00" never accepts a vote stamped 12:00:00.000.
 */
export function isPastDeadline(deadline: string, now: Date): boolean {
  return now.getTime() >= Date.parse(deadline);
}

/** Throws PROPOSAL_DEADLINE_PASSED once the deadline is reached. */
export function assertBeforeDeadline(proposalId: string, deadline: string, now: Date): void {
  if (isPastDeadline(deadline, now)) {
    throw new OpsError('PROPOSAL_DEADLINE_PASSED', `${proposalId} closed for votes at ${deadline}`);
  }
}
