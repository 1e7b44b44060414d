import { Keys, type ConfigSignatureRecord, type Task, type TaskResult } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { getJson, listJson, putJson } from './state';

/** The task of one attempt, or undefined. */
export async function getTask(tx: TxContext, proposalId: string, channel: string, attempt: number): Promise<Task | undefined> {
  return getJson<Task>(tx.stub, Keys.task(proposalId, channel, attempt));
}

/** The result of one attempt, or undefined. */
export async function getTaskResult(tx: TxContext, proposalId: string, channel: string, attempt: number): Promise<TaskResult | undefined> {
  return getJson<TaskResult>(tx.stub, Keys.taskResult(proposalId, channel, attempt));
}

/** The signature of `mspId` on one attempt, or undefined. */
export async function getConfigSignature(tx: TxContext, proposalId: string, channel: string, attempt: number, mspId: string): Promise<ConfigSignatureRecord | undefined> {
  return getJson<ConfigSignatureRecord>(tx.stub, Keys.configSignature(proposalId, channel, attempt, mspId));
}

/** Writes a task. */
export async function putTask(tx: TxContext, task: Task): Promise<void> {
  await putJson(tx.stub, Keys.task(task.proposalId, task.channel, task.attempt), task);
}

/** Writes a task result. */
export async function putTaskResult(tx: TxContext, result: TaskResult): Promise<void> {
  await putJson(tx.stub, Keys.taskResult(result.proposalId, result.channel, result.attempt), result);
}

/** Writes a signature record. */
export async function putConfigSignature(tx: TxContext, record: ConfigSignatureRecord): Promise<void> {
  await putJson(tx.stub, Keys.configSignature(record.proposalId, record.channel, record.attempt, record.mspId), record);
}

/** Every apply record of a proposal. */
export async function listApplyRecords(tx: TxContext, proposalId: string): Promise<{ tasks: Task[]; results: TaskResult[]; signatures: ConfigSignatureRecord[] }> {
  return {
    tasks: await listJson<Task>(tx.stub, Keys.tasksOf(proposalId)),
    results: await listTaskResults(tx, proposalId),
    signatures: await listJson<ConfigSignatureRecord>(tx.stub, Keys.configSignaturesOf(proposalId)),
  };
}

/** Every task result of a proposal (a phantom-protected range read). */
export async function listTaskResults(tx: TxContext, proposalId: string): Promise<TaskResult[]> {
  return listJson<TaskResult>(tx.stub, Keys.taskResultsOf(proposalId));
}
