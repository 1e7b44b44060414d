import { canonicalJson, type ConsortiumEvent } from '@opssc/core';
import type { TxContext } from './tx-context';

/**
 * Emits the transaction's one event. Fabric keeps only the last `setEvent` of a transaction, so each
 * transaction calls this exactly once, as its final step.
 */
export function emitEvent(tx: TxContext, event: Omit<ConsortiumEvent, 'txId'>): void {
  tx.stub.setEvent(event.name, Buffer.from(canonicalJson({ ...event, txId: tx.txId }), 'utf8'));
}
