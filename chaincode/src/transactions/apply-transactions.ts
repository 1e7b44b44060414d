import { createHash } from 'node:crypto';
import {
  allChannelsCommitted,
  assertArgumentSize,
  assertChannelName,
  assertNewAttempt,
  assertProposalId,
  canonicalJson,
  EventNames,
  expectBase64,
  GOVERNANCE_LIMITS,
  OpsError,
  parseAttempt,
  parseJsonArgument,
  parseSignatureInput,
  parseTaskResultInput,
  taskViews,
  transitionProposal,
  type ConfigSignatureRecord,
  type Proposal,
  type Task,
  type TaskResult,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext, type TxContext } from '../context/tx-context';
import { getConfigSignature, getTask, getTaskResult, listTaskResults, putConfigSignature, putTask, putTaskResult } from '../ledger/apply-store';
import { requireProposal, saveProposal } from '../ledger/proposal-store';
import { completeProposal } from './settle-proposal';

/** Parsed `(proposalId, channel, attempt)` and the proposal they name. */
async function target(tx: TxContext, proposalId: string, channel: string, attempt: string) {
  const proposal = await requireProposal(tx, assertProposalId(proposalId));
  return { proposal, channel: assertChannelName(channel), attempt: parseAttempt(attempt) };
}

/** The task of one attempt, or TASK_NOT_FOUND. */
async function requireTask(tx: TxContext, proposal: Proposal, channel: string, attempt: number): Promise<Task> {
  const task = await getTask(tx, proposal.id, channel, attempt);
  if (!task) {
    throw new OpsError('TASK_NOT_FOUND', `${proposal.id} has no attempt ${attempt} on ${channel}`);
  }
  return task;
}

/**
 * An agent records the config update it computed for one channel of an approved proposal. The first
 * one moves the proposal to APPLYING (so does a retry after FAILED).
 */
export async function recordConfigUpdate(ctx: Context, proposalId: string, channel: string, configUpdate: string, attempt: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const t = await target(tx, proposalId, channel, attempt);
  assertArgumentSize('configUpdate', configUpdate, GOVERNANCE_LIMITS.mspArgumentBytes);
  const base64 = expectBase64(configUpdate, 'configUpdate', GOVERNANCE_LIMITS.mspArgumentBytes);
  const previous = t.attempt > 1 ? await getTaskResult(tx, t.proposal.id, t.channel, t.attempt - 1) : undefined;
  assertNewAttempt(t.proposal, t.channel, t.attempt, await getTask(tx, t.proposal.id, t.channel, t.attempt), previous);
  if (t.proposal.status !== 'APPLYING') {
    const applying = transitionProposal(t.proposal, 'APPLYING', { nowIso: tx.nowIso, txId: tx.txId, reason: `applying ${t.channel} attempt ${t.attempt}` });
    await saveProposal(tx, t.proposal, applying, ['APPLYING']);
  }
  const task: Task = {
    proposalId: t.proposal.id,
    channel: t.channel,
    attempt: t.attempt,
    configUpdate: base64,
    configUpdateDigest: createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex'),
    recordedBy: caller.mspId,
    recordedAt: tx.nowIso,
    txId: tx.txId,
  };
  await putTask(tx, task);
  emitEvent(tx, { name: EventNames.ConfigUpdateRecorded, proposalId: task.proposalId, mspId: caller.mspId, status: 'PENDING', channel: task.channel, attempt: task.attempt });
  return canonicalJson(taskViews([task], [])[0]);
}

