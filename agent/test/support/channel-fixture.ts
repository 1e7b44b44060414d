import { buildApplicationOrgGroup, buildOrdererOrgGroup } from '@opssc/channel-config';
import { common } from '@hyperledger/fabric-protos';
import type { MspDefinition, OrdererEndpoint } from '@opssc/core';
import { raftConsensusBytes } from '../../../channel-config/test/support/hand-made-config';

/** One org of a fixture channel: its MSP, an anchor peer and one consenting orderer. */
export interface FixtureOrg {
  msp: MspDefinition;
  peerPort: number;
  orderer: OrdererEndpoint;
}

function implicitMeta(rule: 'ANY' | 'ALL' | 'MAJORITY', subPolicy: string): common.ConfigPolicy {
  const meta = new common.ImplicitMetaPolicy();
  meta.setRule(common.ImplicitMetaPolicy.Rule[rule]);
  meta.setSubPolicy(subPolicy);
  const policy = new common.Policy();
  policy.setType(common.Policy.PolicyType.IMPLICIT_META);
  policy.setValue(meta.serializeBinary());
  const configPolicy = new common.ConfigPolicy();
  configPolicy.setModPolicy('Admins');
  configPolicy.setPolicy(policy);
  return configPolicy;
}

function group(version: number, policies: Record<string, common.ConfigPolicy>): common.ConfigGroup {
  const g = new common.ConfigGroup();
  g.setVersion(version);
  g.setModPolicy('Admins');
  for (const [name, policy] of Object.entries(policies)) g.getPoliciesMap().set(name, policy);
  return g;
}

function value(version: number, bytes: Uint8Array): common.ConfigValue {
  const v = new common.ConfigValue();
  v.setVersion(version);
  v.setModPolicy('Admins');
  v.setValue(bytes);
  return v;
}

/** The orderer of org `index` (0-based) of a fixture: 127.0.0.1:7050 + 1000 * index. */
export function fixtureOrderer(tls: { serverCertPem: string; clientCertPem: string }, index: number): OrdererEndpoint {
  return { host: '127.0.0.1', port: 7050 + 1000 * index, serverTlsCert: tls.serverCertPem, clientTlsCert: tls.clientCertPem, consenter: true };
}

/**
 * A Raft channel config shaped like configtxgen's for Fabric's test-network: ImplicitMeta policies
 * (Admins = MAJORITY Admins) at /Channel, Application and Orderer, each org an application org and an
 * orderer org with one consenter. Versions are not all zero, as on a channel that has seen updates.
 */
export function channelConfig(orgs: readonly FixtureOrg[], sequence = 2): common.Config {
  const standard = () => ({ Admins: implicitMeta('MAJORITY', 'Admins'), Readers: implicitMeta('ANY', 'Readers'), Writers: implicitMeta('ANY', 'Writers') });
  const root = group(1, standard());
  const application = group(1, { ...standard(), Endorsement: implicitMeta('MAJORITY', 'Endorsement'), LifecycleEndorsement: implicitMeta('MAJORITY', 'Endorsement') });
  const orderer = group(1, { ...standard(), BlockValidation: implicitMeta('ANY', 'Writers') });
  orderer.getValuesMap().set('ConsensusType', value(2, raftConsensusBytes(orgs.map((o) => o.orderer))));
  orderer.getValuesMap().set('BatchTimeout', value(0, new TextEncoder().encode('2s')));
  for (const org of orgs) {
    application.getGroupsMap().set(org.msp.mspId, buildApplicationOrgGroup({ msp: org.msp, anchorPeers: [{ host: '127.0.0.1', port: org.peerPort }] }));
    orderer.getGroupsMap().set(org.msp.mspId, buildOrdererOrgGroup({ msp: org.msp, orderers: [org.orderer] }));
  }
  root.getGroupsMap().set('Application', application);
  root.getGroupsMap().set('Orderer', orderer);
  const config = new common.Config();
  config.setSequence(sequence);
  config.setChannelGroup(root);
  return config;
}
