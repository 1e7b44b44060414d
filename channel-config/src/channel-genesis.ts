import type { ChannelBatch, ChannelPolicyRules } from '@opssc/core';
import { common, orderer } from '@hyperledger/fabric-protos';
import { type ApplicationOrgSpec, buildApplicationOrgGroup } from './application-org';
import { batchSizeValueBytes, batchTimeoutValueBytes, checkBatchTimeout } from './batch-settings';
import { capabilitiesValueBytes } from './capabilities';
import { checkChannelGenesisSpec, genesisConsenters } from './channel-genesis-checks';
import { ConfigKeys, putValue } from './config-tree';
import { genesisBlockBytes } from './genesis-block';
import { formatGoDuration } from './go-duration';
import { type ImplicitMetaRule, implicitMetaPolicy } from './implicit-meta-policy';
import { buildOrdererOrgGroup, type OrdererOrgSpec } from './orderer-org';
import { groupsOf, policiesOf } from './proto-map';
import { raftConsensusTypeValueBytes } from './raft-consensus-type';
import { configPolicy } from './signature-policy';

/** A new application channel, as a CREATE_CHANNEL proposal states it. */
export interface ChannelGenesisSpec {
  channelId: string;
  applicationOrgs: readonly ApplicationOrgSpec[];
  /** Orderer orgs; their orderers with consenter: true are the channel's Raft consenters. */
  ordererOrgs: readonly OrdererOrgSpec[];
  batch: ChannelBatch;
  /** ImplicitMeta rules: `admins` for the Channel, Orderer and Application Admins policies; the two endorsement rules for /Channel/Application/{Endorsement,LifecycleEndorsement} (over the orgs' Endorsement policies). Readers and Writers are always ANY. */
  policies: ChannelPolicyRules;
}

/** The header facts that make the genesis block deterministic: the same spec and header give byte-identical blocks. */
export interface GenesisHeader {
  /** Written in whole seconds, as configtxgen writes it. */
  timestamp: Date;
  /** Fabric's tools draw 24 random bytes; the tx id is SHA-256 of it (the creator is empty). */
  nonce: Uint8Array;
}

// The capabilities of a Fabric v2.5 channel, as in Fabric's test-network configtx.yaml.
const CHANNEL_CAPABILITIES = ['V2_0'];
const ORDERER_CAPABILITIES = ['V2_0'];
const APPLICATION_CAPABILITIES = ['V2_5'];
const HASHING_ALGORITHM = 'SHA256';
// The only width Fabric supports: block data is hashed as one flat sequence.
const BLOCK_DATA_HASHING_WIDTH = 0xffffffff;

type PolicyRules = Record<string, readonly [rule: ImplicitMetaRule, subPolicy: string]>;

// A group with mod_policy Admins and the given ImplicitMeta policies, each also modifiable by Admins.
function newGroup(policies: PolicyRules): common.ConfigGroup {
  const group = new common.ConfigGroup();
  group.setModPolicy(ConfigKeys.admins);
  for (const [name, [rule, subPolicy]] of Object.entries(policies)) {
    policiesOf(group).set(name, configPolicy(implicitMetaPolicy(rule, subPolicy), ConfigKeys.admins));
  }
  return group;
}

function standardPolicies(admins: ImplicitMetaRule): PolicyRules {
  return { [ConfigKeys.readers]: ['ANY', ConfigKeys.readers], [ConfigKeys.writers]: ['ANY', ConfigKeys.writers], [ConfigKeys.admins]: [admins, ConfigKeys.admins] };
}

function ordererGroup(spec: ChannelGenesisSpec): common.ConfigGroup {
  const group = newGroup({ ...standardPolicies(spec.policies.admins), [ConfigKeys.blockValidation]: ['ANY', ConfigKeys.writers] });
  const { timeout, ...size } = spec.batch;
  // configtxgen parses the timeout and writes it back as Go prints durations ("90s" becomes "1m30s").
  putValue(group, ConfigKeys.batchTimeout, batchTimeoutValueBytes(formatGoDuration(checkBatchTimeout(timeout))), ConfigKeys.admins);
  putValue(group, ConfigKeys.batchSize, batchSizeValueBytes(size), ConfigKeys.admins);
  // configtxgen always writes ChannelRestrictions; max_count 0 (no limit) encodes as empty bytes.
  putValue(group, ConfigKeys.channelRestrictions, new orderer.ChannelRestrictions().serializeBinary(), ConfigKeys.admins);
  putValue(group, ConfigKeys.capabilities, capabilitiesValueBytes(ORDERER_CAPABILITIES), ConfigKeys.admins);
  putValue(group, ConfigKeys.consensusType, raftConsensusTypeValueBytes(genesisConsenters(spec)), ConfigKeys.admins);
  for (const org of spec.ordererOrgs) groupsOf(group).set(org.msp.mspId, buildOrdererOrgGroup(org));
  return group;
}

function applicationGroup(spec: ChannelGenesisSpec): common.ConfigGroup {
  const group = newGroup({
    ...standardPolicies(spec.policies.admins),
    [ConfigKeys.endorsement]: [spec.policies.endorsement, ConfigKeys.endorsement],
    [ConfigKeys.lifecycleEndorsement]: [spec.policies.lifecycleEndorsement, ConfigKeys.endorsement],
  });
  putValue(group, ConfigKeys.capabilities, capabilitiesValueBytes(APPLICATION_CAPABILITIES), ConfigKeys.admins);
  for (const org of spec.applicationOrgs) groupsOf(group).set(org.msp.mspId, buildApplicationOrgGroup(org));
  return group;
}

function channelGroup(spec: ChannelGenesisSpec): common.ConfigGroup {
  const group = newGroup(standardPolicies(spec.policies.admins));
  const hashing = new common.HashingAlgorithm();
  hashing.setName(HASHING_ALGORITHM);
  putValue(group, ConfigKeys.hashingAlgorithm, hashing.serializeBinary(), ConfigKeys.admins);
  const structure = new common.BlockDataHashingStructure();
  structure.setWidth(BLOCK_DATA_HASHING_WIDTH);
  putValue(group, ConfigKeys.blockDataHashingStructure, structure.serializeBinary(), ConfigKeys.admins);
  // No channel-level OrdererAddresses: configtxgen writes it only for the deprecated Orderer.Addresses
  // setting; each orderer org's Endpoints value replaces it.
  putValue(group, ConfigKeys.capabilities, capabilitiesValueBytes(CHANNEL_CAPABILITIES), ConfigKeys.admins);
  groupsOf(group).set(ConfigKeys.orderer, ordererGroup(spec));
  groupsOf(group).set(ConfigKeys.application, applicationGroup(spec));
  return group;
}

/**
 * The full channel config (sequence 0) configtxgen would produce for the equivalent configtx.yaml profile:
 * an etcdraft orderer with Fabric's sample Raft options, org groups keyed by MSP ID, every element at
 * version 0 with mod_policy Admins. Throws ConfigError for a spec Fabric would refuse (see
 * {@link checkChannelGenesisSpec}).
 */
export function buildChannelConfig(spec: ChannelGenesisSpec): common.Config {
  checkChannelGenesisSpec(spec);
  const config = new common.Config();
  config.setSequence(0);
  config.setChannelGroup(channelGroup(spec));
  return config;
}

/** A genesis block (block 0) for the spec, serialized, laid out as configtxgen lays one out. */
export function buildGenesisBlock(spec: ChannelGenesisSpec, header: GenesisHeader): Uint8Array {
  return genesisBlockBytes(spec.channelId, buildChannelConfig(spec), header);
}
