import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * Where the api-server's files go: the plain keys in `dir`, what the server reads in `secretsDir`. The local
 * network keeps both in one folder; a container mounts only the secrets folder.
 */
export function apiServerFiles(dir: string, secretsDir = dir): ApiServerFiles {
  return {
    dir,
    adminKeyFile: join(dir, 'admin.key'),
    viewerKeyFile: join(dir, 'viewer.key'),
    apiKeysFile: join(secretsDir, 'api-keys.json'),
    hmacKeyFile: join(secretsDir, 'invitation-hmac.key'),
  };
}

/**
 * Writes an admin and a viewer API key (stored hashed for the server, plain in 0600 files for the org's admins),
 * named `<keyIdPrefix>-admin` and `<keyIdPrefix>-viewer`, and the invitation HMAC secret: what `opssc keygen` makes.
 */
export function writeApiServerFiles(files: ApiServerFiles, keyIdPrefix: string): void {
  for (const file of [files.adminKeyFile, files.viewerKeyFile, files.apiKeysFile, files.hmacKeyFile]) {
    mkdirSync(dirname(file), { recursive: true });
  }
  const admin = generateApiKey(`${keyIdPrefix}-admin`, 'admin');
  const viewer = generateApiKey(`${keyIdPrefix}-viewer`, 'viewer');
  writeFileSync(files.adminKeyFile, `${admin.key}\n`, { mode: 0o600 });
  writeFileSync(files.viewerKeyFile, `${viewer.key}\n`, { mode: 0o600 });
  writeFileSync(files.apiKeysFile, JSON.stringify([admin.record, viewer.record], null, 2));
  writeFileSync(files.hmacKeyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
}

/** Creates the org's API keys and invitation HMAC secret once; later starts reuse them. */
export function ensureApiServerFiles(org: OrgHandle): ApiServerFiles {
  const files = apiServerFiles(org.layout.apiServer);
  if (!existsSync(files.apiKeysFile)) writeApiServerFiles(files, 'local');
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
  return org.layout.apiServerPackages;
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
