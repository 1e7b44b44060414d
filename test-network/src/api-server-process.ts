import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateApiKey } from '@opssc/api-server';
import { waitHealthy } from './health';
import { OrgHandle } from './network-state';
import { isAlive, startDaemon } from './process-supervisor';
import { repoRoot } from './run-layout';

/** Where an org's api-server keeps its keys; the admin and viewer key files hold the plain keys for the org's admins. */
export interface ApiServerFiles {
  dir: string;
  adminKeyFile: string;
  viewerKeyFile: string;
  apiKeysFile: string;
  hmacKeyFile: string;
}

export interface ApiServerHandle {
  mspId: string;
  url: string;
  pid: number;
  files: ApiServerFiles;
  adminKey: string;
  viewerKey: string;
}

/**
 * Creates the org's API keys (stored hashed for the server, plain in 0600 files for the admins) and the
 * invitation HMAC secret, once; later starts reuse them.
 */
export function ensureApiServerFiles(org: OrgHandle): ApiServerFiles {
  const dir = join(org.layout.root, 'api-server');
  const files = {
    dir,
    adminKeyFile: join(dir, 'admin.key'),
    viewerKeyFile: join(dir, 'viewer.key'),
    apiKeysFile: join(dir, 'api-keys.json'),
    hmacKeyFile: join(dir, 'invitation-hmac.key'),
  };
  if (existsSync(files.apiKeysFile)) return files;
  mkdirSync(dir, { recursive: true });
  const admin = generateApiKey('local-admin', 'admin');
  const viewer = generateApiKey('local-viewer', 'viewer');
  writeFileSync(files.adminKeyFile, `${admin.key}\n`, { mode: 0o600 });
  writeFileSync(files.viewerKeyFile, `${viewer.key}\n`, { mode: 0o600 });
  writeFileSync(files.apiKeysFile, JSON.stringify([admin.record, viewer.record], null, 2));
  writeFileSync(files.hmacKeyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  return files;
}

/** The environment of an org's api-server: its own peer, its admin identity from files, its keys. */
export function apiServerEnv(org: OrgHandle, files: ApiServerFiles, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keystore = join(org.layout.adminMsp, 'keystore');
  return {
    ...process.env,
    OPSSC_ORG_MSP_ID: org.state.mspId,
    OPSSC_LISTEN_HOST: '127.0.0.1',
    OPSSC_PORT: String(org.ports.apiServer),
    OPSSC_PUBLIC_URL: `http://127.0.0.1:${org.ports.apiServer}`,
    OPSSC_API_KEYS_FILE: files.apiKeysFile,
    OPSSC_INVITATION_HMAC_KEY_FILE: files.hmacKeyFile,
    OPSSC_PEER_ENDPOINT: `127.0.0.1:${org.ports.peer}`,
    OPSSC_PEER_TLS_CA_FILE: join(org.layout.peerTls, 'ca.crt'),
    OPSSC_IDENTITY_CERT_FILE: join(org.layout.adminMsp, 'signcerts', 'cert.pem'),
    OPSSC_IDENTITY_KEY_FILE: join(keystore, readdirSync(keystore)[0]),
    ...extra,
  };
}

/** Starts the org's api-server as a daemon of the network (stopped by `network:down`) and waits for /health. */
export async function startApiServer(org: OrgHandle, extraEnv: NodeJS.ProcessEnv = {}): Promise<ApiServerHandle> {
  const files = ensureApiServerFiles(org);
  const name = `api-server.${org.state.name.toLowerCase()}`;
  const logFile = join(org.layout.root, '..', '..', 'logs', `${name}.log`);
  const pid = startDaemon(join(org.layout.root, '..', '..', 'pids'), {
    name,
    command: process.execPath,
    args: [join(repoRoot, 'api-server', 'dist', 'main.js')],
    env: apiServerEnv(org, files, extraEnv),
    cwd: repoRoot,
    logFile,
  });
  const url = `http://127.0.0.1:${org.ports.apiServer}`;
  await waitHealthy(name, `${url}/api/v1/health`, logFile, { isAlive: () => isAlive(pid) });
  const read = (file: string) => readFileSync(file, 'utf8').trim();
  return { mspId: org.state.mspId, url, pid, files, adminKey: read(files.adminKeyFile), viewerKey: read(files.viewerKeyFile) };
}
