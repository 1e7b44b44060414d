import { ProposalStatuses } from '@opssc/core';
import { CONNECTION_USAGE } from './api-options';
import type { ParsedCommand } from './api-command';
import { UsageError } from './cli-errors';
import { exclusive, parseCommandArgs, positiveInteger, required } from './command-args';
import { readJsonFile, type InputReader } from './json-input';
import type { CreateProposalRequest, ProposalListFilter } from './proposals-api-client';

const LINES = {
  list: 'list [--status S] [--type T] [--limit N] [--cursor C] [--json]',
  show: 'show <id>',
  create: 'create --type <TYPE> --payload <file.json | -> [--deadline-seconds N] [--json]',
  vote: 'vote <id> (--approve | --reject) --reason "<text>" [--json]',
  withdraw: 'withdraw <id> [--json]',
  wait: 'wait <id> [--until APPLIED] [--timeout-seconds 600] [--poll-seconds 5] [--json]',
};
const usage = (line: string) => `usage: opssc proposals ${line}\n${CONNECTION_USAGE}`;

export const LIST_USAGE = usage(LINES.list);
export const SHOW_USAGE = usage(LINES.show);
export const CREATE_USAGE = usage(LINES.create);
export const VOTE_USAGE = usage(LINES.vote);
export const WITHDRAW_USAGE = usage(LINES.withdraw);
export const WAIT_USAGE = usage(LINES.wait);

/** The usage of every `opssc proposals` command. */
export const PROPOSALS_USAGE = `${Object.values(LINES)
  .map((line, i) => `${i === 0 ? 'usage:' : '      '} opssc proposals ${line}`)
  .join('\n')}\n${CONNECTION_USAGE}`;

/** `proposals vote`: a decision and the reason recorded with it. */
export interface VoteOptions {
  id: string;
  decision: 'approve' | 'reject';
  reason: string;
}

/** `proposals wait`: the status to wait for, how long, and how often to ask. */
export interface WaitOptions {
  id: string;
  until: string;
  timeoutSeconds: number;
  pollSeconds: number;
}

/** `proposals list`. Status and type go to the server as given: it knows the types, the CLI need not. */
export async function parseListArgs(argv: string[]): Promise<ParsedCommand<ProposalListFilter>> {
  const { values, connection, json } = parseCommandArgs(argv, {
    status: { type: 'string' },
    type: { type: 'string' },
    limit: { type: 'string' },
    cursor: { type: 'string' },
  });
  const filter: ProposalListFilter = { status: values.status, type: values.type, limit: positiveInteger('limit', values.limit), cursor: values.cursor };
  return { options: filter, connection, json };
}

/** `proposals show <id>`, `proposals withdraw <id>`. */
export async function parseIdArgs(argv: string[]): Promise<ParsedCommand<string>> {
  const { positionals, connection, json } = parseCommandArgs(argv, {}, ['id']);
  return { options: positionals[0], connection, json };
}

/** `proposals create`: any type, any JSON payload; the server validates both. */
export async function parseCreateArgs(argv: string[], input: InputReader): Promise<ParsedCommand<CreateProposalRequest>> {
  const { values, connection, json } = parseCommandArgs(argv, {
    type: { type: 'string' },
    payload: { type: 'string' },
    'deadline-seconds': { type: 'string' },
  });
  const type = required('type', values.type);
  const deadlineSeconds = positiveInteger('deadline-seconds', values['deadline-seconds']);
  const payload = await readJsonFile('payload', required('payload', values.payload), input);
  return { options: { type, payload, ...(deadlineSeconds !== undefined ? { deadlineSeconds } : {}) }, connection, json };
}

/** `proposals vote`. */
export async function parseVoteArgs(argv: string[]): Promise<ParsedCommand<VoteOptions>> {
  const { values, positionals, connection, json } = parseCommandArgs(
    argv,
    { approve: { type: 'boolean', default: false }, reject: { type: 'boolean', default: false }, reason: { type: 'string' } },
    ['id'],
  );
  exclusive({ approve: values.approve, reject: values.reject }, true);
  const reason = required('reason', values.reason?.trim());
  return { options: { id: positionals[0], decision: values.approve ? 'approve' : 'reject', reason }, connection, json };
}

/** `proposals wait`. */
export async function parseWaitArgs(argv: string[]): Promise<ParsedCommand<WaitOptions>> {
  const { values, positionals, connection, json } = parseCommandArgs(
    argv,
    { until: { type: 'string', default: 'APPLIED' }, 'timeout-seconds': { type: 'string', default: '600' }, 'poll-seconds': { type: 'string', default: '5' } },
    ['id'],
  );
  // Unlike filters, --until is the CLI's own: a typo would otherwise wait for a status that never comes.
  if (!(ProposalStatuses as readonly string[]).includes(values.until)) {
    throw new UsageError(`--until must be one of ${ProposalStatuses.join(', ')}, got ${values.until}`);
  }
  return {
    options: {
      id: positionals[0],
      until: values.until,
      timeoutSeconds: positiveInteger('timeout-seconds', values['timeout-seconds'])!,
      pollSeconds: positiveInteger('poll-seconds', values['poll-seconds'])!,
    },
    connection,
    json,
  };
}
