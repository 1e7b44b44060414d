import type { OrdererAdminConfig } from '../config';
import type { Logger } from '../logging/logger';
import { readConfiguredOrdererAdmin } from '../adapters/orderer-joiner';
import { loadSigningIdentity, readGrpcEndpoint } from '../fabric';
import { createBootstrapDeps } from './adapters/create-bootstrap-deps';
import type { BootstrapStepRecord } from './bootstrap-log';
import { readBootstrapSettings } from './bootstrap-settings';
import { runBootstrap, type BootstrapResult } from './run-bootstrap';

/** The part of the agent's configuration the bootstrap uses (AgentConfig fits as it is). */
export interface BootstrapAgentConfig {
  mspId: string;
  peer: { address: string; tlsCaFile: string };
  ordererAdmin?: OrdererAdminConfig;
  identity: { certFile: string; keyFile: string };
  channel: string;
  chaincode: string;
}

/**
 * The agent's first-launch bootstrap, from its configuration and the `OPSSC_BOOTSTRAP_*` variables: does
 * nothing and returns undefined when no bootstrap token is configured (a founding or already-joined org),
 * otherwise runs {@link runBootstrap} to completion (or returns at once when its state file says it
 * completed) and releases its connections. Call it before the agent subscribes to consortium_ops events:
 * until the bootstrap is done, this org's peer is not on the ops channel.
 */
export async function bootstrapIfConfigured(
  config: BootstrapAgentConfig,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  options: { onStep?: (record: BootstrapStepRecord) => void; signal?: AbortSignal } = {},
): Promise<BootstrapResult | undefined> {
  const settings = readBootstrapSettings(env);
  if (!settings) return undefined;
  const identity = await loadSigningIdentity({ mspId: config.mspId, certificateFile: config.identity.certFile, privateKeyFile: config.identity.keyFile });
  const peer = await readGrpcEndpoint({ address: config.peer.address, tlsRootCertFile: config.peer.tlsCaFile });
  const ordererAdmin = await readConfiguredOrdererAdmin(config.ordererAdmin);
  const wired = createBootstrapDeps({ identity, peer, ...(ordererAdmin ? { ordererAdmin } : {}), settings, opsChannel: config.channel, chaincode: config.chaincode, logger });
  try {
    return await runBootstrap(wired.deps, { ...wired.options, ...options });
  } finally {
    wired.close();
  }
}
