import type { Logger } from '../logging/logger';
import type { ClockPort } from '../ports';
import { finishBootstrap } from './activate-member';
import { Backoff } from './backoff';
import { BootstrapError, isRetryable } from './bootstrap-error';
import { DEFAULT_BOOTSTRAP_OPTIONS, type BootstrapOptions } from './bootstrap-options';
import type { JoinApiPort, JoinStatusView, MemberNetworkFactory, OwnOrdererPort, OwnPeerPort } from './bootstrap-ports';
import { initialState, type BootstrapStateStore } from './bootstrap-state';
import { catchUpChaincodes } from './catch-up-chaincodes';
import { committedChannels, isApproved, isRefused, orderedChannels, waitingFor } from './join-progress';
import { joinChannelNodes } from './join-channel-nodes';
import { markDone, report, type BootstrapContext } from './step-runner';

/** The ports {@link runBootstrap} works through. */
export interface BootstrapDeps {
  joinApi: JoinApiPort;
  members: MemberNetworkFactory;
  peer: OwnPeerPort;
  orderer?: OwnOrdererPort;
  state: BootstrapStateStore;
  clock: ClockPort;
  logger: Logger;
}

/** How a bootstrap run ended. */
export interface BootstrapResult {
  /** `COMPLETED` by this run, or `ALREADY_COMPLETE` (an earlier run finished: nothing was done). */
  status: 'COMPLETED' | 'ALREADY_COMPLETE';
  proposalId?: string;
  channels: string[];
}

type Round = { kind: 'waiting'; reason: string } | { kind: 'progress' } | { kind: 'complete'; channels: string[] };

/** The join proposal: from the state, the options, or the token's own join requests. */
async function proposalIdOf(ctx: BootstrapContext, deps: BootstrapDeps): Promise<string | undefined> {
  if (ctx.state.proposalId) return ctx.state.proposalId;
  const proposalId = ctx.options.proposalId ?? (await deps.joinApi.listJoinRequests())[0]?.proposalId;
  if (!proposalId) return undefined;
  await markDone(ctx, 'find-proposal', { proposalId });
  report(ctx, { step: 'find-proposal', outcome: 'done', detail: ctx.options.proposalId ? 'given by the operator' : "the invitation token's join request" });
  return proposalId;
}

/** One pass: read where the join stands, bring the nodes into every channel that now includes the org, activate when all are in. */
async function round(ctx: BootstrapContext, deps: BootstrapDeps): Promise<Round> {
  const proposalId = await proposalIdOf(ctx, deps);
  if (!proposalId) return { kind: 'waiting', reason: 'a join request made with this invitation token' };
  const status: JoinStatusView = await deps.joinApi.getJoinRequest(proposalId);
  if (isRefused(status)) throw new BootstrapError('JOIN_NOT_APPROVED', `join proposal ${proposalId} is ${status.status}`, false);
  const ops = ctx.options.opsChannel;
  const channels = orderedChannels(status, ops);
  const ready = isApproved(status) ? committedChannels(status, ops) : [];
  // The ops channel comes first: consortium_ops is where package records and the activation live.
  const todo = ready.includes(ops) ? ready.filter((c) => !ctx.state.done.includes(`channel:${c}`)) : [];
  const allIn = channels.every((c) => ctx.state.done.includes(`channel:${c}`));
  if (todo.length === 0 && !(allIn && status.status === 'APPLIED')) return { kind: 'waiting', reason: waitingFor(status, ops) };

  const net = deps.members.open(await deps.joinApi.getBootstrap(proposalId));
  try {
    for (const channel of todo) {
      await joinChannelNodes(ctx, deps, net, channel);
      await catchUpChaincodes(ctx, deps.peer, deps.joinApi, net, channel);
      await markDone(ctx, `channel:${channel}`);
      report(ctx, { step: 'channel', channel, outcome: 'done', detail: 'orderer and peer joined, chaincodes installed and approved' });
    }
    if (todo.length > 0) return { kind: 'progress' };
    await finishBootstrap(ctx, deps, net, channels);
  } finally {
    net.close();
  }
  await markDone(ctx, 'complete', { completedAt: ctx.clock.now().toISOString() });
  return { kind: 'complete', channels };
}

/**
 * Bootstraps a newly admitted org's nodes on the agent's first launch (DESIGN.md section 3, step 6):
 * finds the org's join proposal from the invitation token, waits with backoff until the members
 * approved it and the channel configs include the org, joins the org's orderer and peer to each
 * channel, installs and approves every committed chaincode definition (packages verified against their
 * on-chain records), checks the anchor peers, and activates the org. Progress is saved after every
 * step, so a crash resumes where it stopped and a run after completion does nothing. Retryable failures
 * (a node unreachable, a member's peer lagging, a record not there yet) are waited out; anything else
 * is thrown.
 */
export async function runBootstrap(deps: BootstrapDeps, options: Partial<BootstrapOptions> & { mspId: string }): Promise<BootstrapResult> {
  const opts: BootstrapOptions = { ...DEFAULT_BOOTSTRAP_OPTIONS, ...options };
  const ctx: BootstrapContext = { state: (await deps.state.load()) ?? initialState(opts.mspId), store: deps.state, clock: deps.clock, logger: deps.logger, options: opts };
  const complete = (status: BootstrapResult['status']): BootstrapResult => ({ status, proposalId: ctx.state.proposalId, channels: doneChannels(ctx) });
  if (ctx.state.completedAt) {
    report(ctx, { step: 'bootstrap', outcome: 'already-done', detail: `completed at ${ctx.state.completedAt}; nothing to do` });
    return complete('ALREADY_COMPLETE');
  }
  const backoff = new Backoff(opts.pollInitialMs, opts.pollMaxMs);
  let lastWait = '';
  for (;;) {
    try {
      const outcome = await round(ctx, deps);
      if (outcome.kind === 'complete') {
        report(ctx, { step: 'bootstrap', outcome: 'done', detail: `${opts.mspId} is ACTIVE on ${outcome.channels.join(', ')}` });
        return complete('COMPLETED');
      }
      if (outcome.kind === 'progress') {
        backoff.reset();
        continue;
      }
      // One line per change of what is awaited, not one per poll.
      if (outcome.reason !== lastWait) report(ctx, { step: 'wait', outcome: 'waiting', waitingFor: outcome.reason });
      lastWait = outcome.reason;
    } catch (err) {
      if (!isRetryable(err)) {
        report(ctx, { step: 'bootstrap', outcome: 'failed', problem: (err as Error)?.message ?? String(err) });
        throw err;
      }
      report(ctx, { step: 'retry', outcome: 'retry-later', problem: (err as Error)?.message ?? String(err) });
      lastWait = '';
    }
    await deps.clock.sleep(backoff.next(), opts.signal);
    if (opts.signal?.aborted) throw new Error('the bootstrap was stopped before it completed; it resumes at the next start');
  }
}

function doneChannels(ctx: BootstrapContext): string[] {
  return ctx.state.done.filter((id) => id.startsWith('channel:')).map((id) => id.slice('channel:'.length));
}
