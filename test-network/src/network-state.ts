import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FabricInstall } from './fabric-binaries';
import { OrgPorts } from './ports';
import { OrgLayout, orgLayout } from './run-layout';

export interface OrgState {
  name: string;
  mspId: string;
  index: number;
  ports: OrgPorts;
}

/** What `network:up` started, written to `<runDir>/network.json` for status, down and the tests. */
export interface NetworkState {
  runDir: string;
  basePort: number;
  fabric: FabricInstall;
  orgs: OrgState[];
  channels: string[];
  startedAt: string;
}

export function stateFile(runDir: string): string {
  return join(runDir, 'network.json');
}

export function readState(runDir: string): NetworkState | undefined {
  const file = stateFile(runDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as NetworkState) : undefined;
}

export function writeState(state: NetworkState): void {
  writeFileSync(stateFile(state.runDir), JSON.stringify(state, null, 2));
}

/** Everything a tool needs to address one org of a running network. */
export interface OrgHandle {
  runDir: string;
  state: OrgState;
  layout: OrgLayout;
  fabric: FabricInstall;
  ports: OrgPorts;
  org: OrgLayout;
}

export function orgHandle(network: NetworkState, mspIdOrName: string): OrgHandle {
  const state = network.orgs.find((o) => o.mspId === mspIdOrName || o.name === mspIdOrName);
  if (!state) throw new Error(`no org ${mspIdOrName} in the network at ${network.runDir}`);
  const layout = orgLayout(network.runDir, state.name);
  return { runDir: network.runDir, state, layout, org: layout, fabric: network.fabric, ports: state.ports };
}
