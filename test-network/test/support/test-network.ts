import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connectGateway } from '../../src/gateway-connection';
import { NetworkState, orgHandle, OrgHandle, readState } from '../../src/network-state';

/** The e2e suites share one network, started by the global setup in its own run directory and port range. */
export const E2E_RUN_DIR = resolve(__dirname, '..', '..', '..', '.run', 'test-network');
export const E2E_BASE_PORT = Number(process.env.OPSSC_E2E_BASE_PORT ?? 27050);

export function e2eNetwork(): NetworkState {
  const state = readState(E2E_RUN_DIR);
  if (!state) throw new Error(`no test network in ${E2E_RUN_DIR}; the e2e global setup should have started it`);
  return state;
}

export function e2eOrg(mspId: string): OrgHandle {
  return orgHandle(e2eNetwork(), mspId);
}

/** A gateway connection to an org's own peer as one of its enrolled identities. */
export function gatewayFor(org: OrgHandle, who: 'admin' | 'client') {
  const mspDir = who === 'admin' ? org.layout.adminMsp : org.layout.clientMsp;
  return connectGateway(`127.0.0.1:${org.ports.peer}`, readFileSync(join(org.layout.peerTls, 'ca.crt')), { mspId: org.state.mspId, mspDir });
}
