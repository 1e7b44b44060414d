#!/usr/bin/env node
import { bootstrap } from './compose-bootstrap-consortium';
import { COMPOSE_BOOTSTRAP_COMMAND } from './compose-bootstrap-layout';
import { prepare } from './compose-bootstrap-prepare';

/** The two steps, by the name users give them. */
export type ComposeCommands = Record<'prepare' | 'bootstrap', () => Promise<void>>;

export const USAGE = `usage: ${COMPOSE_BOOTSTRAP_COMMAND} prepare|bootstrap`;

/**
 * `npm run compose:bootstrap -- prepare|bootstrap`: prepares and bootstraps the consortium of docker-compose.yaml
 * with the local network's own code, on the host.
 *
 * - `prepare`, before `docker compose up`: each org's CA, identities, TLS material and key files, in .run/compose.
 * - `bootstrap`, once the containers are healthy: ops-channel, consortium_ops deployed, the consortium initialised.
 *
 * Both need the Fabric binaries the local network uses (OPSSC_FABRIC_BIN or ~/.cache/opssc). Returns the exit
 * status: 2 for an unknown command (with the usage), 1 when the step fails, 0 when it succeeds.
 */
export async function runComposeBootstrap(argv: string[], commands: ComposeCommands, error: (line: string) => void = console.error): Promise<number> {
  const name = argv[0] ?? '';
  if (!Object.hasOwn(commands, name)) {
    error(USAGE);
    return 2;
  }
  try {
    await commands[name as keyof ComposeCommands]();
    return 0;
  } catch (err) {
    error(`error: ${(err as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  void runComposeBootstrap(process.argv.slice(2), { prepare: () => prepare(), bootstrap: () => bootstrap() }).then((status) => {
    // exit at once on failure, whatever handles the failed step left open
    if (status !== 0) process.exit(status);
  });
}
