import { readFileSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { parseApiKeysFile, type ApiKeyRecord } from './auth/api-keys';

/** The api-server's configuration, read once from `OPSSC_*` environment variables. */
export interface Config {
  /** `OPSSC_ORG_MSP_ID` (required): this org's MSP ID. The acting org of every request, never taken from a request. */
  readonly orgMspId: string;
  /** `OPSSC_LISTEN_HOST` (default `127.0.0.1`): the interface to listen on; loopback unless a proxy or `0.0.0.0` is meant. */
  readonly listenHost: string;
  /** `OPSSC_PORT` (default `8080`): the TCP port to listen on. */
  readonly port: number;
  /** `OPSSC_PUBLIC_URL` (required): the URL other orgs reach this server at; returned as `apiUrl` in invitations. */
  readonly publicUrl: string;
  /** `OPSSC_API_KEYS_FILE` (required): JSON `[{id, role, sha256}]`; the keys themselves are never stored. */
  readonly apiKeysFile: string;
  /** The parsed content of `apiKeysFile`. */
  readonly apiKeys: readonly ApiKeyRecord[];
  /** `OPSSC_INVITATION_HMAC_KEY_FILE` (required): secret (at least 32 bytes) for invitation token HMACs; every replica of this org shares it. */
  readonly invitationHmacKeyFile: string;
  /** The content of `invitationHmacKeyFile`. */
  readonly invitationHmacKey: Buffer;
  /** `OPSSC_PEER_ENDPOINT` (required): `host:port` of this org's own peer gateway. */
  readonly peerEndpoint: string;
  /** `OPSSC_PEER_TLS_CA_FILE` (required): PEM of the TLS CA that signed the peer's TLS certificate. */
  readonly peerTlsCaFile: string;
  /** `OPSSC_PEER_HOST_ALIAS` (optional): TLS server name to expect when it differs from the endpoint host. */
  readonly peerHostAlias: string | undefined;
  /** `OPSSC_IDENTITY_CERT_FILE` (required): PEM certificate of this org's admin identity (NodeOU admin). */
  readonly identityCertFile: string;
  /** `OPSSC_IDENTITY_KEY_FILE` (required): PEM private key of that identity. */
  readonly identityKeyFile: string;
  /** `OPSSC_CHANNEL` (default `ops-channel`): the channel consortium_ops is deployed on. */
  readonly channel: string;
  /** `OPSSC_CHAINCODE` (default `consortium_ops`): the chaincode name. */
  readonly chaincode: string;
  /** `OPSSC_AUTO_APPROVE_JOIN_REQUESTS` (default `false`): vote approve on join requests that passed validation and that this org relayed or attested. */
  readonly autoApproveJoinRequests: boolean;
  /** `OPSSC_BODY_LIMIT_BYTES` (default `1048576`): largest accepted JSON body; larger ones get 413. */
  readonly bodyLimitBytes: number;
  /** `OPSSC_LOG_LEVEL` (default `info`): `error`, `warn`, `info` or `debug`. */
  readonly logLevel: string;
  /** `OPSSC_TRUST_PROXY` (default `false`): trust `X-Forwarded-For` (set it behind a load balancer so rate limits see client IPs). */
  readonly trustProxy: boolean;
  /**
   * `OPSSC_CHAINCODE_PACKAGES_DIR` (optional): an absolute path to a directory of chaincode package files, each
   * named `<label>.tar.gz`. `GET /api/v1/chaincode-packages/:packageId` serves a file only when its SHA-256 is the
   * one in the package id. Unset: the server serves no packages.
   */
  readonly chaincodePackagesDir: string | undefined;
}

type Env = Record<string, string | undefined>;

/** Thrown when the environment is incomplete or wrong; the process must not start. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the configuration, including the two secrets the server cannot run without.
 * @param env - the environment, `process.env` in production.
 * @param readFile - file reader, replaceable in tests.
 */
export function loadConfig(env: Env = process.env, readFile: (path: string) => Buffer = readFileSync): Config {
  const required = (name: string): string => {
    const value = env[`OPSSC_${name}`]?.trim();
    if (!value) {
      throw new ConfigError(`OPSSC_${name} is required`);
    }
    return value;
  };
  const optional = (name: string, fallback: string): string => env[`OPSSC_${name}`]?.trim() || fallback;
  const apiKeysFile = required('API_KEYS_FILE');
  const invitationHmacKeyFile = required('INVITATION_HMAC_KEY_FILE');
  const config: Config = {
    orgMspId: required('ORG_MSP_ID'),
    listenHost: optional('LISTEN_HOST', '127.0.0.1'),
    port: integer('PORT', optional('PORT', '8080'), 0, 65535),
    publicUrl: url(required('PUBLIC_URL')),
    apiKeysFile,
    apiKeys: readSecret('API_KEYS_FILE', apiKeysFile, (bytes) => parseApiKeysFile(bytes.toString('utf8')), readFile),
    invitationHmacKeyFile,
    invitationHmacKey: readSecret('INVITATION_HMAC_KEY_FILE', invitationHmacKeyFile, hmacKey, readFile),
    peerEndpoint: required('PEER_ENDPOINT'),
    peerTlsCaFile: required('PEER_TLS_CA_FILE'),
    peerHostAlias: env.OPSSC_PEER_HOST_ALIAS?.trim() || undefined,
    identityCertFile: required('IDENTITY_CERT_FILE'),
    identityKeyFile: required('IDENTITY_KEY_FILE'),
    channel: optional('CHANNEL', 'ops-channel'),
    chaincode: optional('CHAINCODE', 'consortium_ops'),
    autoApproveJoinRequests: boolean('AUTO_APPROVE_JOIN_REQUESTS', optional('AUTO_APPROVE_JOIN_REQUESTS', 'false')),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', optional('BODY_LIMIT_BYTES', '1048576'), 1024, 64 * 1024 * 1024),
    logLevel: oneOf('LOG_LEVEL', optional('LOG_LEVEL', 'info'), ['error', 'warn', 'info', 'debug']),
    trustProxy: boolean('TRUST_PROXY', optional('TRUST_PROXY', 'false')),
    chaincodePackagesDir: directory('CHAINCODE_PACKAGES_DIR', env.OPSSC_CHAINCODE_PACKAGES_DIR?.trim() || undefined),
  };
  return Object.freeze(config);
}

function readSecret<T>(name: string, path: string, parse: (bytes: Buffer) => T, readFile: (path: string) => Buffer): T {
  try {
    return parse(readFile(path));
  } catch (err) {
    // Say which variable is wrong, never what the file contains.
    throw new ConfigError(`OPSSC_${name} (${path}) is unusable: ${(err as Error).message.split('\n')[0]}`);
  }
}

function hmacKey(bytes: Buffer): Buffer {
  const key = Buffer.from(bytes.toString('utf8').trim(), 'utf8');
  if (key.length < 32) {
    throw new Error('the key must be at least 32 bytes');
  }
  return key;
}

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`OPSSC_${name} must be an integer between ${min} and ${max}`);
  }
  return value;
}

function boolean(name: string, raw: string): boolean {
  if (raw !== 'true' && raw !== 'false') {
    throw new ConfigError(`OPSSC_${name} must be true or false`);
  }
  return raw === 'true';
}

function oneOf(name: string, raw: string, allowed: string[]): string {
  if (!allowed.includes(raw)) {
    throw new ConfigError(`OPSSC_${name} must be one of ${allowed.join(', ')}`);
  }
  return raw;
}

function directory(name: string, path: string | undefined): string | undefined {
  if (path === undefined) {
    return undefined;
  }
  // Served files are resolved inside this directory; a relative path would depend on the working directory.
  if (!isAbsolute(path)) {
    throw new ConfigError(`OPSSC_${name} must be an absolute path`);
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) {
    throw new ConfigError(`OPSSC_${name} (${path}) is not a directory`);
  }
  return path;
}

function url(raw: string): string {
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError('OPSSC_PUBLIC_URL must be an absolute URL');
  }
}
