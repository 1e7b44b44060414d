/**
 * A node could not be reached or did not answer in time. The same request may succeed later; whether the
 * earlier one took effect is unknown, so callers check before doing anything new.
 */
export class TransientError extends Error {
  readonly retryable = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

/** A transaction was ordered but the peers marked it invalid for a reason a retry cannot fix. */
export class TransactionInvalidError extends Error {
  constructor(
    readonly transaction: string,
    readonly transactionId: string,
    readonly validationCode: string,
  ) {
    super(`${transaction} ${transactionId} was invalidated with ${validationCode}`);
    this.name = 'TransactionInvalidError';
  }
}
