import { runCommandGroup, runnable, type CliDeps, type CommandContext } from './api-command';
import { formatProposalTable } from './proposal-table';
import { waitForProposal } from './proposal-wait';
import {
  CREATE_USAGE,
  LIST_USAGE,
  parseCreateArgs,
  parseIdArgs,
  parseListArgs,
  parseVoteArgs,
  parseWaitArgs,
  PROPOSALS_USAGE,
  SHOW_USAGE,
  VOTE_USAGE,
  WAIT_USAGE,
  WITHDRAW_USAGE,
  type VoteOptions,
} from './proposals-args';
import type { CreateProposalRequest, ProposalListFilter, ProposalView } from './proposals-api-client';

/** Proposals read at once to count votes: enough to be quick, few enough to spare the peer. */
const DETAIL_CONCURRENCY = 8;

/** Prints a created proposal: its id and status, or the whole answer with `--json`. */
export function reportCreated(ctx: CommandContext, proposal: ProposalView): void {
  if (ctx.json) {
    ctx.outJson(proposal);
  } else {
    ctx.out(`created ${proposal.type} proposal ${proposal.id}: ${proposal.status}`);
  }
}

/** `proposals list`: one page as a table, and how to get the next one. */
export async function listProposals(filter: ProposalListFilter, ctx: CommandContext): Promise<number> {
  const page = await ctx.client.list(filter);
  if (ctx.json) {
    ctx.outJson(page);
    return 0;
  }
  if (page.items.length === 0) {
    ctx.out('no proposals');
    return 0;
  }
  // ListProposals returns summaries without votes, so each proposal is read for its vote count.
  const detailed: ProposalView[] = [];
  for (let i = 0; i < page.items.length; i += DETAIL_CONCURRENCY) {
    detailed.push(...(await Promise.all(page.items.slice(i, i + DETAIL_CONCURRENCY).map((p) => ctx.client.get(p.id)))));
  }
  formatProposalTable(detailed).forEach((line) => ctx.out(line));
  if (page.nextCursor) ctx.out(`more: add --cursor ${page.nextCursor}`);
  return 0;
}

/** `proposals show`: the proposal exactly as the server returns it, every per-org array included. */
export async function showProposal(id: string, ctx: CommandContext): Promise<number> {
  ctx.outJson(await ctx.client.get(id));
  return 0;
}

/** `proposals create`. */
export async function createProposal(request: CreateProposalRequest, ctx: CommandContext): Promise<number> {
  reportCreated(ctx, await ctx.client.create(request));
  return 0;
}

/** `proposals vote`: casts this org's vote; the server tallies right after. */
export async function voteOnProposal(options: VoteOptions, ctx: CommandContext): Promise<number> {
  const outcome = await ctx.client.vote(options.id, options.decision, options.reason);
  if (ctx.json) {
    ctx.outJson(outcome);
  } else {
    ctx.out(`voted ${options.decision} on ${options.id}: proposal is ${outcome.proposalStatus}`);
  }
  return 0;
}

/** `proposals withdraw`. */
export async function withdrawProposal(id: string, ctx: CommandContext): Promise<number> {
  const proposal = await ctx.client.withdraw(id);
  if (ctx.json) {
    ctx.outJson(proposal);
  } else {
    ctx.out(`withdrew ${proposal.id}: ${proposal.status}`);
  }
  return 0;
}

const commands = {
  list: runnable({ usage: LIST_USAGE, parse: parseListArgs, execute: listProposals }),
  show: runnable({ usage: SHOW_USAGE, parse: parseIdArgs, execute: showProposal }),
  create: runnable({ usage: CREATE_USAGE, parse: parseCreateArgs, execute: createProposal }),
  vote: runnable({ usage: VOTE_USAGE, parse: parseVoteArgs, execute: voteOnProposal }),
  withdraw: runnable({ usage: WITHDRAW_USAGE, parse: parseIdArgs, execute: withdrawProposal }),
  wait: runnable({ usage: WAIT_USAGE, parse: parseWaitArgs, execute: waitForProposal }),
};

/** `opssc proposals <command> ...`; returns the exit code. */
export function runProposals(argv: string[], deps: CliDeps): Promise<number> {
  return runCommandGroup('proposals', PROPOSALS_USAGE, commands, argv, deps);
}
