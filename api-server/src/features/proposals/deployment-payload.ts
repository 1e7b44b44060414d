import { createHash } from 'node:crypto';
import { OpsError, parsePackageUrl } from '@opssc/core';
import type { LedgerPort } from '../../ledger/ledger-port';
import { readPage } from '../../ledger/records';
import { readPackageMetadata } from '../chaincode-packages/package-metadata';
import { downloadPackageUrl, type PackageDownloader } from '../chaincode-packages/package-url-download';

/**
 * A DEPLOY_CHAINCODE payload as a client sends it: the package by `packageId` (uploaded here) or by
 * `packageUrl`, exactly one; sequence, sha256 and label may be left to the server.
 */
export interface DeployRequest {
  channel: string;
  name: string;
  version: string;
  packageId?: string;
  packageUrl?: string;
  sequence?: number;
  sha256?: string;
  label?: string;
  [field: string]: unknown;
}

/** A package's on-chain names: `<label>:<sha256>`, its sha256 and its label. */
type PackageNames = { packageId: string; sha256: string; label: string };

/**
 * Completes a DEPLOY_CHAINCODE payload before it goes on-chain:
 * - by `packageId`: `label` and `sha256` come from the id (`<label>:<sha256>`); given ones must agree;
 *   the package must be on this server (uploaded with POST /api/v1/chaincode-packages), since the other
 *   members' agents download it from here (CHAINCODE_PACKAGE_NOT_FOUND otherwise);
 * - by `packageUrl`: see {@link namePackageAtUrl};
 * - `sequence`, when absent, is the next one after the chaincode's on-chain package records, which is
 *   the rule the chaincode enforces (it refuses anything else with SEQUENCE_NOT_NEXT).
 */
export async function completeDeployPayload(
  ledger: LedgerPort,
  holds: (packageId: string) => Promise<boolean>,
  request: DeployRequest,
  download: PackageDownloader = downloadPackageUrl,
): Promise<DeployRequest> {
  if ((request.packageId === undefined) === (request.packageUrl === undefined)) {
    throw new OpsError('INVALID_ARGUMENT', 'payload must have exactly one of packageId (a package uploaded here), packageUrl');
  }
  const names = request.packageUrl !== undefined ? await namePackageAtUrl(request, request.packageUrl, download) : await nameUploadedPackage(request, request.packageId!, holds);
  const sequence = request.sequence ?? (await nextSequence(ledger, request.channel, request.name));
  return { ...request, ...names, sequence };
}

async function nameUploadedPackage(request: DeployRequest, packageId: string, holds: (packageId: string) => Promise<boolean>): Promise<PackageNames> {
  const separator = packageId.lastIndexOf(':');
  const label = packageId.slice(0, separator);
  const sha256 = packageId.slice(separator + 1);
  if ((request.label !== undefined && request.label !== label) || (request.sha256 !== undefined && request.sha256 !== sha256)) {
    throw new OpsError('INVALID_ARGUMENT', 'payload.label and payload.sha256 must be the two parts of payload.packageId');
  }
  if (!(await holds(packageId))) {
    throw new OpsError('CHAINCODE_PACKAGE_NOT_FOUND', `upload ${packageId} to this server first (POST /api/v1/chaincode-packages): the members' agents download it from here`);
  }
  return { packageId, sha256, label };
}

/**
 * Names the package at `url` by downloading it once: its SHA-256 and the label of its metadata.json
 * (as an upload is named), so the payload pins the exact bytes every agent will download and check.
 * The URL is checked by the chaincode's own rules first (INVALID_ARGUMENT), so nothing is fetched that
 * could not go on-chain. A `sha256` the caller gave must be the downloaded one (PACKAGE_HASH_MISMATCH:
 * the URL does not serve what the caller meant to propose), and so must a `label`.
 */
async function namePackageAtUrl(request: DeployRequest, url: string, download: PackageDownloader): Promise<PackageNames> {
  parsePackageUrl(url, 'payload.packageUrl');
  const bytes = await download(url);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (request.sha256 !== undefined && request.sha256 !== sha256) {
    throw new OpsError('PACKAGE_HASH_MISMATCH', `payload.packageUrl serves a package with SHA-256 ${sha256}, not payload.sha256 ${request.sha256}`);
  }
  let label: string;
  try {
    label = readPackageMetadata(bytes).label;
  } catch (err) {
    throw err instanceof OpsError ? new OpsError(err.code, `payload.packageUrl: ${err.detail}`) : err;
  }
  if (request.label !== undefined && request.label !== label) {
    throw new OpsError('INVALID_ARGUMENT', `payload.label ${request.label} is not the label of the package at payload.packageUrl (${label})`);
  }
  return { packageId: `${label}:${sha256}`, sha256, label };
}

async function nextSequence(ledger: LedgerPort, channel: string, name: string): Promise<number> {
  const records = readPage(await ledger.evaluate('ListChaincodePackages', [channel])).items as { name?: unknown; sequence?: unknown }[];
  const sequences = records.filter((r) => r.name === name && typeof r.sequence === 'number').map((r) => r.sequence as number);
  return Math.max(0, ...sequences) + 1;
}
