import { createHash } from 'node:crypto';
import { OpsError } from '@opssc/core';
import type { LedgerPort } from '../../ledger/ledger-port';
import type { PackageDownloader } from './package-url-download';
import { recordedPackageSources } from './recorded-package-sources';

/**
 * Fetches the package `packageId` (`<label>:<sha256>`) that this server does not hold, from the sources
 * its on-chain record names (recordedPackageSources), trying each in turn until one serves bytes whose
 * SHA-256 is the record's. `download` sends no credential of this org: the hosts are the proposer's
 * api-server or a URL on-chain, and the bytes need no trust since the ledger pins their hash.
 * Refusals:
 * - NOT_FOUND: no record names the package, or its records name no usable source;
 * - PACKAGE_HASH_MISMATCH: every source answered, none with the recorded bytes (retrying cannot help);
 * - UPSTREAM_UNAVAILABLE: a source could not be reached or refused (the caller may retry later).
 */
export async function fetchRecordedPackage(ledger: LedgerPort, download: PackageDownloader, packageId: string): Promise<Buffer> {
  const sources = await recordedPackageSources(ledger, packageId);
  if (sources === undefined) {
    throw new OpsError('NOT_FOUND', `this server holds no package ${packageId}, and no on-chain package record names it`);
  }
  if (sources.length === 0) {
    throw new OpsError('NOT_FOUND', `this server holds no package ${packageId}, and its on-chain record names no source to fetch it from (it was recorded by hand, or its proposer publishes no apiUrl)`);
  }
  const sha256 = packageId.slice(packageId.lastIndexOf(':') + 1);
  const failures: string[] = [];
  let wrongBytes = 0;
  for (const source of sources) {
    let bytes: Buffer;
    try {
      bytes = await download(source.url);
    } catch (err) {
      if (!(err instanceof OpsError)) throw err;
      // a package over the size limit cannot be the recorded one: Fabric would not install it either
      if (err.code === 'PACKAGE_TOO_LARGE') wrongBytes += 1;
      failures.push(`${source.named}: ${err.message}`);
      continue;
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual === sha256) {
      return bytes;
    }
    wrongBytes += 1;
    failures.push(`${source.named} served a package with SHA-256 ${actual}`);
  }
  const summary = `${packageId} could not be fetched from the sources its on-chain record names; nothing was stored: ${failures.join('; ')}`;
  throw new OpsError(wrongBytes === sources.length ? 'PACKAGE_HASH_MISMATCH' : 'UPSTREAM_UNAVAILABLE', summary);
}
