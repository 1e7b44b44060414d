import { runCommandGroup, runnable, type CliDeps } from './api-command';
import { CHANNEL_USAGE, CREATE_CHANNEL_USAGE, parseCreateChannelArgs, parseUpdateChannelArgs, UPDATE_CHANNEL_USAGE } from './channel-args';
import { createProposal } from './proposals-command';

const commands = {
  create: runnable({ usage: CREATE_CHANNEL_USAGE, parse: parseCreateChannelArgs, execute: createProposal }),
  update: runnable({ usage: UPDATE_CHANNEL_USAGE, parse: parseUpdateChannelArgs, execute: createProposal }),
};

/**
 * `opssc channel <command> ...`: CREATE_CHANNEL and UPDATE_CHANNEL proposals under channel verbs. The
 * payloads pass through, so change kinds the server learns later need no new CLI. Returns the exit code.
 */
export function runChannel(argv: string[], deps: CliDeps): Promise<number> {
  return runCommandGroup('channel', CHANNEL_USAGE, commands, argv, deps);
}
