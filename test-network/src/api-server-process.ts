import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateApiKey } from '@opssc/api-server';
import { OrgHandle } from './network-state';
import { adminIdentityEnv, startOrgDaemon } from './org-daemon';

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
  return {
    ...adminIdentityEnv(org),
    OPSSC_LISTEN_HOST: '127.0.0.1',
    OPSSC_PORT: String(org.ports.apiServer),
    OPSSC_PUBLIC_URL: `http://127.0.0.1:${org.ports.apiServer}`,
    OPSSC_API_KEYS_FILE: files.apiKeysFile,
    OPSSC_INVITATION_HMAC_KEY_FILE: files.hmacKeyFile,
    ...extra,
  };
}

/** Where an org's api-server finds the chaincode package files it serves, each named `<label>.tar.gz`. */
export function apiServerPackagesDir(org: OrgHandle): string {
  return join(org.layout.root, 'api-server', 'packages');
}

/**
 * Starts the org's api-server as a daemon of the network (stopped by `network:down`) and waits for /health.
 * It serves the chaincode packages of `options.packagesDir`, by default of {@link apiServerPackagesDir} when that exists.
 */
export async function startApiServer(org: OrgHandle, extraEnv: NodeJS.ProcessEnv = {}, options: { packagesDir?: string } = {}): Promise<ApiServerHandle> {
  const files = ensureApiServerFiles(org);
  const packagesDir = options.packagesDir ?? (existsSync(apiServerPackagesDir(org)) ? apiServerPackagesDir(org) : undefined);
  const env = apiServerEnv(org, files, { ...(packagesDir ? { OPSSC_CHAINCODE_PACKAGES_DIR: packagesDir } : {}), ...extraEnv });
  const url = `http://127.0.0.1:${org.ports.apiServer}`;
  const pid = await startOrgDaemon(org, 'api-server', env, `${url}/api/v1/health`);
  const read = (file: string) => readFileSync(file, 'utf8').trim();
  return { mspId: org.state.mspId, url, pid, files, adminKey: read(files.adminKeyFile), viewerKey: read(files.viewerKeyFile) };
}
