import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationOrgSpec, OrdererOrgSpec } from '../../src';
import { writeMspFolder } from './msp-folder';

/** A channel to generate with configtxgen: its orgs, orderer settings and policy rules (defaults: Fabric's test-network). */
export interface ChannelProfile {
  applicationOrgs: readonly ApplicationOrgSpec[];
  ordererOrgs: readonly OrdererOrgSpec[];
  /** Default `2s`. */
  batchTimeout?: string;
  /** Default 500 messages, 10 MB absolute, 2 MB preferred. */
  batchSize?: { maxMessageCount: number; absoluteMaxBytes: number; preferredMaxBytes: number };
  /** ImplicitMeta rules of the Admins policies and of the Application Endorsement policies; default all MAJORITY. */
  policies?: { admins: ImplicitMetaRuleName; endorsement: ImplicitMetaRuleName; lifecycleEndorsement: ImplicitMetaRuleName };
}

/** A rule as configtx.yaml spells it, independently of the library's type. */
export type ImplicitMetaRuleName = 'ANY' | 'ALL' | 'MAJORITY';

export const PROFILE_NAME = 'TestChannel';

const signature = (rule: string) => ({ Type: 'Signature', Rule: rule });
const implicit = (rule: string) => ({ Type: 'ImplicitMeta', Rule: rule });
const anyOf = (mspId: string, roles: string[]) => `OR(${roles.map((r) => `'${mspId}.${r}'`).join(', ')})`;

/**
 * Writes `<dir>/configtx.yaml` for `profile` (plus the MSP folders and consenter certs it refers to) and
 * returns `dir`, for `configtxgen -configPath <dir>`. The policies are spelled out here as configtx.yaml
 * rules, the way Fabric's test-network writes them, independently of the library under test. The file is
 * JSON, which YAML parsers read as YAML.
 */
export function writeConfigtx(dir: string, profile: ChannelProfile): string {
  mkdirSync(dir, { recursive: true });
  const mspDir = (mspId: string, msp: ApplicationOrgSpec['msp']) => writeMspFolder(join(dir, 'msp', mspId), msp);
  const certFile = (name: string, pem: string) => {
    mkdirSync(join(dir, 'tls'), { recursive: true });
    writeFileSync(join(dir, 'tls', name), pem);
    return join(dir, 'tls', name);
  };
  const applicationOrgs = profile.applicationOrgs.map(({ msp, anchorPeers }) => ({
    Name: msp.mspId,
    ID: msp.mspId,
    MSPDir: mspDir(msp.mspId, msp),
    Policies: {
      Readers: signature(anyOf(msp.mspId, ['admin', 'peer', 'client'])),
      Writers: signature(anyOf(msp.mspId, ['admin', 'client'])),
      Admins: signature(anyOf(msp.mspId, ['admin'])),
      Endorsement: signature(anyOf(msp.mspId, ['peer'])),
    },
    AnchorPeers: anchorPeers.map((p) => ({ Host: p.host, Port: p.port })),
  }));
  const ordererOrgs = profile.ordererOrgs.map(({ msp, orderers }) => ({
    Name: msp.mspId,
    ID: msp.mspId,
    MSPDir: mspDir(msp.mspId, msp),
    Policies: {
      Readers: signature(anyOf(msp.mspId, ['member'])),
      Writers: signature(anyOf(msp.mspId, ['member'])),
      Admins: signature(anyOf(msp.mspId, ['admin'])),
    },
    OrdererEndpoints: orderers.map((o) => `${o.host}:${o.port}`),
  }));
  const consenters = profile.ordererOrgs.flatMap(({ orderers }) =>
    orderers
      .filter((o) => o.consenter)
      .map((o) => ({
        Host: o.host,
        Port: o.port,
        ClientTLSCert: certFile(`${o.host}-${o.port}-client.pem`, o.clientTlsCert),
        ServerTLSCert: certFile(`${o.host}-${o.port}-server.pem`, o.serverTlsCert),
      })),
  );
  const rules = profile.policies ?? { admins: 'MAJORITY', endorsement: 'MAJORITY', lifecycleEndorsement: 'MAJORITY' };
  const standardPolicies = { Readers: implicit('ANY Readers'), Writers: implicit('ANY Writers'), Admins: implicit(`${rules.admins} Admins`) };
  const size = profile.batchSize;
  const configtx = {
    Profiles: {
      [PROFILE_NAME]: {
        Policies: standardPolicies,
        Capabilities: { V2_0: true },
        Orderer: {
          OrdererType: 'etcdraft',
          BatchTimeout: profile.batchTimeout ?? '2s',
          // configtx.yaml takes sizes with a unit ("10 MB") or as plain byte counts.
          BatchSize: size
            ? { MaxMessageCount: size.maxMessageCount, AbsoluteMaxBytes: size.absoluteMaxBytes, PreferredMaxBytes: size.preferredMaxBytes }
            : { MaxMessageCount: 500, AbsoluteMaxBytes: '10 MB', PreferredMaxBytes: '2 MB' },
          EtcdRaft: {
            Consenters: consenters,
            Options: { TickInterval: '500ms', ElectionTick: 10, HeartbeatTick: 1, MaxInflightBlocks: 5, SnapshotIntervalSize: '16 MB' },
          },
          Organizations: ordererOrgs,
          Policies: { ...standardPolicies, BlockValidation: implicit('ANY Writers') },
          Capabilities: { V2_0: true },
        },
        Application: {
          Organizations: applicationOrgs,
          Policies: { ...standardPolicies, LifecycleEndorsement: implicit(`${rules.lifecycleEndorsement} Endorsement`), Endorsement: implicit(`${rules.endorsement} Endorsement`) },
          Capabilities: { V2_5: true },
        },
      },
    },
  };
  writeFileSync(join(dir, 'configtx.yaml'), JSON.stringify(configtx, null, 2));
  return dir;
}