/** An org records its signature over a pending task's config update, under its own key. */
export async function recordConfigSignature(ctx: Context, proposalId: string, channel: string, attempt: string, signatureJson: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const t = await target(tx, proposalId, channel, attempt);
  const input = parseSignatureInput(parseJsonArgument('signature', signatureJson));
  if (t.proposal.status !== 'APPLYING') {
    throw new OpsError('INVALID_STATUS_TRANSITION', `${t.proposal.id} is ${t.proposal.status}; signatures are recorded while APPLYING`);
  }
  await requireTask(tx, t.proposal, t.channel, t.attempt);
  if (await getTaskResult(tx, t.proposal.id, t.channel, t.attempt)) {
    throw new OpsError('RESULT_EXISTS', `attempt ${t.attempt} on ${t.channel} is already finished`);
  }
  if (await getConfigSignature(tx, t.proposal.id, t.channel, t.attempt, caller.mspId)) {
    throw new OpsError('SIGNATURE_EXISTS', `${caller.mspId} already signed attempt ${t.attempt} on ${t.channel}`);
  }
  const record: ConfigSignatureRecord = { proposalId: t.proposal.id, channel: t.channel, attempt: t.attempt, mspId: caller.mspId, ...input, recordedAt: tx.nowIso, txId: tx.txId };
  await putConfigSignature(tx, record);
  emitEvent(tx, { name: EventNames.ConfigSignatureRecorded, proposalId: record.proposalId, mspId: caller.mspId, channel: record.channel, attempt: record.attempt });
  return canonicalJson(record);
}

/**
 * The org that recorded a task records the orderer's answer. COMMITTED on the last channel makes the
 * proposal APPLIED and applies its effect; FAILED makes it FAILED (a new attempt may follow); STALE
 * asks for a recomputed update (a new attempt) and leaves the proposal APPLYING.
 */
export async function recordTaskResult(ctx: Context, proposalId: string, channel: string, attempt: string, resultJson: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const t = await target(tx, proposalId, channel, attempt);
  const input = parseTaskResultInput(parseJsonArgument('result', resultJson));
  const task = await requireTask(tx, t.proposal, t.channel, t.attempt);
  if (task.recordedBy !== caller.mspId) {
    throw new OpsError('FORBIDDEN', `only ${task.recordedBy}, which recorded attempt ${t.attempt} on ${t.channel}, records its result`);
  }
  if (await getTaskResult(tx, t.proposal.id, t.channel, t.attempt)) {
    throw new OpsError('RESULT_EXISTS', `attempt ${t.attempt} on ${t.channel} already has a result`);
  }
  if (t.proposal.status !== 'APPLYING' && t.proposal.status !== 'FAILED') {
    throw new OpsError('INVALID_STATUS_TRANSITION', `${t.proposal.id} is ${t.proposal.status}; results are recorded while APPLYING`);
  }
  const result: TaskResult = { proposalId: t.proposal.id, channel: t.channel, attempt: t.attempt, ...input, recordedBy: caller.mspId, recordedAt: tx.nowIso, txId: tx.txId };
  await putTaskResult(tx, result);
  const view = taskViews([task], [result])[0];
  const base = { proposalId: t.proposal.id, mspId: caller.mspId, channel: t.channel, attempt: t.attempt };

  if (result.status === 'COMMITTED' && t.proposal.status === 'APPLYING') {
    // this transaction's own result is not visible to its range read, hence `justCommitted`
    if (allChannelsCommitted(t.proposal.channels, await listTaskResults(tx, t.proposal.id), t.channel)) {
      const settled = await completeProposal(tx, t.proposal);
      const version = settled.membershipVersion !== undefined ? { membershipVersion: settled.membershipVersion } : {};
      emitEvent(tx, { name: EventNames.ProposalApplied, ...base, status: 'APPLIED', ...version });
      return canonicalJson(view);
    }
  }
  if (result.status === 'FAILED' && t.proposal.status === 'APPLYING') {
    const failed = transitionProposal(t.proposal, 'FAILED', { nowIso: tx.nowIso, txId: tx.txId, reason: `${t.channel} attempt ${t.attempt}: ${result.reason}` });
    await saveProposal(tx, t.proposal, failed, ['FAILED'], failed.statusReason);
    emitEvent(tx, { name: EventNames.ProposalFailed, ...base, status: 'FAILED' });
    return canonicalJson(view);
  }
  emitEvent(tx, { name: EventNames.TaskResultRecorded, ...base, status: result.status });
  return canonicalJson(view);
}
