import { common, orderer } from '@hyperledger/fabric-protos';
import { buildApplicationOrgGroup, buildOrdererOrgGroup, raftConsenter } from '../../src';
import type { OrdererEndpoint } from '@opssc/core';
import type { TestOrg } from '../../../core/test/support/cert-tree';

/** A config group written as a literal; values and policies carry text that stands for their bytes. */
export interface GroupSpec {
  version?: number;
  modPolicy?: string;
  values?: Record<string, { version?: number; modPolicy?: string; bytes: string | Uint8Array }>;
  policies?: Record<string, { version?: number; modPolicy?: string; type?: number; bytes: string }>;
  groups?: Record<string, GroupSpec>;
}

const encode = (bytes: string | Uint8Array) => (typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);

/** Builds a ConfigGroup from a literal. */
export function makeGroup(spec: GroupSpec): common.ConfigGroup {
  const group = new common.ConfigGroup();
  group.setVersion(spec.version ?? 0);
  group.setModPolicy(spec.modPolicy ?? 'Admins');
  for (const [key, v] of Object.entries(spec.values ?? {})) {
    const value = new common.ConfigValue();
    value.setVersion(v.version ?? 0);
    value.setModPolicy(v.modPolicy ?? 'Admins');
    value.setValue(encode(v.bytes));
    group.getValuesMap().set(key, value);
  }
  for (const [key, p] of Object.entries(spec.policies ?? {})) {
    const policy = new common.Policy();
    policy.setType(p.type ?? common.Policy.PolicyType.SIGNATURE);
    policy.setValue(encode(p.bytes));
    const configPolicy = new common.ConfigPolicy();
    configPolicy.setVersion(p.version ?? 0);
    configPolicy.setModPolicy(p.modPolicy ?? 'Admins');
    configPolicy.setPolicy(policy);
    group.getPoliciesMap().set(key, configPolicy);
  }
  for (const [key, g] of Object.entries(spec.groups ?? {})) {
    group.getGroupsMap().set(key, makeGroup(g));
  }
  return group;
}

/** A Config whose channel group is `spec`. */
export function makeConfig(spec: GroupSpec, sequence = 3): common.Config {
  const config = new common.Config();
  config.setSequence(sequence);
  config.setChannelGroup(makeGroup(spec));
  return config;
}

/** The orderer of a test org: one consenting orderer on 127.0.0.1 with the org's TLS certs. */
export function ordererOf(org: TestOrg, port: number, consenter = true): OrdererEndpoint {
  return { host: '127.0.0.1', port, serverTlsCert: org.ordererTls.serverCertPem, clientTlsCert: org.ordererTls.clientCertPem, consenter };
}

/** A serialized etcdraft ConsensusType value with the given consenters and Fabric's default options. */
export function raftConsensusBytes(consenters: readonly OrdererEndpoint[], type = 'etcdraft'): Uint8Array {
  const options = new orderer.etcdraft.Options();
  options.setTickInterval('500ms');
  options.setElectionTick(10);
  options.setHeartbeatTick(1);
  options.setMaxInflightBlocks(5);
  options.setSnapshotIntervalSize(16 * 1024 * 1024);
  const metadata = new orderer.etcdraft.ConfigMetadata();
  metadata.setConsentersList(consenters.map(raftConsenter));
  metadata.setOptions(options);
  const consensus = new orderer.ConsensusType();
  consensus.setType(type);
  consensus.setMetadata(metadata.serializeBinary());
  return consensus.serializeBinary();
}

/**
 * A small Raft channel config without configtxgen: each org is an application org (one anchor peer) and an
 * orderer org with one consenting orderer on port 7050, 8050, ... Versions are non-zero, as on a channel
 * that has seen updates, so that tests can tell version+1 from version 0.
 */
export function makeRaftChannelConfig(orgs: readonly TestOrg[], consensusType = 'etcdraft'): common.Config {
  const orderers = orgs.map((org, i) => ordererOf(org, 7050 + i * 1000));
  const config = makeConfig({
    version: 1,
    groups: {
      Application: { version: 2, values: { Capabilities: { version: 1, bytes: 'V2_5' } }, policies: { Admins: { bytes: 'MAJORITY Admins' } } },
      Orderer: {
        version: 1,
        values: {
          ConsensusType: { version: 4, bytes: raftConsensusBytes(orderers, consensusType) },
          BatchTimeout: { version: 1, bytes: 'placeholder' },
        },
        policies: { Admins: { bytes: 'MAJORITY Admins' } },
      },
    },
  });
  const root = config.getChannelGroup() as common.ConfigGroup;
  orgs.forEach((org, i) => {
    root.getGroupsMap().get('Application').getGroupsMap().set(org.mspId, buildApplicationOrgGroup({ msp: org.msp, anchorPeers: [{ host: '127.0.0.1', port: 7051 + i * 1000 }] }));
    root.getGroupsMap().get('Orderer').getGroupsMap().set(org.mspId, buildOrdererOrgGroup({ msp: org.msp, orderers: [orderers[i]] }));
  });
  return config;
}
