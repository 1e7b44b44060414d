import { resolve } from 'node:path';
import { bootstrapConsortium } from '../../src/consortium';
import { down, processesUsing, up } from '../../src/network';
import { NetworkState } from '../../src/network-state';

export interface SuiteNetworkOptions {
  /** Names the run directory, `.run/<name>`. */
  name: string;
  basePort: number;
  orgs: number;
  /** The orgs that found the consortium and are on ops-channel; the others exist (CA, nodes) but are outsiders. */
  founders: string[];
}

export function suiteRunDir(name: string): string {
  return resolve(__dirname, '..', '..', '..', '.run', name);
}

/**
 * A network of its own for one e2e suite: N orgs with CAs and nodes, ops-channel with the founders only, and
 * consortium_ops deployed and initialised by them.
 */
export async function startConsortiumNetwork(options: SuiteNetworkOptions): Promise<NetworkState> {
  const runDir = suiteRunDir(options.name);
  await down(runDir);
  const state = await up({ orgs: options.orgs, basePort: options.basePort, runDir, channels: [], log: () => undefined });
  await bootstrapConsortium(state, options.founders);
  return state;
}

/** Stops the suite's network; returns the pids of anything still running from its run directory (expect none). */
export async function stopSuiteNetwork(name: string): Promise<number[]> {
  const runDir = suiteRunDir(name);
  await down(runDir);
  return processesUsing(runDir);
}
