import type { ChaincodeEvent, Checkpoint, CloseableAsyncIterable } from '@hyperledger/fabric-gateway';

/**
 * consortium_ops chaincode events, in ledger order. Opening with a checkpoint replays every event after
 * it (fabric-gateway semantics: from its block, skipping the transactions up to its transaction id);
 * with an empty checkpoint the stream starts at the next committed block.
 */
export interface EventsPort {
  open(checkpoint: Checkpoint): Promise<CloseableAsyncIterable<ChaincodeEvent>>;
}
