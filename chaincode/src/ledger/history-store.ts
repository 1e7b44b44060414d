import { Keys, type HistoryEntry } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { listJson, putJson } from './state';

/** What a caller says about a history entry; the rest comes from the transaction. */
export type HistoryInput = Pick<HistoryEntry, 'subjectKind' | 'subjectId' | 'action'> & Partial<Pick<HistoryEntry, 'fromStatus' | 'toStatus' | 'detail'>>;

/**
 * Appends history entries, each under its own key (time, tx id and a sequence), so history never
 * makes two transactions conflict and is listed in time order by a range query.
 */
export async function addHistory(tx: TxContext, ...entries: HistoryInput[]): Promise<void> {
  for (const entry of entries) {
    const record: HistoryEntry = { ...entry, actorMspId: tx.callerMspId, at: tx.nowIso, txId: tx.txId };
    await putJson(tx.stub, Keys.history(entry.subjectKind, entry.subjectId, tx.nowIso, tx.txId, tx.historySeq++), record);
  }
}

/** The history of a member or a proposal, oldest first. */
export async function listHistory(tx: TxContext, kind: 'member' | 'proposal', id: string): Promise<HistoryEntry[]> {
  return listJson<HistoryEntry>(tx.stub, Keys.historyOf(kind, id));
}
