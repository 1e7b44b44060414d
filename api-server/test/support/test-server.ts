import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import winston from 'winston';
import { createApp } from '../../src/app';
import { hashApiKey } from '../../src/auth/api-keys';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import { FakeClock } from './fake-clock';
import { FakeConfigBlocks, FakeLedger } from './fake-ledger';

/** A running api-server on an ephemeral port, with its fakes and everything it logged. */
export interface TestServer {
  url: string;
  config: Config;
  ledger: FakeLedger;
  configBlocks: FakeConfigBlocks;
  clock: FakeClock;
  logs: string[];
  keys: { admin: string; viewer: string };
  /** fetch relative to the server, with an optional Bearer credential and JSON body. */
  call(method: string, path: string, options?: { auth?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  orgMspId?: string;
  /** Share one fake ledger between the servers of several orgs. */
  ledger?: FakeLedger;
  clock?: FakeClock;
  autoApprove?: boolean;
  bodyLimitBytes?: number;
  /** OPSSC_CHAINCODE_PACKAGES_DIR: a real directory of package files. */
  packagesDir?: string;
}

/** Starts the real app (real config parsing, auth, validation, errors, logging) over a fake ledger. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const orgMspId = options.orgMspId ?? 'Org1MSP';
  const clock = options.clock ?? new FakeClock();
  const ledger = options.ledger ?? new FakeLedger(clock);
  const keys = { admin: `osk_${randomBytes(32).toString('base64url')}`, viewer: `osk_${randomBytes(32).toString('base64url')}` };
  const files: Record<string, string> = {
    '/keys.json': JSON.stringify([
      { id: 'ops-admin', role: 'admin', sha256: hashApiKey(keys.admin) },
      { id: 'dashboard', role: 'viewer', sha256: hashApiKey(keys.viewer) },
    ]),
    '/hmac.key': randomBytes(32).toString('base64url'),
  };
  const config = loadConfig(
    {
      OPSSC_ORG_MSP_ID: orgMspId,
      OPSSC_PUBLIC_URL: `https://api.${orgMspId.toLowerCase()}.example.com`,
      OPSSC_API_KEYS_FILE: '/keys.json',
      OPSSC_INVITATION_HMAC_KEY_FILE: '/hmac.key',
      OPSSC_PEER_ENDPOINT: 'localhost:7051',
      OPSSC_PEER_TLS_CA_FILE: '/tls-ca.pem',
      OPSSC_IDENTITY_CERT_FILE: '/admin-cert.pem',
      OPSSC_IDENTITY_KEY_FILE: '/admin-key.pem',
      OPSSC_AUTO_APPROVE_JOIN_REQUESTS: String(options.autoApprove ?? false),
      OPSSC_BODY_LIMIT_BYTES: String(options.bodyLimitBytes ?? 1_048_576),
      OPSSC_LOG_LEVEL: 'debug',
      ...(options.packagesDir ? { OPSSC_CHAINCODE_PACKAGES_DIR: options.packagesDir } : {}),
    },
    (path) => Buffer.from(files[path] ?? '', 'utf8'),
  );
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger('debug', [new winston.transports.Stream({ stream: sink })]);
  const configBlocks = new FakeConfigBlocks();
  const app = createApp(config, { ledger: ledger.portFor(orgMspId), configBlocks, clock, logger, random: { bytes: randomBytes } });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    config,
    ledger,
    configBlocks,
    clock,
    logs,
    keys,
    call: (method, path, opts = {}) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          ...(opts.auth ? { authorization: `Bearer ${opts.auth}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
        body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
