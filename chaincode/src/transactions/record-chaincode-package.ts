import { canonicalJson, EventNames, OpsError, parseChaincodePackageInput, parseJsonArgument, samePackageRecord, type ChaincodePackageRecord } from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext } from '../context/tx-context';
import { getPackageRecord, putPackageRecord } from '../ledger/package-store';

/**
 * A member records which package a committed chaincode definition `(channel, name, sequence)` runs, so
 * that a joining org can verify a downloaded package against the ledger. Records are write-once: the
 * same record again returns the stored one and writes nothing (a retried deployment script must not
 * fail, nor emit a second event), while a different record for the same definition is refused with
 * CHAINCODE_PACKAGE_CONFLICT — nobody can swap the package of a definition after the fact.
 */
export async function recordChaincodePackage(ctx: Context, recordJson: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const input = parseChaincodePackageInput(parseJsonArgument('record', recordJson));
  const existing = await getPackageRecord(tx, input.channel, input.name, input.sequence);
  if (existing) {
    if (samePackageRecord(existing, input)) {
      return canonicalJson(existing);
    }
    throw new OpsError(
      'CHAINCODE_PACKAGE_CONFLICT',
      `${input.name} sequence ${input.sequence} on ${input.channel} is already recorded with package ${existing.packageId}`,
    );
  }
  const record: ChaincodePackageRecord = { ...input, recordedBy: caller.mspId, recordedAt: tx.nowIso, txId: tx.txId };
  await putPackageRecord(tx, record);
  emitEvent(tx, { name: EventNames.ChaincodePackageRecorded, mspId: caller.mspId, channel: record.channel, chaincode: record.name, sequence: record.sequence, status: 'RECORDED' });
  return canonicalJson(record);
}
