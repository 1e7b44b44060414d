/**
 * Why a Fabric admin operation failed. Executors branch on these codes, never on Fabric's prose:
 * - `PEER_REJECTED`: the peer answered a proposal with an error status (the peer's message is kept).
 * - `ORDERER_REJECTED`: the orderer refused a broadcast envelope (BAD_REQUEST, FORBIDDEN, ...).
 * - `DELIVER_FAILED`: the orderer's Deliver service ended without the requested block (e.g. NOT_FOUND).
 * - `PARTICIPATION_REFUSED`: the orderer's channel participation API answered with an HTTP error.
 * - `TRANSACTION_INVALID`: the transaction was ordered but the peers marked it invalid (status: the validation code).
 * - `DEFINITION_CONFLICT`: a chaincode definition at that sequence exists with other parameters.
 * - `NODE_UNAVAILABLE`: the node could not be reached or did not answer in time.
 * - `INVALID_IDENTITY`: the configured certificate and private key do not belong together.
 * - `MALFORMED_RESPONSE`: the node answered with something that does not decode as expected.
 */
export type FabricAdminErrorCode =
  | 'PEER_REJECTED'
  | 'ORDERER_REJECTED'
  | 'DELIVER_FAILED'
  | 'PARTICIPATION_REFUSED'
  | 'TRANSACTION_INVALID'
  | 'DEFINITION_CONFLICT'
  | 'NODE_UNAVAILABLE'
  | 'INVALID_IDENTITY'
  | 'MALFORMED_RESPONSE';

/** Extra facts about a failure, for classified retries and for logs. */
export interface FabricAdminErrorDetails {
  /** The node's own status: a peer response status, an orderer `common.Status` name or an HTTP status. */
  status?: number | string;
  /** The node's own explanation, unprefixed: a peer's response message, an orderer's broadcast info, an HTTP error body. */
  reason?: string;
  /**
   * True when the same request may succeed later unchanged (node unreachable, orderer without a Raft
   * leader). A rejected request is never retryable: resending it gets the same answer.
   */
  retryable?: boolean;
  cause?: unknown;
}

/** A failed Fabric admin operation. Its message reads `CODE: detail`, like every error in the project. */
export class FabricAdminError extends Error {
  readonly status?: number | string;
  readonly reason?: string;
  readonly retryable: boolean;

  constructor(
    readonly code: FabricAdminErrorCode,
    readonly detail: string,
    details: FabricAdminErrorDetails = {},
  ) {
    super(`${code}: ${detail}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'FabricAdminError';
    this.status = details.status;
    this.reason = details.reason;
    this.retryable = details.retryable ?? code === 'NODE_UNAVAILABLE';
  }
}

/**
 * True when a peer refused a channel query because its channel config does not admit the caller's org
 * (yet): a peer checks the channel's policies against the config it has processed so far, so it admits
 * an org that was just added only once it has caught up to the config block that added it.
 */
export function isAccessDenied(err: unknown): boolean {
  return err instanceof FabricAdminError && err.code === 'PEER_REJECTED' && /access denied/i.test(err.message);
}
