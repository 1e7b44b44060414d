import { OpsError, parsePackageUrl } from '@opssc/core';
import type { LedgerPort } from '../../ledger/ledger-port';
import { memberApiUrl, readPackageRecord, readPage, readProposal } from '../../ledger/records';

/** A place the on-chain record of a package says it can be fetched from. */
export interface PackageSource {
  url: string;
  /** What the source is, for messages: the record's packageUrl, or the proposer's api-server. */
  named: string;
}

/** Ledger refusals that mean "this source does not exist", not "the ledger failed". */
const MISSING = new Set(['PROPOSAL_NOT_FOUND', 'MEMBER_NOT_FOUND']);

/**
 * The sources of `packageId` named by its on-chain package records (ListChaincodePackages over every
 * channel; one package may run several definitions), in order and without repeats: for each record, its
 * `packageUrl`, then its proposal's proposer's api-server (`<apiUrl>/api/v1/proposals/<proposalId>/package`,
 * where that member's own server serves the deployment's package). Undefined when no record names the
 * package; empty when the records name no usable source (a record made by hand has none).
 */
export async function recordedPackageSources(ledger: LedgerPort, packageId: string): Promise<PackageSource[] | undefined> {
  const sha256 = packageId.slice(packageId.lastIndexOf(':') + 1);
  const records = readPage(await ledger.evaluate('ListChaincodePackages', [''])).items.map(readPackageRecord).filter((r) => r.packageId === packageId && r.sha256 === sha256);
  if (records.length === 0) {
    return undefined;
  }
  const sources = new Map<string, PackageSource>();
  const add = (source: PackageSource | undefined) => {
    if (source && !sources.has(source.url)) sources.set(source.url, source);
  };
  const proposalIds = new Set<string>();
  for (const { packageUrl, proposalId } of records) {
    add(packageUrl === undefined ? undefined : fetchable(packageUrl, `the packageUrl ${packageUrl}`));
    if (proposalId !== undefined && !proposalIds.has(proposalId)) {
      proposalIds.add(proposalId);
      add(await proposerSource(ledger, proposalId));
    }
  }
  return [...sources.values()];
}

/** The proposer's api-server of a deployment, from the apiUrl its member record publishes; undefined when it publishes none. */
async function proposerSource(ledger: LedgerPort, proposalId: string): Promise<PackageSource | undefined> {
  const { proposer } = readProposal(await evaluateIfFound(ledger, 'GetProposal', proposalId));
  if (proposer === undefined) return undefined;
  const apiUrl = memberApiUrl(await evaluateIfFound(ledger, 'GetMember', proposer));
  // a query string would swallow the path appended after it
  if (apiUrl === undefined || apiUrl.includes('?')) return undefined;
  const url = `${apiUrl.replace(/\/+$/, '')}/api/v1/proposals/${encodeURIComponent(proposalId)}/package`;
  return fetchable(url, `${proposer}'s api-server (the proposer of ${proposalId})`);
}

async function evaluateIfFound(ledger: LedgerPort, name: 'GetProposal' | 'GetMember', id: string): Promise<unknown> {
  try {
    return await ledger.evaluate(name, [id]);
  } catch (err) {
    if (err instanceof OpsError && MISSING.has(err.code)) return undefined;
    throw err;
  }
}

/**
 * The source, when its URL is one the chaincode itself would accept as a package URL: http(s), with no
 * user name or password. The URLs come from on-chain data that any member writes; this keeps the fetch
 * to plain web URLs.
 */
function fetchable(url: string, named: string): PackageSource | undefined {
  try {
    return { url: parsePackageUrl(url), named };
  } catch {
    return undefined;
  }
}
