import { ErrorCodes, type ErrorCode } from '@opssc/core';

/**
 * Why the bootstrap stopped or must wait:
 * - `JOIN_NOT_APPROVED`: the join proposal ended without approval (rejected, withdrawn, expired, dropped).
 * - `NO_JOIN_REQUEST`: the token has not been used for a join request yet.
 * - `NOT_IN_CHANNEL_YET`: the channel config does not include the org yet, or this org cannot read it.
 * - `CATCH_UP_TIMEOUT`: the peer did not reach the orderer's height in time.
 * - `PACKAGE_RECORD_MISSING`: no member recorded the package of a committed definition (yet).
 * - `PACKAGE_RECORD_MISMATCH`: the record does not describe the committed definition.
 * - `PACKAGE_HASH_MISMATCH`: the downloaded package is not the recorded one; it is never installed.
 * - `DEFINITION_NOT_REPRODUCIBLE`: the committed definition cannot be approved byte for byte.
 * - `MEMBER_PEER_REFUSED`: a member's peer refused a query without a chaincode code (its config may lag).
 * - `MEMBER_STATUS`: the org's member record is in a status that cannot activate.
 */
export type BootstrapErrorCode =
  | 'JOIN_NOT_APPROVED'
  | 'NO_JOIN_REQUEST'
  | 'NOT_IN_CHANNEL_YET'
  | 'CATCH_UP_TIMEOUT'
  | 'PACKAGE_RECORD_MISSING'
  | 'PACKAGE_RECORD_MISMATCH'
  | 'PACKAGE_HASH_MISMATCH'
  | 'DEFINITION_NOT_REPRODUCIBLE'
  | 'MEMBER_PEER_REFUSED'
  | 'MEMBER_STATUS';

/** A bootstrap failure; `retryable` ones are waited out with backoff, the others stop the bootstrap. */
export class BootstrapError extends Error {
  constructor(
    readonly code: BootstrapErrorCode,
    readonly detail: string,
    readonly retryable: boolean,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'BootstrapError';
  }
}

/**
 * True when the same step may succeed later: the error says so (`retryable` on FabricAdminError,
 * TransientError, BootstrapError and the api client's errors). Anything else stops the bootstrap, so a
 * real defect (or a dying process) is never retried in a loop.
 */
export function isRetryable(err: unknown): boolean {
  return (err as { retryable?: unknown } | null)?.retryable === true;
}

const KNOWN_CODES = new Set<string>(ErrorCodes);

/**
 * The consortium_ops code in an error message. Gateway errors wrap the chaincode's `CODE: detail` inside
 * their own prose (`10 ABORTED: ... chaincode response 500, MEMBERSHIP_VERSION_STALE: ...`), so every
 * `WORD: ` is tried.
 */
export function chaincodeErrorCode(err: unknown): ErrorCode | undefined {
  const message = String((err as Error | null)?.message ?? err);
  for (const match of message.matchAll(/\b([A-Z][A-Z_]+[A-Z]):\s/g)) {
    if (KNOWN_CODES.has(match[1])) return match[1] as ErrorCode;
  }
  return undefined;
}
