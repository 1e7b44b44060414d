import { OpsError } from '@opssc/core';
import type { Logger } from '../observability/logger';
import { classifyLedgerError } from './ledger-error';

// Fabric validation codes (peer.TxValidationCode) that mean "lost a race": the same intent, endorsed
// again against the new state, may well succeed.
const MVCC_READ_CONFLICT = 11;
const PHANTOM_READ_CONFLICT = 12;

/** A commit status, as fabric-gateway's `Commit.getStatus()` reports it. */
export interface CommitOutcome {
  code: number;
  successful: boolean;
  blockNumber: bigint;
}

/** One endorsed and signed transaction. Its id never changes, whatever is retried. */
export interface EndorsedTransaction {
  readonly transactionId: string;
  /** The chaincode's result bytes from endorsement. */
  readonly result: Uint8Array;
  /** Sends these exact signed bytes to the orderer. Resending is safe: a ledger keeps only the first copy of a transaction id. */
  submit(): Promise<void>;
  /** Waits for the commit status of this transaction (not of a new one). */
  status(): Promise<CommitOutcome>;
}

/** Bounds and pacing of the retries. */
export interface RetryPolicy {
  /** New transactions tried after MVCC/phantom conflicts or endorsement timeouts, including the first. */
  maxAttempts: number;
  /** Status checks (with resubmission of the same transaction in between) before giving up as unknown. */
  maxStatusChecks: number;
  /** Delay before retry `n` (1-based). */
  backoffMs(n: number): number;
  sleep(ms: number): Promise<void>;
}

/** A committed transaction. */
export interface CommittedTransaction {
  transactionId: string;
  result: Uint8Array;
  blockNumber: bigint;
  attempts: number;
}

/**
 * Submits a transaction and sees it committed, with the retry rules in one place:
 * - a business error (a stable code from the chaincode) is thrown at once, never retried, except a "not
 *   found" from an endorsing peer, which is endorsed again a moment later (a peer of another org may not
 *   have committed the block this org's peer has) and thrown when it persists;
 * - an MVCC or phantom read conflict at commit is retried as a NEW transaction (fresh endorsement);
 * - a timeout or unavailability after submit first checks the commit status of the SAME transaction,
 *   and resubmits that same signed transaction if it is still unknown, because a new transaction
 *   could apply the change twice;
 * - when the outcome stays unknown it fails with UPSTREAM_UNAVAILABLE naming the transaction id.
 *
 * @param endorse - builds a new proposal (new transaction id) and endorses it.
 */
export async function submitWithRetry(
  endorse: () => Promise<EndorsedTransaction>,
  policy: RetryPolicy,
  log?: Logger,
): Promise<CommittedTransaction> {
  for (let attempt = 1; ; attempt++) {
    let tx: EndorsedTransaction;
    try {
      tx = await endorse();
    } catch (err) {
      // Nothing reached the orderer yet, so a transient failure may be retried as a new transaction.
      const lagging = classifyLedgerError(err);
      if (lagging.kind === 'lagging') {
        if (attempt >= policy.maxAttempts) throw lagging.error;
        log?.info('an endorsing peer does not know the record yet, endorsing again', { attempt, code: lagging.error.code });
        await policy.sleep(policy.backoffMs(attempt));
        continue;
      }
      rethrowUnlessTransient(err);
      if (attempt >= policy.maxAttempts) {
        throw new OpsError('UPSTREAM_UNAVAILABLE', `endorsement failed ${attempt} times`);
      }
      log?.warn('endorsement unavailable, retrying', { attempt });
      await policy.sleep(policy.backoffMs(attempt));
      continue;
    }
    const outcome = await settle(tx, policy, log);
    if (outcome.successful) {
      return { transactionId: tx.transactionId, result: tx.result, blockNumber: outcome.blockNumber, attempts: attempt };
    }
    if (outcome.code !== MVCC_READ_CONFLICT && outcome.code !== PHANTOM_READ_CONFLICT) {
      throw new Error(`transaction ${tx.transactionId} was invalidated with validation code ${outcome.code}`);
    }
    if (attempt >= policy.maxAttempts) {
      throw new OpsError('MVCC_CONFLICT', `transaction conflicted ${attempt} times; last was ${tx.transactionId}`);
    }
    log?.info('read conflict at commit, retrying as a new transaction', { attempt, transactionId: tx.transactionId });
    await policy.sleep(policy.backoffMs(attempt));
  }
}

/** Submits `tx` and returns its commit status, never switching to another transaction. */
async function settle(tx: EndorsedTransaction, policy: RetryPolicy, log?: Logger): Promise<CommitOutcome> {
  let sent = await trySubmit(tx, log);
  for (let check = 1; ; check++) {
    try {
      return await tx.status();
    } catch (err) {
      rethrowUnlessTransient(err);
      if (check >= policy.maxStatusChecks) {
        throw new OpsError('UPSTREAM_UNAVAILABLE', `outcome of transaction ${tx.transactionId} is unknown`);
      }
      log?.warn('commit status unavailable, checking the same transaction again', { transactionId: tx.transactionId, check });
      await policy.sleep(policy.backoffMs(check));
      if (!sent) {
        sent = await trySubmit(tx, log);
      }
    }
  }
}

/** Returns false when the orderer could not be reached, so the caller checks the status before anything else. */
async function trySubmit(tx: EndorsedTransaction, log?: Logger): Promise<boolean> {
  try {
    await tx.submit();
    return true;
  } catch (err) {
    rethrowUnlessTransient(err);
    log?.warn('submit unavailable; checking the commit status of the same transaction', { transactionId: tx.transactionId });
    return false;
  }
}

function rethrowUnlessTransient(err: unknown): void {
  const kind = classifyLedgerError(err);
  if (kind.kind === 'business' || kind.kind === 'lagging') {
    throw kind.error;
  }
  if (kind.kind === 'unknown') {
    throw err;
  }
}
