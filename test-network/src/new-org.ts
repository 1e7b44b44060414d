import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JoinRequestBody } from '@opssc/core';
import { enrollOrgIdentities, startCa } from './fabric-ca';
import { NodeContext, startOrderer, startPeer } from './fabric-nodes';
import { foundingMember } from './founding-member';
import { NetworkState, orgHandle, OrgHandle, writeState } from './network-state';
import { assertPortsFree, orgPorts } from './ports';
import { isAlive, recordedDaemons } from './process-supervisor';
import { logDir, orgLayout, pidDir } from './run-layout';

const ORG_NAME = /^[A-Z][A-Za-z0-9]{0,30}$/;

/** Where `org:new` leaves what the new org's admin needs to propose itself. */
export interface NewOrgFiles {
  joinRequestBody: string;
  nodesFile: string;
}

function context(state: NetworkState, org: OrgHandle): NodeContext {
  return { fabric: state.fabric, org: org.layout, ports: org.ports, logDir: logDir(state.runDir), pidDir: pidDir(state.runDir) };
}

/**
 * `org:new`: creates an organization off-network beside a running consortium: its own Fabric CA with its admin,
 * client, peer and orderer identities, and the unsigned body of its join request. It joins nothing.
 */
export async function createNewOrg(state: NetworkState, name: string, channels: string[]): Promise<{ org: OrgHandle; files: NewOrgFiles }> {
  if (!ORG_NAME.test(name)) throw new Error(`--name must look like Org3 (a letter, then letters or digits), got ${name}`);
  if (state.orgs.some((o) => o.name === name)) throw new Error(`${name} already exists in ${state.runDir}`);
  const index = Math.max(...state.orgs.map((o) => o.index)) + 1;
  const ports = orgPorts(state.basePort, index);
  await assertPortsFree([ports]);
  state.orgs.push({ name, mspId: `${name}MSP`, index, ports });
  writeState(state);
  const org = orgHandle(state, name);
  await startCa(context(state, org));
  await enrollOrgIdentities(context(state, org));
  const { msp, nodes, metadata } = foundingMember(org);
  const dir = join(org.layout.root, 'join');
  mkdirSync(dir, { recursive: true });
  const files = { joinRequestBody: join(dir, 'join-request.json'), nodesFile: join(dir, 'nodes.json') };
  const body: JoinRequestBody = { format: 'opssc.join-request.v1', mspId: org.state.mspId, msp, nodes, channels, metadata };
  writeFileSync(files.joinRequestBody, JSON.stringify(body, null, 2));
  writeFileSync(files.nodesFile, JSON.stringify(nodes, null, 2));
  return { org, files };
}

/** `org:start`: starts the new org's CA (if stopped), orderer and peer; they join channels through the agent's bootstrap. */
export async function startOrgNodes(state: NetworkState, org: OrgHandle): Promise<void> {
  const running = recordedDaemons(pidDir(state.runDir));
  const alive = (name: string) => {
    const pid = running.get(name);
    return pid !== undefined && isAlive(pid);
  };
  const ctx = context(state, org);
  const lower = org.state.name.toLowerCase();
  if (!alive(`ca.${lower}`)) await startCa(ctx);
  if (!alive(`orderer0.${lower}`)) await startOrderer(ctx);
  if (!alive(`peer0.${lower}`)) await startPeer(ctx);
}

/** The command the new org's admin runs to propose itself, given invitations. */
export function joinCommand(org: OrgHandle, files: NewOrgFiles, channels: string[]): string {
  const keystore = join(org.layout.adminMsp, 'keystore');
  return [
    'npx opssc join',
    `--msp ${orgLayout(org.runDir, org.state.name).orgMsp}`,
    `--msp-id ${org.state.mspId}`,
    `--admin-cert ${join(org.layout.adminMsp, 'signcerts', 'cert.pem')}`,
    `--admin-key ${keystore}/<key file>`,
    `--nodes ${files.nodesFile}`,
    `--channels ${channels.join(',')}`,
    '--invitation <apiUrl>,<token> [--invitation <apiUrl>,<token> ...]',
  ].join(' \\\n    ');
}
