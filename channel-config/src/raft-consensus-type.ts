import { orderer } from '@hyperledger/fabric-protos';
import type { OrdererEndpoint } from '@opssc/core';
import { raftConsenter } from './raft-consenters';

// The etcdraft options of Fabric's sample configtx.yaml, which every Fabric sample network uses.
const TICK_INTERVAL = '500ms';
const ELECTION_TICK = 10;
const HEARTBEAT_TICK = 1;
const MAX_INFLIGHT_BLOCKS = 5;
const SNAPSHOT_INTERVAL_BYTES = 16 * 1024 * 1024;

/**
 * The serialized `ConsensusType` value of a new Raft channel: type `etcdraft`, state normal, and metadata listing
 * `consenters` in the given order with Fabric's sample options (tick 500ms, election 10, heartbeat 1,
 * 5 blocks in flight, snapshots every 16 MB).
 */
export function raftConsensusTypeValueBytes(consenters: readonly OrdererEndpoint[]): Uint8Array {
  const options = new orderer.etcdraft.Options();
  options.setTickInterval(TICK_INTERVAL);
  options.setElectionTick(ELECTION_TICK);
  options.setHeartbeatTick(HEARTBEAT_TICK);
  options.setMaxInflightBlocks(MAX_INFLIGHT_BLOCKS);
  options.setSnapshotIntervalSize(SNAPSHOT_INTERVAL_BYTES);
  const metadata = new orderer.etcdraft.ConfigMetadata();
  metadata.setConsentersList(consenters.map(raftConsenter));
  metadata.setOptions(options);
  const consensus = new orderer.ConsensusType();
  consensus.setType('etcdraft');
  consensus.setMetadata(metadata.serializeBinary());
  consensus.setState(orderer.ConsensusType.State.STATE_NORMAL);
  return consensus.serializeBinary();
}
