import { createHash } from 'node:crypto';
import type { ChaincodePackageInput } from '@opssc/core';
import type { CommittedChaincode } from '../fabric';
import { BootstrapError } from './bootstrap-error';

/** The on-chain record of the package a committed definition runs (`GetChaincodePackage`). */
export type PackageRecord = ChaincodePackageInput & { recordedBy?: string };

/**
 * Checks that the record describes the definition this org's peer reports as committed: the chaincode
 * cannot check that itself (it cannot see other channels' lifecycle), so the reader does.
 */
export function checkRecordDescribes(record: PackageRecord, channel: string, committed: CommittedChaincode): void {
  const same = record.channel === channel && record.name === committed.name && record.sequence === committed.sequence && record.version === committed.version;
  const wellFormed = /^[0-9a-f]{64}$/.test(record.sha256) && record.packageId === `${record.label}:${record.sha256}`;
  if (!same || !wellFormed) {
    throw new BootstrapError(
      'PACKAGE_RECORD_MISMATCH',
      `the package record of ${committed.name} sequence ${committed.sequence} on ${channel} (version ${record.version}, ${record.packageId}) does not describe the committed definition (version ${committed.version})`,
      false,
    );
  }
}

/**
 * Refuses package bytes whose SHA-256 is not the recorded one. The api-server that served them is not
 * trusted: only the ledger is, so a substituted package is never installed.
 */
export function verifyPackageBytes(bytes: Uint8Array, record: PackageRecord): void {
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== record.sha256) {
    throw new BootstrapError('PACKAGE_HASH_MISMATCH', `the downloaded package for ${record.packageId} has SHA-256 ${actual}; refusing to install it`, false);
  }
}
