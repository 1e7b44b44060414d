#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { signJoinRequest } from '@opssc/core';
import { parseJoinArgs, JOIN_USAGE } from './join-args';
import { httpJoinApiClient } from './join-api-client';
import { runJoin } from './join-command';
import { generateApiKey } from './keygen-command';

const USAGE = `opssc <command>

commands:
  join     propose your org to the consortium through members' invitations
  keygen   create an api-server API key: opssc keygen --id <name> --role admin|viewer

${JOIN_USAGE}`;

/** The `opssc` entry point: argv parsing only; the commands live in their own modules. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'join') {
    const options = parseJoinArgs(rest, (path) => readFileSync(path, 'utf8'));
    return runJoin(options, {
      client: httpJoinApiClient(),
      sign: signJoinRequest,
      print: (line) => process.stdout.write(`${line}\n`),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  }
  if (command === 'keygen') {
    const { values } = parseArgs({ args: rest, options: { id: { type: 'string' }, role: { type: 'string', default: 'viewer' } } });
    if (!values.id || (values.role !== 'admin' && values.role !== 'viewer')) {
      throw new Error('usage: opssc keygen --id <name> --role admin|viewer');
    }
    const { key, record } = generateApiKey(values.id, values.role);
    process.stdout.write(`API key (shown once): ${key}\nAdd to OPSSC_API_KEYS_FILE: ${JSON.stringify(record)}\n`);
    return 0;
  }
  process.stdout.write(`${USAGE}\n`);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`opssc: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
