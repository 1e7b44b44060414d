import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FabricInstall } from './fabric-binaries';
import { waitHealthy } from './health';
import { normalizeEnrolledMsp, normalizeTlsDir, writeOrgMsp } from './msp-files';
import { OrgPorts } from './ports';
import { isAlive, startDaemon } from './process-supervisor';
import { OrgLayout } from './run-layout';

const run = promisify(execFile);

/** The CA's bootstrap registrar. Local-network only; a production CA gets its own secret. */
const REGISTRAR = { id: 'registrar', secret: 'registrarpw' };

export interface CaContext {
  fabric: FabricInstall;
  org: OrgLayout;
  ports: OrgPorts;
  logDir: string;
  pidDir: string;
}

function caName(org: OrgLayout): string {
  return `ca-${org.name.toLowerCase()}`;
}

/** Starts the org's Fabric CA with TLS on 127.0.0.1 and waits until its operations endpoint is healthy. */
export async function startCa(ctx: CaContext): Promise<number> {
  const { org, ports } = ctx;
  mkdirSync(org.caHome, { recursive: true });
  const logFile = join(ctx.logDir, `ca.${org.name.toLowerCase()}.log`);
  const pid = startDaemon(ctx.pidDir, {
    name: `ca.${org.name.toLowerCase()}`,
    command: join(ctx.fabric.caBinDir, 'fabric-ca-server'),
    args: [
      'start', '-b', `${REGISTRAR.id}:${REGISTRAR.secret}`, '--home', org.caHome,
      '--address', '127.0.0.1', '--port', String(ports.ca), '--tls.enabled',
      '--ca.name', caName(org), '--csr.cn', `ca.${org.name.toLowerCase()}`, '--csr.hosts', '127.0.0.1,localhost',
    ],
    env: { ...process.env, FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS: `127.0.0.1:${ports.caOperations}` },
    cwd: org.caHome,
    logFile,
  });
  await waitHealthy(`${caName(org)}`, `http://127.0.0.1:${ports.caOperations}/healthz`, logFile, { isAlive: () => isAlive(pid) });
  return pid;
}

async function caClient(ctx: CaContext, args: string[]): Promise<void> {
  const url = `https://127.0.0.1:${ctx.ports.ca}`;
  const withCreds = args.map((a) => a.replace('{url}', url));
  await run(join(ctx.fabric.caBinDir, 'fabric-ca-client'), [...withCreds, '--caname', caName(ctx.org), '--tls.certfiles', ctx.org.caCert], {
    env: { ...process.env, FABRIC_CA_CLIENT_HOME: ctx.org.registrarHome },
  });
}

function withUser(id: string, secret: string): string {
  return `https://${id}:${secret}@{host}`;
}

async function enroll(ctx: CaContext, id: string, secret: string, mspDir: string, tls: boolean): Promise<void> {
  const url = withUser(id, secret).replace('{host}', `127.0.0.1:${ctx.ports.ca}`);
  const extra = tls ? ['--enrollment.profile', 'tls', '--csr.hosts', '127.0.0.1,localhost'] : ['--csr.hosts', '127.0.0.1,localhost'];
  await caClient(ctx, ['enroll', '-u', url, '-M', mspDir, ...extra]);
}

/** The identities each org needs. Types become NodeOU roles through the OU Fabric CA writes into each cert. */
const IDENTITIES = [
  { id: 'peer0', type: 'peer' },
  { id: 'orderer0', type: 'orderer' },
  { id: 'orgadmin', type: 'admin' },
  { id: 'orgclient', type: 'client' },
] as const;

/**
 * Registers and enrolls the org's admin, client, peer and orderer identities, plus TLS certificates for the
 * peer and the orderer (SAN 127.0.0.1), and writes the org-level MSP.
 */
export async function enrollOrgIdentities(ctx: CaContext): Promise<void> {
  const { org } = ctx;
  await caClient(ctx, ['enroll', '-u', withUser(REGISTRAR.id, REGISTRAR.secret).replace('{host}', `127.0.0.1:${ctx.ports.ca}`)]);
  for (const identity of IDENTITIES) {
    await caClient(ctx, ['register', '-u', '{url}', '--id.name', identity.id, '--id.secret', `${identity.id}pw`, '--id.type', identity.type]);
  }
  const mspOf: Record<string, string> = { peer0: org.peerMsp, orderer0: org.ordererMsp, orgadmin: org.adminMsp, orgclient: org.clientMsp };
  await Promise.all(
    IDENTITIES.map(async ({ id }) => {
      await enroll(ctx, id, `${id}pw`, mspOf[id], false);
      normalizeEnrolledMsp(mspOf[id]);
    }),
  );
  await Promise.all([
    enroll(ctx, 'peer0', 'peer0pw', org.peerTls, true).then(() => normalizeTlsDir(org.peerTls)),
    enroll(ctx, 'orderer0', 'orderer0pw', org.ordererTls, true).then(() => normalizeTlsDir(org.ordererTls)),
  ]);
  writeOrgMsp(org.orgMsp, org.caCert);
}

/**
 * Enrolls a TLS client pair for the org admin into `tlsDir` as ca.crt, client.crt and client.key: what a client
 * presents for mutual TLS to the orderer admin API instead of the orderer's own TLS key. Needs the org's CA
 * running and its identities enrolled.
 */
export async function enrollAdminTlsClient(ctx: CaContext, tlsDir: string): Promise<void> {
  await enroll(ctx, 'orgadmin', 'orgadminpw', tlsDir, true);
  normalizeTlsDir(tlsDir, 'client');
}
