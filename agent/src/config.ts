import { existsSync } from 'node:fs';

/** A required variable is missing or malformed. The agent refuses to start and names every problem at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid agent configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigurationError';
  }
}

/** A gRPC endpoint and the TLS CA that issued its server certificate. */
export interface EndpointConfig {
  /** `host:port`. */
  address: string;
  tlsCaFile: string;
}

/** The orderer's channel participation API (used by the bootstrap of a new org's nodes). */
export interface OrdererAdminConfig {
  url: string;
  tlsCaFile?: string;
  tlsCertFile?: string;
  tlsKeyFile?: string;
}

/**
 * The agent's configuration, read once from the environment; frozen. Every variable carries the `OPSSC_`
 * prefix, as the api-server's do, so that a shared environment (compose, a pod) has one naming scheme.
 */
export interface AgentConfig {
  /** `OPSSC_ORG_MSP_ID`: this org's MSP ID, e.g. `Org1MSP`. Required. */
  readonly mspId: string;
  /** `OPSSC_PEER_ENDPOINT` (host:port) and `OPSSC_PEER_TLS_CA_FILE`: one of this org's peers (gateway, lifecycle queries). Required. */
  readonly peer: Readonly<EndpointConfig>;
  /** `OPSSC_ORDERER_ENDPOINT` (host:port) and `OPSSC_ORDERER_TLS_CA_FILE`: this org's orderer (config blocks, broadcast). Required. */
  readonly orderer: Readonly<EndpointConfig>;
  /**
   * `OPSSC_ORDERER_ADMIN_URL`, with `OPSSC_ORDERER_ADMIN_TLS_CA_FILE`, `OPSSC_ORDERER_ADMIN_TLS_CERT_FILE` and
   * `OPSSC_ORDERER_ADMIN_TLS_KEY_FILE` for mutual TLS: the channel participation API. Optional (bootstrap only).
   */
  readonly ordererAdmin?: Readonly<OrdererAdminConfig>;
  /** `OPSSC_IDENTITY_CERT_FILE` and `OPSSC_IDENTITY_KEY_FILE`: this org's admin certificate and private key (PEM files). Required. */
  readonly identity: Readonly<{ certFile: string; keyFile: string }>;
  /** `OPSSC_CHANNEL`: the ops channel, where consortium_ops runs. Default `ops-channel`. */
  readonly channel: string;
  /** `OPSSC_CHAINCODE`: the consortium_ops chaincode name. Default `consortium_ops`. */
  readonly chaincode: string;
  /** `OPSSC_CHECKPOINT_FILE`: where the event checkpoint is kept (replaced atomically). Required. */
  readonly checkpointFile: string;
  /** `OPSSC_STATUS_PORT`: port of `GET /status` on 127.0.0.1. Required. */
  readonly statusPort: number;
  /** `OPSSC_LOG_LEVEL`: error, warn, info or debug. Default `info`. */
  readonly logLevel: string;
}

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'];

/** Parses the agent's environment, refusing to start on anything missing or malformed. */
export function loadConfig(env: NodeJS.ProcessEnv): AgentConfig {
  const problems: string[] = [];
  const optional = (name: string) => env[name]?.trim() || undefined;
  const required = (name: string) => {
    const value = optional(name);
    if (!value) problems.push(`${name} is required`);
    return value ?? '';
  };
  const file = (name: string, value: string | undefined) => {
    if (value && !existsSync(value)) problems.push(`${name}: no file at ${value}`);
    return value;
  };
  const address = (name: string) => {
    const value = required(name);
    if (value && !/^[^\s:]+:\d{1,5}$/.test(value)) problems.push(`${name} must be host:port, got ${value}`);
    return value;
  };

  const mspId = required('OPSSC_ORG_MSP_ID');
  const peer = { address: address('OPSSC_PEER_ENDPOINT'), tlsCaFile: file('OPSSC_PEER_TLS_CA_FILE', required('OPSSC_PEER_TLS_CA_FILE')) ?? '' };
  const orderer = { address: address('OPSSC_ORDERER_ENDPOINT'), tlsCaFile: file('OPSSC_ORDERER_TLS_CA_FILE', required('OPSSC_ORDERER_TLS_CA_FILE')) ?? '' };
  const identity = { certFile: file('OPSSC_IDENTITY_CERT_FILE', required('OPSSC_IDENTITY_CERT_FILE')) ?? '', keyFile: file('OPSSC_IDENTITY_KEY_FILE', required('OPSSC_IDENTITY_KEY_FILE')) ?? '' };
  const checkpointFile = required('OPSSC_CHECKPOINT_FILE');
  const statusPortText = required('OPSSC_STATUS_PORT');
  const statusPort = Number(statusPortText);
  if (statusPortText && !(Number.isInteger(statusPort) && statusPort > 0 && statusPort < 65536)) problems.push(`OPSSC_STATUS_PORT must be a port number, got ${statusPortText}`);
  const logLevel = optional('OPSSC_LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`OPSSC_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${logLevel}`);

  let ordererAdmin: OrdererAdminConfig | undefined;
  const adminUrl = optional('OPSSC_ORDERER_ADMIN_URL');
  if (adminUrl) {
    ordererAdmin = { url: adminUrl };
    for (const [key, name] of [['tlsCaFile', 'OPSSC_ORDERER_ADMIN_TLS_CA_FILE'], ['tlsCertFile', 'OPSSC_ORDERER_ADMIN_TLS_CERT_FILE'], ['tlsKeyFile', 'OPSSC_ORDERER_ADMIN_TLS_KEY_FILE']] as const) {
      const value = file(name, optional(name));
      if (value) ordererAdmin[key] = value;
    }
    if (Boolean(ordererAdmin.tlsCertFile) !== Boolean(ordererAdmin.tlsKeyFile)) problems.push('OPSSC_ORDERER_ADMIN_TLS_CERT_FILE and OPSSC_ORDERER_ADMIN_TLS_KEY_FILE go together');
  }

  if (problems.length > 0) throw new ConfigurationError(problems);
  return Object.freeze({
    mspId,
    peer: Object.freeze(peer),
    orderer: Object.freeze(orderer),
    ...(ordererAdmin ? { ordererAdmin: Object.freeze(ordererAdmin) } : {}),
    identity: Object.freeze(identity),
    channel: optional('OPSSC_CHANNEL') ?? 'ops-channel',
    chaincode: optional('OPSSC_CHAINCODE') ?? 'consortium_ops',
    checkpointFile,
    statusPort,
    logLevel,
  });
}
