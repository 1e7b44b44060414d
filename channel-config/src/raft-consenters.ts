import { common, orderer } from '@hyperledger/fabric-protos';
import type { OrdererEndpoint } from '@opssc/core';
import { ConfigError } from './config-error';
import { ConfigKeys, cloneConfig, putValue, requireGroup } from './config-tree';
import { valuesOf } from './proto-map';

type Consenter = orderer.etcdraft.Consenter;

function readConsensus(ordererGroup: common.ConfigGroup): { consensus: orderer.ConsensusType; metadata: orderer.etcdraft.ConfigMetadata } {
  const value = valuesOf(ordererGroup).get(ConfigKeys.consensusType);
  if (!value) {
    throw new ConfigError('MALFORMED_CONFIG', 'the Orderer group has no ConsensusType value');
  }
  const consensus = orderer.ConsensusType.deserializeBinary(value.getValue_asU8());
  // BFT keeps its consenters in a separate `Orderers` value with other rules; only Raft is handled here.
  if (consensus.getType() !== 'etcdraft') {
    throw new ConfigError('UNSUPPORTED_CONSENSUS', `consensus type "${consensus.getType()}" is not etcdraft`);
  }
  return { consensus, metadata: orderer.etcdraft.ConfigMetadata.deserializeBinary(consensus.getMetadata_asU8()) };
}

/** The Raft consenters of a channel, in config order. Throws UNSUPPORTED_CONSENSUS unless etcdraft. */
export function readRaftConsenters(config: common.Config): Consenter[] {
  return readConsensus(requireGroup(config, [ConfigKeys.orderer])).metadata.getConsentersList();
}

/**
 * Replaces, in place, the consenter list of an (already copied) config with `change(current)`. Only the
 * ConsensusType value is re-encoded; its version and mod_policy are kept. Refuses an empty consenter set,
 * which would leave the channel unable to order anything.
 */
export function rewriteRaftConsenters(updated: common.Config, change: (current: Consenter[]) => Consenter[]): void {
  const ordererGroup = requireGroup(updated, [ConfigKeys.orderer]);
  const { consensus, metadata } = readConsensus(ordererGroup);
  const next = change(metadata.getConsentersList());
  if (next.length === 0) {
    throw new ConfigError('LAST_CONSENTER', 'the change would leave the channel without any Raft consenter');
  }
  metadata.setConsentersList(next);
  consensus.setMetadata(metadata.serializeBinary());
  const modPolicy = valuesOf(ordererGroup).get(ConfigKeys.consensusType)?.getModPolicy() ?? ConfigKeys.admins;
  putValue(ordererGroup, ConfigKeys.consensusType, consensus.serializeBinary(), modPolicy);
}

/** The Raft consenter entry of an orderer: its cluster endpoint and TLS certificates (PEM bytes). */
export function raftConsenter(endpoint: OrdererEndpoint): Consenter {
  const consenter = new orderer.etcdraft.Consenter();
  consenter.setHost(endpoint.host);
  consenter.setPort(endpoint.port);
  consenter.setClientTlsCert(new TextEncoder().encode(endpoint.clientTlsCert));
  consenter.setServerTlsCert(new TextEncoder().encode(endpoint.serverTlsCert));
  return consenter;
}

/** Appends consenters in place. Throws CONSENTER_EXISTS when one with the same host and port is there. */
export function appendRaftConsenters(updated: common.Config, endpoints: readonly OrdererEndpoint[]): void {
  if (endpoints.length === 0) return;
  rewriteRaftConsenters(updated, (current) => {
    for (const endpoint of endpoints) {
      if (current.some((c) => c.getHost() === endpoint.host && c.getPort() === endpoint.port)) {
        throw new ConfigError('CONSENTER_EXISTS', `${endpoint.host}:${endpoint.port} is already a consenter`);
      }
    }
    return [...current, ...endpoints.map(raftConsenter)];
  });
}

/**
 * A copy of `config` with one more Raft consenter, e.g. a new orderer of an existing orderer org.
 * Throws CONSENTER_EXISTS when a consenter already has that host and port.
 */
export function addConsenter(config: common.Config, endpoint: OrdererEndpoint): common.Config {
  const updated = cloneConfig(config);
  appendRaftConsenters(updated, [endpoint]);
  return updated;
}

/**
 * A copy of `config` without the Raft consenter at `host:port`. Throws CONSENTER_NOT_FOUND when there is
 * none, and LAST_CONSENTER when it is the only one.
 */
export function removeConsenter(config: common.Config, host: string, port: number): common.Config {
  const updated = cloneConfig(config);
  rewriteRaftConsenters(updated, (current) => {
    const remaining = current.filter((c) => !(c.getHost() === host && c.getPort() === port));
    if (remaining.length === current.length) {
      throw new ConfigError('CONSENTER_NOT_FOUND', `${host}:${port} is not a consenter of this channel`);
    }
    return remaining;
  });
  return updated;
}
