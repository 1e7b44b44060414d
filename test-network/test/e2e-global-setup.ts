import { down, up } from '../src/network';
import { E2E_BASE_PORT, E2E_RUN_DIR } from './support/test-network';

/** Starts the shared e2e network: two orgs, each with a CA, a Raft orderer and a peer, joined to ops-channel. */
export default async function globalSetup(): Promise<void> {
  await down(E2E_RUN_DIR);
  const started = Date.now();
  await up({ orgs: 2, basePort: E2E_BASE_PORT, runDir: E2E_RUN_DIR, log: (line) => process.stdout.write(`[e2e network] ${line}\n`) });
  process.stdout.write(`[e2e network] up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
