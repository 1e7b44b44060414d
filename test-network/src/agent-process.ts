import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OrgHandle } from './network-state';
import { adminIdentityEnv, startOrgDaemon } from './org-daemon';
import { isAlive } from './process-supervisor';

export interface AgentHandle {
  mspId: string;
  pid: number;
  statusUrl: string;
}

/** The environment of an org's agent: its own peer and orderer (with admin TLS), its admin identity, its checkpoint. */
export function agentEnv(org: OrgHandle, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const tls = (file: string) => join(org.layout.ordererTls, file);
  return {
    ...adminIdentityEnv(org),
    OPSSC_ORDERER_ENDPOINT: `127.0.0.1:${org.ports.orderer}`,
    OPSSC_ORDERER_TLS_CA_FILE: tls('ca.crt'),
    OPSSC_ORDERER_ADMIN_URL: `https://127.0.0.1:${org.ports.ordererAdmin}`,
    OPSSC_ORDERER_ADMIN_TLS_CA_FILE: tls('ca.crt'),
    OPSSC_ORDERER_ADMIN_TLS_CERT_FILE: tls('server.crt'),
    OPSSC_ORDERER_ADMIN_TLS_KEY_FILE: tls('server.key'),
    OPSSC_CHECKPOINT_FILE: join(org.layout.root, 'agent', 'checkpoint.json'),
    OPSSC_STATUS_PORT: String(org.ports.agentStatus),
    ...extra,
  };
}

/** Starts the org's agent as a daemon of the network and waits until its status endpoint answers. */
export async function startAgent(org: OrgHandle, extraEnv: NodeJS.ProcessEnv = {}): Promise<AgentHandle> {
  const statusUrl = `http://127.0.0.1:${org.ports.agentStatus}/status`;
  mkdirSync(join(org.layout.root, 'agent'), { recursive: true });
  const pid = await startOrgDaemon(org, 'agent', agentEnv(org, extraEnv), statusUrl);
  return { mspId: org.state.mspId, pid, statusUrl };
}

/**
 * Kills an agent the way a crash would: SIGKILL to its whole process group, so it gets no chance to close its
 * streams or write a last checkpoint, and nothing of it is left once a restart records a new pid under the same
 * name. Resolves once the process is gone, so that whatever the caller does next happens without this agent.
 */
export async function crashAgent(agent: AgentHandle, timeoutMs = 30_000): Promise<void> {
  process.kill(-agent.pid, 'SIGKILL');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(agent.pid)) {
    if (Date.now() > deadline) throw new Error(`${agent.mspId}'s agent (pid ${agent.pid}) is still running ${timeoutMs / 1000} s after SIGKILL`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
