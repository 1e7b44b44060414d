/**
 * A consortium_ops transaction that the peers endorsed but that is not ordered yet. Keeping it lets the
 * agent resubmit the same signed transaction, and ask again for its commit status, after a timeout:
 * a new transaction would risk doing the work twice.
 */
export interface EndorsedTransaction {
  readonly transactionId: string;
  /** The chaincode's JSON result, as text. */
  readonly result: string;
  /** Sends the signed transaction to the orderer. Throws a transient error when it could not be sent. */
  submit(): Promise<void>;
  /**
   * Waits for the transaction's validation code (`VALID`, `MVCC_READ_CONFLICT`, …). Throws a transient
   * error when the status did not arrive in time; asking again asks about the same transaction.
   */
  status(): Promise<string>;
}

/**
 * The consortium_ops contract on the ops channel, as this org's admin. Endorsement failures throw an
 * error whose message carries the chaincode's stable code (`SIGNATURE_EXISTS: …`); transport failures
 * throw a transient error (see `isTransient`).
 */
export interface LedgerPort {
  /** Evaluates a query on one peer and returns its JSON result as text. */
  evaluate(transaction: string, ...args: string[]): Promise<string>;
  /** Endorses a transaction; nothing reaches the ledger until `submit()`. */
  endorse(transaction: string, ...args: string[]): Promise<EndorsedTransaction>;
}
