import { ErrorCodes, type ErrorCode } from '@opssc/core';
import type { BroadcastOutcome } from '../ports';

/**
 * Every retry decision of the agent is made here, and only here:
 * - `already-done`: the chaincode refused a write because that very write is already on the ledger
 *   (another attempt of ours, or a crash after the commit). Handlers are idempotent, so this is success.
 * - `business`: any other chaincode refusal. Never retried: the same request gets the same answer.
 * - `conflict`: MVCC or phantom conflict at commit. Retried as a NEW transaction (re-endorsed, so it
 *   reads the state that won).
 * - `transient`: a timeout or an unreachable node. The SAME transaction is checked (its commit status)
 *   or resent (see also `mayResend`); for config update broadcasts the channel config is checked first on
 *   the next try.
 */
export type FailureClass =
  | { kind: 'already-done'; code: ErrorCode }
  | { kind: 'business'; code: ErrorCode }
  | { kind: 'conflict' }
  | { kind: 'transient' }
  | { kind: 'unknown' };

/** Chaincode codes that mean "what you are writing is already there". */
export const ALREADY_DONE_CODES: readonly ErrorCode[] = ['SIGNATURE_EXISTS', 'CONFIG_UPDATE_EXISTS', 'RESULT_EXISTS', 'STEP_EXISTS'];

/** Validation codes of a transaction that lost a race with another one: retry as a new transaction. */
const CONFLICT_CODES = new Set(['MVCC_READ_CONFLICT', 'PHANTOM_READ_CONFLICT']);

/** True for errors that say "try again later" (ours, and agent/src/fabric's retryable FabricAdminError). */
export function isTransient(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { retryable?: unknown }).retryable === true;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ErrorCodes);

/**
 * The chaincode's stable code in an error message. The gateway wraps the chaincode's message in its own
 * prose ("10 ABORTED: failed to endorse ... chaincode response 500, SIGNATURE_EXISTS: ..."), so every
 * `WORD: ` is tried, not just the first.
 */
export function findErrorCode(message: string): ErrorCode | undefined {
  for (const match of message.matchAll(/\b([A-Z][A-Z_]+[A-Z]):\s/g)) {
    if (KNOWN_CODES.has(match[1])) return match[1] as ErrorCode;
  }
  return undefined;
}

/**
 * Whether a failed SEND of an endorsed transaction may be repeated with the same signed transaction: after
 * a transport failure, and also after an orderer's refusal, because the peer gateway picks an orderer per
 * send and one of them may not serve the channel yet (a newly added org's orderer before its bootstrap
 * answers BAD_REQUEST). Repeating is always safe: a transaction id commits at most once.
 */
export function mayResend(err: unknown): boolean {
  return isTransient(err) || (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ORDERER_REJECTED');
}

/** Classifies an error thrown by a ledger call (endorse, submit, status). */
export function classifyLedgerError(err: unknown): FailureClass {
  if (isTransient(err)) return { kind: 'transient' };
  const code = findErrorCode(err instanceof Error ? err.message : String(err));
  if (code && ALREADY_DONE_CODES.includes(code)) return { kind: 'already-done', code };
  if (code === 'MVCC_CONFLICT') return { kind: 'conflict' };
  if (code) return { kind: 'business', code };
  return { kind: 'unknown' };
}

/** Classifies a commit's validation code. */
export function classifyValidationCode(code: string): 'valid' | 'conflict' | 'invalid' {
  if (code === 'VALID') return 'valid';
  return CONFLICT_CODES.has(code) ? 'conflict' : 'invalid';
}

/**
 * Fabric's wording when a config update's versions do not match the channel's current config (configtx's
 * verifyReadSet / verifyDeltaSet). Only these phrases mean "stale": a mod_policy failure is reported under
 * the same "error validating DeltaSet" prefix but is a refusal, not a conflict.
 */
const VERSION_CONFLICT = [
  /be at version \d+, but it is currently at version \d+/,
  /to version \d+, but key is at version \d+/,
  /existing config does not contain element for .* but was in the read set/,
];

/** What a broadcast answer means for a config update: applied later, stale (recompute), or refused for good. */
export type BroadcastClass = { kind: 'accepted' } | { kind: 'stale'; reason: string } | { kind: 'refused'; reason: string };

/** Classifies the orderer's answer to a config update broadcast. */
export function classifyBroadcast(outcome: BroadcastOutcome): BroadcastClass {
  if (outcome.status === 'SUCCESS') return { kind: 'accepted' };
  const info = 'info' in outcome ? outcome.info : '';
  const reason = `${outcome.status}: ${info}`.trim();
  if (outcome.status === 'BAD_REQUEST' && VERSION_CONFLICT.some((pattern) => pattern.test(info))) return { kind: 'stale', reason };
  return { kind: 'refused', reason };
}
