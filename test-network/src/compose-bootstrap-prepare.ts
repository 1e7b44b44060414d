import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { apiServerFiles, ApiServerFiles, writeApiServerFiles } from './api-server-process';
import { COMPOSE_BASE_PORT, COMPOSE_BOOTSTRAP_COMMAND, COMPOSE_ORGS, COMPOSE_RUN_DIR, preparedFolders } from './compose-bootstrap-layout';
import { CaContext, enrollAdminTlsClient } from './fabric-ca';
import { enrolledIdentityFiles } from './msp-files';
import { up, UpOptions } from './network';
import { NetworkState, stateFile } from './network-state';
import { stopDaemons } from './process-supervisor';
import { logDir, orgLayout, OrgLayout, pidDir } from './run-layout';

/** What `prepare` does to the native network; the local network's own code, or fakes in the tests. */
export interface PrepareNetwork {
  up(options: UpOptions): Promise<NetworkState>;
  enrollAdminTlsClient(ctx: CaContext, tlsDir: string): Promise<void>;
  stopDaemons(pidDir: string): Promise<string[]>;
}

/** The local network's own code: `up` starts the CAs natively and enrolls every identity. */
export const localPrepareNetwork: PrepareNetwork = { up, enrollAdminTlsClient, stopDaemons };

export interface PrepareOptions {
  runDir?: string;
  network?: PrepareNetwork;
  log?: (line: string) => void;
}

/** The admin certificate and key under fixed names, since Fabric CA names the key file after its SKI. */
export function writeAdminIdentity(org: OrgLayout): void {
  const dir = preparedFolders(org).adminIdentity;
  const admin = enrolledIdentityFiles(org.adminMsp);
  mkdirSync(dir, { recursive: true });
  copyFileSync(admin.certFile, join(dir, 'cert.pem'));
  copyFileSync(admin.keyFile, join(dir, 'key.pem'));
}

/**
 * The api-server's files: the secrets folder is what the container mounts (key hashes and the invitation HMAC
 * secret); the plain API keys stay beside it, for the org's admins, and are never mounted.
 */
export function composeApiServerFiles(org: OrgLayout): ApiServerFiles {
  return apiServerFiles(org.apiServer, preparedFolders(org).apiServerSecrets);
}

/** The api-server's files, as `opssc keygen` makes them, and the empty packages folder `bootstrap` fills. */
export function writeComposeApiServerFiles(org: OrgLayout): void {
  writeApiServerFiles(composeApiServerFiles(org), org.name.toLowerCase());
  mkdirSync(preparedFolders(org).chaincodePackages, { recursive: true });
}

/**
 * `prepare`: runs the local network's `up` in the compose run directory with the compose file's orgs and ports
 * and no channel, so that each org's Fabric CA enrolls every identity; adds what the containers need; then stops
 * the native processes but keeps their files. The native ledgers go, since the containers keep theirs in named
 * volumes.
 */
export async function prepare(options: PrepareOptions = {}): Promise<void> {
  const { runDir = COMPOSE_RUN_DIR, network = localPrepareNetwork, log = (line: string) => console.log(line) } = options;
  if (existsSync(stateFile(runDir))) {
    throw new Error(`${runDir} is already prepared; to start over run \`docker compose down -v\` and remove it`);
  }
  const state = await network.up({ orgs: COMPOSE_ORGS, basePort: COMPOSE_BASE_PORT, runDir, channels: [], log });
  try {
    for (const o of state.orgs) {
      const org = orgLayout(runDir, o.name);
      // the CA is still running natively: this is the last moment it can enroll anything
      await network.enrollAdminTlsClient({ fabric: state.fabric, org, ports: o.ports, logDir: logDir(runDir), pidDir: pidDir(runDir) }, preparedFolders(org).adminTls);
      writeAdminIdentity(org);
      writeComposeApiServerFiles(org);
    }
  } finally {
    // the containers take over from here: stop the native processes, keep their files (`network:down` deletes them)
    await network.stopDaemons(pidDir(runDir));
  }
  for (const o of state.orgs) {
    const org = orgLayout(runDir, o.name);
    rmSync(org.peerData, { recursive: true, force: true });
    rmSync(org.ordererData, { recursive: true, force: true });
  }
  log(`\nidentities ready in ${runDir}/orgs; next:\n  OPSSC_UID=$(id -u) docker compose up -d --build\n  ${COMPOSE_BOOTSTRAP_COMMAND} bootstrap`);
}
