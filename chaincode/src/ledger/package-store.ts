import { Keys, type ChaincodePackageRecord } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { getJson, listJson, putJson } from './state';

/** The package record of one chaincode definition, or undefined. */
export async function getPackageRecord(tx: TxContext, channel: string, name: string, sequence: number): Promise<ChaincodePackageRecord | undefined> {
  return getJson<ChaincodePackageRecord>(tx.stub, Keys.chaincodePackage(channel, name, sequence));
}

/** Writes a package record under its own key. */
export async function putPackageRecord(tx: TxContext, record: ChaincodePackageRecord): Promise<void> {
  await putJson(tx.stub, Keys.chaincodePackage(record.channel, record.name, record.sequence), record);
}

/** Every package record of `channel`, or of every channel when it is undefined, in key order (channel, name, sequence). */
export async function listPackageRecords(tx: TxContext, channel?: string): Promise<ChaincodePackageRecord[]> {
  return listJson<ChaincodePackageRecord>(tx.stub, channel === undefined ? Keys.allChaincodePackages() : Keys.chaincodePackagesOn(channel));
}
