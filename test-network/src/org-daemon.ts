import { join } from 'node:path';
import { waitHealthy } from './health';
import { enrolledIdentityFiles } from './msp-files';
import { OrgHandle } from './network-state';
import { isAlive, startDaemon } from './process-supervisor';
import { logDir, pidDir, repoRoot } from './run-layout';

/** The org admin's certificate and key files, which the org's api-server and agent act with. */
export function adminIdentityEnv(org: OrgHandle): NodeJS.ProcessEnv {
  const admin = enrolledIdentityFiles(org.layout.adminMsp);
  return {
    OPSSC_ORG_MSP_ID: org.state.mspId,
    OPSSC_PEER_ENDPOINT: `127.0.0.1:${org.ports.peer}`,
    OPSSC_PEER_TLS_CA_FILE: join(org.layout.peerTls, 'ca.crt'),
    OPSSC_IDENTITY_CERT_FILE: admin.certFile,
    OPSSC_IDENTITY_KEY_FILE: admin.keyFile,
  };
}

/**
 * Starts one of the org's Node services (`api-server` or `agent`) as a daemon of the network, so that
 * `network:down` stops it with the nodes, and waits until its health URL answers.
 */
export async function startOrgDaemon(org: OrgHandle, service: 'api-server' | 'agent', env: NodeJS.ProcessEnv, healthUrl: string): Promise<number> {
  const name = `${service}.${org.state.name.toLowerCase()}`;
  const logFile = join(logDir(org.runDir), `${name}.log`);
  const pid = startDaemon(pidDir(org.runDir), {
    name,
    command: process.execPath,
    args: [join(repoRoot, service, 'dist', 'main.js')],
    env: { ...process.env, ...env },
    cwd: repoRoot,
    logFile,
  });
  await waitHealthy(name, healthUrl, logFile, { isAlive: () => isAlive(pid) });
  return pid;
}
