import { isChannelName, type OrdererEndpoint } from '@opssc/core';
import { checkBatchSize, checkBatchTimeout } from './batch-settings';
import type { ChannelGenesisSpec } from './channel-genesis';
import { ConfigError } from './config-error';
import { isImplicitMetaRule } from './implicit-meta-policy';

function refuseDuplicateMspIds(orgs: readonly { msp: { mspId: string } }[], kind: string): void {
  const seen = new Set<string>();
  for (const { msp } of orgs) {
    if (seen.has(msp.mspId)) {
      throw new ConfigError('DUPLICATE_MSP_ID', `${msp.mspId} is listed twice among the ${kind} orgs`);
    }
    seen.add(msp.mspId);
  }
}

// Raft tells consenters apart by endpoint; the orderer refuses a consenter set listing one twice.
function refuseDuplicateConsenters(consenters: readonly OrdererEndpoint[]): void {
  const seen = new Set<string>();
  for (const { host, port } of consenters) {
    const endpoint = `${host}:${port}`;
    if (seen.has(endpoint)) {
      throw new ConfigError('CONSENTER_EXISTS', `consenter ${endpoint} is listed twice`);
    }
    seen.add(endpoint);
  }
}

/** The Raft consenters of a spec: the orderers marked `consenter`, org by org, in order. */
export function genesisConsenters(spec: ChannelGenesisSpec): OrdererEndpoint[] {
  return spec.ordererOrgs.flatMap((org) => org.orderers.filter((o) => o.consenter));
}

/**
 * Refuses a spec that cannot make a working channel, with the ConfigError reason naming the rule:
 * INVALID_CHANNEL_ID (Fabric's channel name rule), NO_APPLICATION_ORGS, NO_CONSENTERS, DUPLICATE_MSP_ID
 * (within the application or within the orderer orgs; an org may be both), CONSENTER_EXISTS, or
 * INVALID_VALUE for batch settings the orderer would refuse and unknown policy rules.
 */
export function checkChannelGenesisSpec(spec: ChannelGenesisSpec): void {
  if (!isChannelName(spec.channelId)) {
    throw new ConfigError('INVALID_CHANNEL_ID', `"${spec.channelId}" is not a channel name: lower case, [a-z][a-z0-9.-]*, under 250 characters`);
  }
  if (spec.applicationOrgs.length === 0) {
    throw new ConfigError('NO_APPLICATION_ORGS', 'a channel needs at least one application org');
  }
  refuseDuplicateMspIds(spec.applicationOrgs, 'application');
  refuseDuplicateMspIds(spec.ordererOrgs, 'orderer');
  const consenters = genesisConsenters(spec);
  if (consenters.length === 0) {
    throw new ConfigError('NO_CONSENTERS', 'no orderer of the orderer orgs is marked as a consenter');
  }
  refuseDuplicateConsenters(consenters);
  checkBatchTimeout(spec.batch.timeout);
  checkBatchSize(spec.batch);
  for (const [name, rule] of Object.entries(spec.policies)) {
    if (!isImplicitMetaRule(rule)) {
      throw new ConfigError('INVALID_VALUE', `policy rule ${name} must be ANY, ALL or MAJORITY, got "${String(rule)}"`);
    }
  }
}
