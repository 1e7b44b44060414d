import { ApiError } from './join-api-client';
import { ApiUnreachableError } from './cli-errors';
import type { CommandContext } from './api-command';
import type { WaitOptions } from './proposals-args';
import type { ProposalView } from './proposals-api-client';

/** The statuses of a proposal that goes well, in order: waiting for one is done at any later one. */
const PROGRESS = ['OPEN', 'APPROVED', 'APPLYING', 'APPLIED'];

/**
 * Statuses that end a wait in failure. FAILED may still turn into APPLYING when an agent retries, but
 * it needs someone to look: a script waiting for APPLIED should stop there.
 */
export const FAILURE_STATUSES = ['REJECTED', 'WITHDRAWN', 'EXPIRED', 'DROPPED', 'FAILED'];

/** Whether `status` is `until` or, on the way a proposal goes well, past it. */
export function hasReached(status: string, until: string): boolean {
  const [at, target] = [PROGRESS.indexOf(status), PROGRESS.indexOf(until)];
  return status === until || (at >= 0 && target >= 0 && at >= target);
}

/**
 * Polls a proposal until it reaches `until` (exit 0), ends in a failure status (exit 1, with the
 * status reason) or the timeout passes (exit 1). Each status change is printed as it is seen. A server
 * that is restarting or unreachable is asked again; a refusal (404, 401…) ends the wait.
 */
export async function waitForProposal(options: WaitOptions, ctx: CommandContext): Promise<number> {
  const deadline = ctx.now() + options.timeoutSeconds * 1000;
  // with --json, stdout carries only the final proposal
  const progress = ctx.json ? ctx.err : ctx.out;
  let last: ProposalView | undefined;
  let lastProblem: string | undefined;
  for (;;) {
    const proposal = await poll(ctx, options.id);
    if (typeof proposal === 'string') {
      if (proposal !== lastProblem) ctx.err(`(status unavailable: ${proposal})`);
      lastProblem = proposal;
    } else {
      if (proposal.status !== last?.status) progress(`${proposal.id} ${proposal.status}`);
      last = proposal;
      if (hasReached(proposal.status, options.until)) {
        if (ctx.json) ctx.outJson(proposal);
        return 0;
      }
      if (FAILURE_STATUSES.includes(proposal.status)) {
        ctx.err(`error: ${proposal.id} is ${proposal.status}: ${proposal.statusReason ?? 'no reason recorded'}`);
        return 1;
      }
    }
    const left = deadline - ctx.now();
    if (left <= 0) {
      ctx.err(`error: timed out after ${options.timeoutSeconds}s: ${options.id} is ${last?.status ?? 'unknown'}, not ${options.until}`);
      return 1;
    }
    await ctx.sleep(Math.min(options.pollSeconds * 1000, left));
  }
}

/** The proposal, or why it could not be read this time (transient failures only). */
async function poll(ctx: CommandContext, id: string): Promise<ProposalView | string> {
  try {
    return await ctx.client.get(id);
  } catch (err) {
    if (err instanceof ApiUnreachableError || (err instanceof ApiError && (err.status >= 500 || err.status === 429))) {
      return err.message;
    }
    throw err;
  }
}
