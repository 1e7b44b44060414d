import { ErrorCodes, OpsError, type ErrorCode } from '@opssc/core';

const knownCodes = new Set<string>(ErrorCodes);
// gRPC status codes after which the transaction's fate is unknown or the peer was not reached.
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/**
 * Refusals that say "not yet", not "no": an orderer that is in the channel config but has not joined the channel
 * yet (a new org's orderer before its agent's bootstrap), or service discovery that has not yet heard of the peers
 * that can endorse. Another attempt reaches another node, or the same one once it has caught up.
 */
const NOT_YET = /orderer system channel is not defined|channel \S+ does not exist|no combination of peers|no peer combination/;

/**
 * Codes an endorsing peer answers about a record that exists once it has committed the latest blocks: a
 * peer of another org that lags behind this org's peer (which the previous transaction was committed on)
 * answers them for a proposal just created here.
 */
const NOT_FOUND_CODES = new Set<ErrorCode>(['PROPOSAL_NOT_FOUND', 'MEMBER_NOT_FOUND', 'INVITATION_NOT_FOUND', 'TASK_NOT_FOUND', 'CHAINCODE_PACKAGE_NOT_FOUND']);

/** How a ledger failure must be handled. */
export type LedgerErrorKind =
  /** The chaincode refused: the code is stable, retrying cannot help. */
  | { kind: 'business'; error: OpsError }
  /**
   * An endorsing peer refused with a "not found" code: the record may exist on the peers that are up to date.
   * A new endorsement a moment later may succeed; when it never does, `error` is the answer.
   */
  | { kind: 'lagging'; error: OpsError }
  /** Timeout or peer/orderer unavailable: the outcome of a submitted transaction is unknown. */
  | { kind: 'transient' }
  /** Anything else (a bug, a misconfiguration): surfaced as INTERNAL. */
  | { kind: 'unknown' };

/**
 * Finds the first stable code in a message. Gateway errors wrap the chaincode's message, as in
 * `10 ABORTED: failed to endorse ...` with details `chaincode response 500, VOTE_ALREADY_CAST: ...`,
 * so every `WORD: ` is tried, not only the first (core's parseErrorCode stops at `ABORTED`).
 */
export function findErrorCode(message: string): OpsError | undefined {
  for (const match of message.matchAll(/\b([A-Z][A-Z_]+[A-Z]):\s/g)) {
    if (knownCodes.has(match[1])) {
      const detail = message.slice((match.index ?? 0) + match[0].length);
      return new OpsError(match[1] as ErrorCode, detail);
    }
  }
  return undefined;
}

/** Classifies an error thrown by fabric-gateway or by a ledger fake. */
export function classifyLedgerError(err: unknown): LedgerErrorKind {
  if (err instanceof OpsError) {
    return { kind: 'business', error: err };
  }
  const e = err as { message?: unknown; code?: unknown; details?: { message?: string }[] };
  // Endorsement details carry the chaincode's own message; they win over the gRPC summary.
  const details = Array.isArray(e?.details) ? e.details.map((d) => String(d?.message ?? '')) : [];
  const messages = [...details, String(e?.message ?? '')];
  for (const message of messages) {
    const business = findErrorCode(message);
    if (business) {
      // only endorsement failures carry per-peer details; a query of this org's own peer has none
      return details.length > 0 && NOT_FOUND_CODES.has(business.code) ? { kind: 'lagging', error: business } : { kind: 'business', error: business };
    }
  }
  if (e?.code === GRPC_DEADLINE_EXCEEDED || e?.code === GRPC_UNAVAILABLE || messages.some((m) => NOT_YET.test(m))) {
    return { kind: 'transient' };
  }
  return { kind: 'unknown' };
}
