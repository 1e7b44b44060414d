import { assertChaincodeName, assertChannelName, canonicalJson, OpsError, parseSequence } from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { txContext } from '../context/tx-context';
import { getPackageRecord, listPackageRecords } from '../ledger/package-store';

/** The package record of one chaincode definition; CHAINCODE_PACKAGE_NOT_FOUND when none was recorded. */
export async function getChaincodePackageQuery(ctx: Context, channel: string, name: string, sequence: string): Promise<string> {
  const tx = txContext(ctx);
  await authorize(tx, 'member-reader');
  const target = { channel: assertChannelName(channel), name: assertChaincodeName(name), sequence: parseSequence(sequence) };
  const record = await getPackageRecord(tx, target.channel, target.name, target.sequence);
  if (!record) {
    throw new OpsError('CHAINCODE_PACKAGE_NOT_FOUND', `no package is recorded for ${target.name} sequence ${target.sequence} on ${target.channel}`);
  }
  return canonicalJson(record);
}

/** The package records of one channel, or of every channel for "". */
export async function listChaincodePackagesQuery(ctx: Context, channel: string): Promise<string> {
  const tx = txContext(ctx);
  await authorize(tx, 'member-reader');
  return canonicalJson(await listPackageRecords(tx, channel === '' ? undefined : assertChannelName(channel)));
}
