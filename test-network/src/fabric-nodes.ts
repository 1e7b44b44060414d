import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FabricInstall } from './fabric-binaries';
import { waitHealthy } from './health';
import { writeOrdererConfig, writePeerConfig } from './node-config';
import { OrgPorts } from './ports';
import { isAlive, startDaemon } from './process-supervisor';
import { OrgLayout } from './run-layout';

export interface NodeContext {
  fabric: FabricInstall;
  org: OrgLayout;
  ports: OrgPorts;
  logDir: string;
  pidDir: string;
  /** Gossip bootstrap endpoint; the org's own peer. */
}

export function peerName(org: OrgLayout): string {
  return `peer0.${org.name.toLowerCase()}`;
}

export function ordererName(org: OrgLayout): string {
  return `orderer0.${org.name.toLowerCase()}`;
}

/** Environment for a peer process; every address is on 127.0.0.1 and every port comes from the org's block. */
export function peerEnv(ctx: NodeContext): NodeJS.ProcessEnv {
  const { org, ports } = ctx;
  const address = `127.0.0.1:${ports.peer}`;
  return {
    ...process.env,
    FABRIC_CFG_PATH: org.peerConfig,
    FABRIC_LOGGING_SPEC: 'INFO',
    CORE_PEER_ID: peerName(org),
    CORE_PEER_ADDRESS: address,
    CORE_PEER_LISTENADDRESS: address,
    CORE_PEER_CHAINCODEADDRESS: `127.0.0.1:${ports.peerChaincode}`,
    CORE_PEER_CHAINCODELISTENADDRESS: `127.0.0.1:${ports.peerChaincode}`,
    CORE_PEER_GOSSIP_EXTERNALENDPOINT: address,
    CORE_PEER_GOSSIP_BOOTSTRAP: address,
    CORE_PEER_LOCALMSPID: org.mspId,
    CORE_PEER_MSPCONFIGPATH: org.peerMsp,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_CERT_FILE: join(org.peerTls, 'server.crt'),
    CORE_PEER_TLS_KEY_FILE: join(org.peerTls, 'server.key'),
    CORE_PEER_TLS_ROOTCERT_FILE: join(org.peerTls, 'ca.crt'),
    CORE_PEER_FILESYSTEMPATH: org.peerData,
    CORE_LEDGER_SNAPSHOTS_ROOTDIR: join(org.peerData, 'snapshots'),
    CORE_OPERATIONS_LISTENADDRESS: `127.0.0.1:${ports.peerOperations}`,
    CORE_METRICS_PROVIDER: 'prometheus',
  };
}

/** Starts the org's peer and waits for /healthz. */
export async function startPeer(ctx: NodeContext): Promise<number> {
  const { org, ports } = ctx;
  writePeerConfig(ctx.fabric, org.peerConfig);
  mkdirSync(org.peerData, { recursive: true });
  const logFile = join(ctx.logDir, `${peerName(org)}.log`);
  const pid = startDaemon(ctx.pidDir, {
    name: peerName(org),
    command: join(ctx.fabric.binDir, 'peer'),
    args: ['node', 'start'],
    env: peerEnv(ctx),
    cwd: org.root,
    logFile,
  });
  await waitHealthy(peerName(org), `http://127.0.0.1:${ports.peerOperations}/healthz`, logFile, { isAlive: () => isAlive(pid) });
  return pid;
}

/** Starts the org's Raft orderer (no system channel, channel participation API on) and waits for /healthz. */
export async function startOrderer(ctx: NodeContext): Promise<number> {
  const { org, ports } = ctx;
  writeOrdererConfig(ctx.fabric, org.ordererConfig);
  mkdirSync(org.ordererData, { recursive: true });
  const tls = (file: string) => join(org.ordererTls, file);
  const logFile = join(ctx.logDir, `${ordererName(org)}.log`);
  const pid = startDaemon(ctx.pidDir, {
    name: ordererName(org),
    command: join(ctx.fabric.binDir, 'orderer'),
    args: [],
    env: {
      ...process.env,
      FABRIC_CFG_PATH: org.ordererConfig,
      FABRIC_LOGGING_SPEC: 'INFO',
      ORDERER_GENERAL_LISTENADDRESS: '127.0.0.1',
      ORDERER_GENERAL_LISTENPORT: String(ports.orderer),
      ORDERER_GENERAL_LOCALMSPID: org.mspId,
      ORDERER_GENERAL_LOCALMSPDIR: org.ordererMsp,
      ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
      ORDERER_GENERAL_TLS_ENABLED: 'true',
      ORDERER_GENERAL_TLS_PRIVATEKEY: tls('server.key'),
      ORDERER_GENERAL_TLS_CERTIFICATE: tls('server.crt'),
      ORDERER_GENERAL_TLS_ROOTCAS: `[${tls('ca.crt')}]`,
      ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE: tls('server.crt'),
      ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY: tls('server.key'),
      ORDERER_GENERAL_CLUSTER_ROOTCAS: `[${tls('ca.crt')}]`,
      ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
      ORDERER_ADMIN_LISTENADDRESS: `127.0.0.1:${ports.ordererAdmin}`,
      ORDERER_ADMIN_TLS_ENABLED: 'true',
      ORDERER_ADMIN_TLS_PRIVATEKEY: tls('server.key'),
      ORDERER_ADMIN_TLS_CERTIFICATE: tls('server.crt'),
      ORDERER_ADMIN_TLS_ROOTCAS: `[${tls('ca.crt')}]`,
      ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
      ORDERER_ADMIN_TLS_CLIENTROOTCAS: `[${tls('ca.crt')}]`,
      ORDERER_OPERATIONS_LISTENADDRESS: `127.0.0.1:${ports.ordererOperations}`,
      ORDERER_METRICS_PROVIDER: 'prometheus',
      ORDERER_FILELEDGER_LOCATION: join(org.ordererData, 'ledger'),
      ORDERER_CONSENSUS_WALDIR: join(org.ordererData, 'etcdraft', 'wal'),
      ORDERER_CONSENSUS_SNAPDIR: join(org.ordererData, 'etcdraft', 'snapshot'),
    },
    cwd: org.root,
    logFile,
  });
  await waitHealthy(ordererName(org), `http://127.0.0.1:${ports.ordererOperations}/healthz`, logFile, { isAlive: () => isAlive(pid) });
  return pid;
}
