import { join } from 'node:path';
import { OrgLayout, repoRoot } from './run-layout';

/** How users run this command; the hints it prints and its usage message name it. */
export const COMPOSE_BOOTSTRAP_COMMAND = 'npm run compose:bootstrap --';

/** docker-compose.yaml mounts the org folders of this run directory; it and this command must agree. */
export const COMPOSE_RUN_DIR = join(repoRoot, '.run', 'compose');

/** docker-compose.yaml publishes org N's ports from 17050 + (N-1)*10, the local network's default layout. */
export const COMPOSE_BASE_PORT = 17050;

/** docker-compose.yaml runs Org1 and Org2. */
export const COMPOSE_ORGS = 2;

/** What `prepare` adds to an org's folder, beside the local network's own layout, for the containers to mount. */
export interface PreparedFolders {
  /** The admin's certificate and key as cert.pem and key.pem, for the api-server and the agent. */
  adminIdentity: string;
  /** The admin's TLS client pair (ca.crt, client.crt, client.key), for the agent's mutual TLS to the orderer admin API. */
  adminTls: string;
  /** What the api-server container mounts: the API key hashes and the invitation HMAC secret, not the plain keys. */
  apiServerSecrets: string;
  /** `<label>.tar.gz` of each committed chaincode, which the api-server serves to joining orgs (as test-network's). */
  chaincodePackages: string;
}

/** The folders `prepare` adds to one org's folder. */
export function preparedFolders(org: OrgLayout): PreparedFolders {
  return {
    adminIdentity: join(org.root, 'users', 'admin', 'identity'),
    adminTls: join(org.root, 'users', 'admin', 'tls'),
    apiServerSecrets: join(org.apiServer, 'secrets'),
    chaincodePackages: org.apiServerPackages,
  };
}
