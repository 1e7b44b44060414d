import type { ClockPort, EndorsedTransaction, LedgerPort } from '../ports';
import { classifyLedgerError, classifyValidationCode, isTransient, mayResend } from './classify-failure';
import { TransactionInvalidError, TransientError } from './transient-error';

/** How hard to try before giving up for now (the agent's next reconcile tries again). */
export interface SubmitPolicy {
  /** New transactions after MVCC conflicts (and endorsements after transport failures). */
  maxRounds: number;
  /** Resends and status checks of the same transaction. */
  maxChecks: number;
  /** Backoff unit; the n-th wait is n times this. */
  backoffMs: number;
}

export const DEFAULT_SUBMIT_POLICY: SubmitPolicy = { maxRounds: 5, maxChecks: 5, backoffMs: 500 };

/** A committed transaction, or a write the chaincode says is already there. */
export type SubmitResult = { kind: 'committed'; transactionId: string; result: string } | { kind: 'already-done'; code: string };

/**
 * Submits one consortium_ops transaction with classified retries (classify-failure.ts): a conflict is
 * retried as a new transaction; a transport failure re-checks or resends the same transaction; an
 * "already done" refusal is success; any other refusal is thrown at once. Throws TransientError once the
 * budget is spent: nothing is lost, the caller's next pass starts from the ledger again.
 */
export async function submitTransaction(
  ledger: LedgerPort,
  clock: ClockPort,
  transaction: string,
  args: string[],
  policy: SubmitPolicy = DEFAULT_SUBMIT_POLICY,
): Promise<SubmitResult> {
  for (let round = 1; round <= policy.maxRounds; round++) {
    let endorsed: EndorsedTransaction;
    try {
      endorsed = await ledger.endorse(transaction, ...args);
    } catch (err) {
      const failure = classifyLedgerError(err);
      if (failure.kind === 'already-done') return { kind: 'already-done', code: failure.code };
      // nothing was sent: a new endorsement is safe
      if (failure.kind === 'transient' || failure.kind === 'conflict') {
        await clock.sleep(policy.backoffMs * round);
        continue;
      }
      throw err;
    }
    const code = await commitSameTransaction(endorsed, clock, policy);
    const verdict = classifyValidationCode(code);
    if (verdict === 'valid') return { kind: 'committed', transactionId: endorsed.transactionId, result: endorsed.result };
    if (verdict === 'invalid') throw new TransactionInvalidError(transaction, endorsed.transactionId, code);
  }
  throw new TransientError(`${transaction} did not commit after ${policy.maxRounds} rounds; will retry later`);
}

/**
 * Sends a transaction and waits for its validation code. After a failed send (unreachable, or refused by
 * the orderer the gateway picked) the same signed transaction is resent; after a status timeout the same
 * transaction's status is asked again. A new transaction here could commit the same write twice.
 */
async function commitSameTransaction(tx: EndorsedTransaction, clock: ClockPort, policy: SubmitPolicy): Promise<string> {
  let sent = false;
  for (let check = 1; ; check++) {
    try {
      if (!sent) {
        await tx.submit();
        sent = true;
      }
      return await tx.status();
    } catch (err) {
      if (!(sent ? isTransient(err) : mayResend(err))) throw err;
      if (check >= policy.maxChecks) {
        throw new TransientError(`transaction ${tx.transactionId} has no commit status yet; will check the ledger later`, { cause: err });
      }
      await clock.sleep(policy.backoffMs * check);
    }
  }
}
