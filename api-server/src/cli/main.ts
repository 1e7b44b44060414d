#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { signJoinRequest } from '@opssc/core';
import type { CliDeps } from './api-command';
import { runChaincode } from './chaincode-command';
import { runChannel } from './channel-command';
import { parseJoinArgs, JOIN_USAGE } from './join-args';
import { httpJoinApiClient } from './join-api-client';
import { runJoin } from './join-command';
import { generateApiKey } from './keygen-command';
import { httpProposalsApiClient } from './proposals-api-client';
import { runProposals } from './proposals-command';

const USAGE = `opssc <command>

commands:
  join        propose your org to the consortium through members' invitations
  keygen      create an api-server API key: opssc keygen --id <name> --role admin|viewer
  proposals   list, show, create, vote on, withdraw and wait for proposals
  chaincode   upload a chaincode package and propose its deployment
  channel     propose a new channel or a change to a channel

  opssc <command> --help shows a command's usage. The proposals, chaincode and channel commands talk to
  your org's api-server: --api <url> (or OPSSC_API_URL), the API key from OPSSC_API_KEY or
  --api-key-file <path>. Exit codes: 0 done, 1 refused by the api-server (error <CODE>: …), 2 usage error.

${JOIN_USAGE}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The process's ports for the api commands. */
const apiDeps: CliDeps = {
  env: process.env,
  readText: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  readStdin: () => text(process.stdin),
  connect: (connection) => httpProposalsApiClient(connection),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  sleep,
  now: () => Date.now(),
};

/** The `opssc` entry point: dispatch only; the commands live in their own modules. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'proposals') return runProposals(rest, apiDeps);
  if (command === 'chaincode') return runChaincode(rest, apiDeps);
  if (command === 'channel') return runChannel(rest, apiDeps);
  if (command === 'join') {
    const options = parseJoinArgs(rest, (path) => readFileSync(path, 'utf8'));
    return runJoin(options, {
      client: httpJoinApiClient(),
      sign: signJoinRequest,
      print: (line) => process.stdout.write(`${line}\n`),
      sleep,
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
  // exit once stdout is flushed: a large `proposals show` piped to jq must arrive whole
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    process.stderr.write(`opssc: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
