import { OpsError } from '@opssc/core';
import type { LedgerPort } from '../../ledger/ledger-port';
import { readPage } from '../../ledger/records';

/** A DEPLOY_CHAINCODE payload as a client sends it: sequence, sha256 and label may be left to the server. */
export interface DeployRequest {
  channel: string;
  name: string;
  version: string;
  packageId: string;
  sequence?: number;
  sha256?: string;
  label?: string;
  [field: string]: unknown;
}

/**
 * Completes a DEPLOY_CHAINCODE payload before it goes on-chain:
 * - `label` and `sha256` come from the package id (`<label>:<sha256>`); given ones must agree;
 * - the package must be on this server (uploaded with POST /api/v1/chaincode-packages), since the other
 *   members' agents download it from here (CHAINCODE_PACKAGE_NOT_FOUND otherwise);
 * - `sequence`, when absent, is the next one after the chaincode's on-chain package records, which is
 *   the rule the chaincode enforces (it refuses anything else with SEQUENCE_NOT_NEXT).
 */
export async function completeDeployPayload(ledger: LedgerPort, holds: (packageId: string) => Promise<boolean>, request: DeployRequest): Promise<DeployRequest> {
  const separator = request.packageId.lastIndexOf(':');
  const label = request.packageId.slice(0, separator);
  const sha256 = request.packageId.slice(separator + 1);
  if ((request.label !== undefined && request.label !== label) || (request.sha256 !== undefined && request.sha256 !== sha256)) {
    throw new OpsError('INVALID_ARGUMENT', 'payload.label and payload.sha256 must be the two parts of payload.packageId');
  }
  if (!(await holds(request.packageId))) {
    throw new OpsError('CHAINCODE_PACKAGE_NOT_FOUND', `upload ${request.packageId} to this server first (POST /api/v1/chaincode-packages): the members' agents download it from here`);
  }
  const sequence = request.sequence ?? (await nextSequence(ledger, request.channel, request.name));
  return { ...request, label, sha256, sequence };
}

async function nextSequence(ledger: LedgerPort, channel: string, name: string): Promise<number> {
  const records = readPage(await ledger.evaluate('ListChaincodePackages', [channel])).items as { name?: unknown; sequence?: unknown }[];
  const sequences = records.filter((r) => r.name === name && typeof r.sequence === 'number').map((r) => r.sequence as number);
  return Math.max(0, ...sequences) + 1;
}
