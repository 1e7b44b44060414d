import { CONNECTION_USAGE } from './api-options';
import type { ParsedCommand } from './api-command';
import { parseCommandArgs, positiveInteger, required } from './command-args';
import { readJsonArgument, readJsonFile, type InputReader } from './json-input';
import type { CreateProposalRequest } from './proposals-api-client';

const CREATE_LINE = 'create --spec <file.json | -> [--deadline-seconds N] [--json]';
const UPDATE_LINE = 'update --channel C --change <json | @file> [--description <text>] [--deadline-seconds N] [--json]';
const CHANGE_KINDS = 'change kinds: ADD_ORG, REMOVE_ORG, SET_BATCH_TIMEOUT, SET_BATCH_SIZE, SET_ANCHOR_PEERS, … (the server checks them)';

export const CREATE_CHANNEL_USAGE = `usage: opssc channel ${CREATE_LINE}\n${CONNECTION_USAGE}`;
export const UPDATE_CHANNEL_USAGE = `usage: opssc channel ${UPDATE_LINE}\n${CHANGE_KINDS}\n${CONNECTION_USAGE}`;

/** The usage of every `opssc channel` command. */
export const CHANNEL_USAGE = `usage: opssc channel ${CREATE_LINE}\n       opssc channel ${UPDATE_LINE}\n${CHANGE_KINDS}\n${CONNECTION_USAGE}`;

const deadline = (value: string | undefined) => {
  const deadlineSeconds = positiveInteger('deadline-seconds', value);
  return deadlineSeconds !== undefined ? { deadlineSeconds } : {};
};

/** `channel create`: the spec file is the CREATE_CHANNEL payload, passed as it is. */
export async function parseCreateChannelArgs(argv: string[], input: InputReader): Promise<ParsedCommand<CreateProposalRequest>> {
  const { values, connection, json } = parseCommandArgs(argv, { spec: { type: 'string' }, 'deadline-seconds': { type: 'string' } });
  const payload = await readJsonFile('spec', required('spec', values.spec), input);
  return { options: { type: 'CREATE_CHANNEL', payload, ...deadline(values['deadline-seconds']) }, connection, json };
}

/** `channel update`: one change to one channel; the change's kinds and fields are the server's to check. */
export async function parseUpdateChannelArgs(argv: string[], input: InputReader): Promise<ParsedCommand<CreateProposalRequest>> {
  const { values, connection, json } = parseCommandArgs(argv, {
    channel: { type: 'string' },
    change: { type: 'string' },
    description: { type: 'string' },
    'deadline-seconds': { type: 'string' },
  });
  const channel = required('channel', values.channel);
  const change = await readJsonArgument('change', required('change', values.change), input);
  const payload = { channel, change, ...(values.description !== undefined ? { description: values.description } : {}) };
  return { options: { type: 'UPDATE_CHANNEL', payload, ...deadline(values['deadline-seconds']) }, connection, json };
}
