import type { EventCheckpoint, LedgerEvent } from '../../ledger/ledger-port';

const EVENT_ID_PATTERN = /^(\d{1,19}):([A-Za-z0-9]{1,128})$/;

/**
 * The SSE id of an event: `<blockNumber>:<transactionId>`. Fabric keeps one chaincode event per
 * transaction, so the pair is unique, and it is exactly what resuming needs: start at that block and
 * skip through that transaction.
 */
export function eventId(event: LedgerEvent): string {
  return `${event.blockNumber}:${event.transactionId}`;
}

/** Parses a `Last-Event-ID`; undefined for an absent or malformed one (the stream then starts now). */
export function parseEventId(value: string | undefined): EventCheckpoint | undefined {
  const match = value ? EVENT_ID_PATTERN.exec(value.trim()) : null;
  return match ? { blockNumber: BigInt(match[1]), transactionId: match[2] } : undefined;
}

/** One event in SSE wire format. */
export function formatSseEvent(event: LedgerEvent): string {
  const data = JSON.stringify({
    name: event.name,
    blockNumber: event.blockNumber.toString(),
    transactionId: event.transactionId,
    payload: event.payload,
  });
  // Event names come from the chaincode; keep them on one line so they cannot inject SSE fields.
  const name = event.name.replace(/[\r\n]/g, ' ');
  return `id: ${eventId(event)}\nevent: ${name}\ndata: ${data}\n\n`;
}
