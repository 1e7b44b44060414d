import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as yaml from 'js-yaml';
import { FabricInstall } from './fabric-binaries';
import { OrgPorts } from './ports';
import { OrgLayout } from './run-layout';

const run = promisify(execFile);

export interface ChannelMember {
  org: OrgLayout;
  ports: OrgPorts;
}

/** Blocks are cut at most this long after the first transaction arrives; kept short for a responsive local network. */
export const BATCH_TIMEOUT = '200ms';

function signature(rule: string) {
  return { Type: 'Signature', Rule: rule };
}

function implicitMeta(rule: string) {
  return { Type: 'ImplicitMeta', Rule: rule };
}

/**
 * One org as configtxgen reads it. Roles come from NodeOUs. The org serves as both orderer org and application
 * org, so Writers includes `orderer`: orderers sign blocks, and BlockValidation is ANY Writers.
 */
function organization({ org, ports }: ChannelMember) {
  const id = org.mspId;
  return {
    Name: id,
    ID: id,
    MSPDir: org.orgMsp,
    Policies: {
      Readers: signature(`OR('${id}.admin', '${id}.peer', '${id}.client', '${id}.orderer')`),
      Writers: signature(`OR('${id}.admin', '${id}.client', '${id}.orderer')`),
      Admins: signature(`OR('${id}.admin')`),
      Endorsement: signature(`OR('${id}.peer')`),
    },
    OrdererEndpoints: [`127.0.0.1:${ports.orderer}`],
    AnchorPeers: [{ Host: '127.0.0.1', Port: ports.peer }],
  };
}

/** The configtx.yaml document for a channel whose members each bring a Raft orderer and a peer. */
export function channelProfile(members: ChannelMember[]) {
  const orgs = members.map(organization);
  return {
    Organizations: orgs,
    Profiles: {
      Channel: {
        Policies: {
          Readers: implicitMeta('ANY Readers'),
          Writers: implicitMeta('ANY Writers'),
          Admins: implicitMeta('MAJORITY Admins'),
        },
        Capabilities: { V2_0: true },
        Orderer: {
          OrdererType: 'etcdraft',
          BatchTimeout: BATCH_TIMEOUT,
          BatchSize: { MaxMessageCount: 50, AbsoluteMaxBytes: '10 MB', PreferredMaxBytes: '2 MB' },
          EtcdRaft: {
            Consenters: members.map(({ org, ports }) => ({
              Host: '127.0.0.1',
              Port: ports.orderer,
              ClientTLSCert: join(org.ordererTls, 'server.crt'),
              ServerTLSCert: join(org.ordererTls, 'server.crt'),
            })),
            Options: { TickInterval: '500ms', ElectionTick: 10, HeartbeatTick: 1, MaxInflightBlocks: 5, SnapshotIntervalSize: '16 MB' },
          },
          Organizations: orgs,
          Policies: {
            Readers: implicitMeta('ANY Readers'),
            Writers: implicitMeta('ANY Writers'),
            Admins: implicitMeta('MAJORITY Admins'),
            BlockValidation: implicitMeta('ANY Writers'),
          },
          Capabilities: { V2_0: true },
        },
        Application: {
          Organizations: orgs,
          Policies: {
            Readers: implicitMeta('ANY Readers'),
            Writers: implicitMeta('ANY Writers'),
            Admins: implicitMeta('MAJORITY Admins'),
            LifecycleEndorsement: implicitMeta('MAJORITY Endorsement'),
            Endorsement: implicitMeta('MAJORITY Endorsement'),
          },
          Capabilities: { V2_5: true },
        },
      },
    },
  };
}

/** Generates a channel's genesis block with configtxgen; returns its path. */
export async function createGenesisBlock(fabric: FabricInstall, workDir: string, channelId: string, members: ChannelMember[]): Promise<string> {
  const dir = join(workDir, channelId);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'configtx.yaml'), yaml.dump(channelProfile(members), { noRefs: true }));
  const block = join(dir, `${channelId}.block`);
  await run(join(fabric.binDir, 'configtxgen'), ['-profile', 'Channel', '-outputBlock', block, '-channelID', channelId], {
    env: { ...process.env, FABRIC_CFG_PATH: dir },
  });
  return block;
}
