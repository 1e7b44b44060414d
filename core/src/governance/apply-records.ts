import { OpsError } from '../errors';
import { expectInteger, expectObject, expectString } from './input-shape';
import { GOVERNANCE_LIMITS } from './limits';

/**
 * Apply tracking. For each channel a proposal changes, an agent records the computed config update
 * as a task (one per attempt), every signing org records its signature under its own key, and the
 * submitting org records the orderer's answer as the task's result. Each record has its own key and
 * a single writer, so agents of different orgs never conflict.
 */

/** The state of one attempt: no result yet, or the result's status. */
export type TaskStatus = 'PENDING' | 'COMMITTED' | 'FAILED' | 'STALE';

/** A computed config update for one channel, stored under `task~proposalId~channel~attempt`. */
export interface Task {
  proposalId: string;
  channel: string;
  attempt: number;
  /** base64 of the serialized `common.ConfigUpdate`. */
  configUpdate: string;
  /** sha256 hex of the ConfigUpdate bytes, so signers can compare without decoding. */
  configUpdateDigest: string;
  /** The org that computed and recorded it; only it records the result. */
  recordedBy: string;
  recordedAt: string;
  txId: string;
}

/** The orderer's answer for one attempt, stored under `task-result~proposalId~channel~attempt`. */
export interface TaskResult {
  proposalId: string;
  channel: string;
  attempt: number;
  status: Exclude<TaskStatus, 'PENDING'>;
  /** The config block number (COMMITTED only). */
  blockNumber?: number;
  /** Why it failed, or why the update went stale (FAILED and STALE only). */
  reason?: string;
  recordedBy: string;
  recordedAt: string;
  txId: string;
}

/** One org's signature over a task's config update, stored under `configsig~proposalId~channel~attempt~mspId`. */
export interface ConfigSignatureRecord {
  proposalId: string;
  channel: string;
  attempt: number;
  mspId: string;
  /** base64 of the serialized `common.SignatureHeader`. */
  signatureHeader: string;
  /** base64 of the signature over signatureHeader ‖ configUpdate. */
  signature: string;
  recordedAt: string;
  txId: string;
}

/** A task with its result, as queries return it. */
export interface TaskView extends Task {
  status: TaskStatus;
  result?: TaskResult;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Reads a base64 argument of at most `maxChars` characters. */
export function expectBase64(value: unknown, path: string, maxChars: number): string {
  return expectString(value, path, { max: maxChars, pattern: BASE64, describe: `base64 of at most ${maxChars} characters` });
}

/** Reads RecordConfigSignature's `signature` argument. */
export function parseSignatureInput(value: unknown): { signatureHeader: string; signature: string } {
  const obj = expectObject(value, 'signature', ['signatureHeader', 'signature']);
  return {
    signatureHeader: expectBase64(obj.signatureHeader, 'signature.signatureHeader', 8192),
    signature: expectBase64(obj.signature, 'signature.signature', 2048),
  };
}

/** A validated RecordTaskResult argument. */
export type TaskResultInput = { status: 'COMMITTED'; blockNumber: number } | { status: 'FAILED' | 'STALE'; reason: string };

/**
 * Reads RecordTaskResult's `result`. A COMMITTED result must carry a block number and nothing else;
 * FAILED and STALE must carry a reason and no block number — so success is never recorded for a
 * failure, nor a failure dressed up with a block number.
 */
export function parseTaskResultInput(value: unknown): TaskResultInput {
  const obj = expectObject(value, 'result', ['status', 'blockNumber', 'reason']);
  if (obj.status === 'COMMITTED') {
    if (obj.reason !== undefined) {
      throw new OpsError('INVALID_ARGUMENT', 'a COMMITTED result has a blockNumber and no reason');
    }
    return { status: 'COMMITTED', blockNumber: expectInteger(obj.blockNumber, 'result.blockNumber', 0, Number.MAX_SAFE_INTEGER) };
  }
  if (obj.status === 'FAILED' || obj.status === 'STALE') {
    if (obj.blockNumber !== undefined) {
      throw new OpsError('INVALID_ARGUMENT', `a ${obj.status} result has a reason and no blockNumber`);
    }
    return { status: obj.status, reason: expectString(obj.reason, 'result.reason', { max: GOVERNANCE_LIMITS.textChars }) };
  }
  throw new OpsError('INVALID_ARGUMENT', 'result.status must be COMMITTED, FAILED or STALE');
}

/** Reads an `attempt` argument (a decimal string from 1). */
export function parseAttempt(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) {
    throw new OpsError('INVALID_ARGUMENT', 'attempt must be an integer from 1 to 999999');
  }
  return Number(value);
}
