import type { Context } from 'fabric-contract-api';
import type { ChaincodeStub } from 'fabric-shim-api';

/**
 * Everything a transaction derives from its context, computed once. Time comes only from the
 * transaction timestamp (the client's, identical on every endorser), never from the peer's clock.
 */
export interface TxContext {
  ctx: Context;
  stub: ChaincodeStub;
  txId: string;
  now: Date;
  nowIso: string;
  /** The channel the chaincode runs on: the ops channel. */
  channel: string;
  /** The submitting org; always from the identity, never from an argument. */
  callerMspId: string;
  /** The submitting identity, `x509::subject::issuer`. */
  callerId: string;
  /** Sequence of history entries written by this transaction (they need distinct keys). */
  historySeq: number;
  /** The membership version this transaction wrote, once it has bumped it (at most once per transaction). */
  bumpedMembershipVersion?: number;
}

/** Reads `{seconds, nanos}` where seconds may be a Long (fabric-shim), a number or a string. */
function timestampMillis(ts: { seconds: unknown; nanos: number }): number {
  const s = ts.seconds as { toNumber?: () => number } | number | string;
  const seconds = typeof s === 'object' && s !== null && typeof s.toNumber === 'function' ? s.toNumber() : Number(s);
  return seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1_000_000);
}

/** Builds the {@link TxContext} of the current transaction. */
export function txContext(ctx: Context): TxContext {
  const stub = ctx.stub;
  const now = new Date(timestampMillis(stub.getTxTimestamp() as unknown as { seconds: unknown; nanos: number }));
  return {
    ctx,
    stub,
    txId: stub.getTxID(),
    now,
    nowIso: now.toISOString(),
    channel: stub.getChannelID(),
    callerMspId: ctx.clientIdentity.getMSPID(),
    callerId: ctx.clientIdentity.getID(),
    historySeq: 0,
  };
}
