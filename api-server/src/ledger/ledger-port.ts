/**
 * The api-server's only way to the ledger. Production wires it to the org's own peer through
 * fabric-gateway (src/fabric); tests wire a stateful fake. Transaction names are the ones in
 * docs/chaincode-api.md; every argument is a string and structured arguments are JSON.
 */

/** Transactions that write, submitted with the org's admin identity. */
export type SubmitTxName =
  | 'UpdateMemberMetadata'
  | 'IssueInvitation'
  | 'RevokeInvitation'
  | 'SubmitJoinRequest'
  | 'AttestJoinRequest'
  | 'CreateProposal'
  | 'CastVote'
  | 'TallyProposal'
  | 'WithdrawProposal';

/** Read-only queries, evaluated on the org's own peer. */
export type EvaluateTxName =
  | 'GetMember'
  | 'ListMembers'
  | 'GetMembershipSnapshot'
  | 'GetVotingPolicy'
  | 'GetProposal'
  | 'ListProposals'
  | 'GetInvitation'
  | 'ListInvitations'
  | 'GetChaincodePackage'
  | 'ListChaincodePackages';

/** The outcome of a committed transaction. */
export interface SubmitResult {
  /** The chaincode's JSON result, parsed. */
  result: unknown;
  transactionId: string;
}

/** One consortium_ops chaincode event. */
export interface LedgerEvent {
  blockNumber: bigint;
  transactionId: string;
  /** Stable event name, such as `VoteCast`. */
  name: string;
  /** The event's JSON payload, parsed (`{name, proposalId?, mspId?, status?, ..., txId}`). */
  payload: unknown;
}

/** Where to resume an event stream: after `transactionId` in block `blockNumber`, or from the block's start. */
export interface EventCheckpoint {
  blockNumber: bigint;
  transactionId?: string;
}

/** An open event stream; `close()` releases it (for example when an SSE client disconnects). */
export interface EventStream extends AsyncIterable<LedgerEvent> {
  close(): void;
}

/**
 * The ledger as the api-server sees it. Errors carry a stable code: a business error is an `OpsError`
 * (or an Error whose message starts with `CODE: `); an unreachable peer is `UPSTREAM_UNAVAILABLE`.
 */
export interface LedgerPort {
  /** Submits a transaction and waits for it to commit; retries are the port's business (see submit-with-retry.ts). */
  submit(txName: SubmitTxName, args: readonly string[]): Promise<SubmitResult>;
  /** Evaluates a query and returns its parsed JSON result. */
  evaluate(txName: EvaluateTxName, args: readonly string[]): Promise<unknown>;
  /** Opens a stream of chaincode events; without a checkpoint it starts at the next block. */
  events(from?: EventCheckpoint): Promise<EventStream>;
  /** Resolves when the peer answers; rejects otherwise. Used by the readiness probe. */
  ping(): Promise<void>;
}
