import { OpsError } from '@opssc/core';
import type { Principal } from '../../http/request-context';
import type { LedgerPort } from '../../ledger/ledger-port';
import { readPage, readProposal, type InvitationView } from '../../ledger/records';
import { readPackageMetadata } from './package-metadata';
import type { PackageFile, PackageFiles } from './package-files';
import type { PackageDownloader } from './package-url-download';
import { fetchRecordedPackage } from './recorded-package-fetch';

/** A DEPLOY_CHAINCODE's package is served to anyone once the deployment is approved (see downloadForDeployment). */
const APPROVED_DEPLOYMENT = new Set(['APPROVED', 'APPLYING', 'APPLIED']);

/** What an upload returns: what a DEPLOY_CHAINCODE proposal names the package by. */
export interface UploadedPackage {
  packageId: string;
  sha256: string;
  label: string;
  /** False when this server already held the same package. */
  stored: boolean;
}

/** Join proposal statuses after the vote approved it: the org's nodes are about to join, or have. */
const APPROVED_JOIN = new Set(['APPROVED', 'APPLYING', 'APPLIED']);

/**
 * Chaincode packages: the on-chain records, and the package files this org serves. A joining org's
 * agent downloads packages here with its invitation token, then checks each against the on-chain record
 * itself, so serving a file never asks anyone to trust this server.
 */
export class ChaincodePackagesService {
  /**
   * @param files this org's package directory, if it keeps one.
   * @param fetchPackage fetches a package this server does not hold from a source its on-chain record
   *   names (see fetchRecordedPackage); it must send no credential of this org.
   */
  constructor(
    private readonly ledger: LedgerPort,
    private readonly files: PackageFiles | undefined,
    private readonly fetchPackage: PackageDownloader,
  ) {}

  /** The package records of one channel, or of every channel. */
  async list(channel?: string): Promise<unknown[]> {
    return readPage(await this.ledger.evaluate('ListChaincodePackages', [channel ?? ''])).items;
  }

  /**
   * The package file of `packageId`. An API key of this org may download any; an invitation token only
   * once the join request it was used for is approved (a token holder that was not voted in gets nothing).
   * The caller is authorized before anything is fetched. A package this server does not hold (a
   * deployment proposed through another member) is fetched from where its on-chain record says, checked
   * against the record's SHA-256, and kept in the package directory, so the next request is served locally.
   */
  async download(principal: Principal, packageId: string): Promise<PackageFile> {
    if (principal.kind === 'invitation') {
      await this.assertApprovedJoin(principal.invitation);
    }
    const file = this.files ? await this.files.find(packageId) : undefined;
    return file ?? this.fetchAndKeep(packageId);
  }

  /** Stores an uploaded package under its label (from its metadata.json), for this org's DEPLOY_CHAINCODE proposals. */
  async upload(bytes: Buffer): Promise<UploadedPackage> {
    const files = this.requireFiles();
    const { label } = readPackageMetadata(bytes);
    return { ...(await files.store(label, bytes)), label };
  }

  /**
   * The package of a DEPLOY_CHAINCODE proposal, for any caller, once the proposal is approved: the
   * other members' agents fetch it here. No credential is asked for because nothing secret is served:
   * the package's hash is public on-chain and the members voted to install it; an unapproved,
   * rejected or withdrawn proposal's package is not served. The caller checks the bytes against the
   * proposal's sha256 before installing them, so this server is not trusted either way.
   */
  async downloadForDeployment(proposalId: string): Promise<PackageFile> {
    const proposal = readProposal(await this.ledger.evaluate('GetProposal', [proposalId]));
    if (proposal.type !== 'DEPLOY_CHAINCODE' || !APPROVED_DEPLOYMENT.has(proposal.status) || !proposal.packageId) {
      throw new OpsError('FORBIDDEN', `${proposalId} is not an approved DEPLOY_CHAINCODE (${proposal.type} ${proposal.status})`);
    }
    const file = await this.requireFiles().find(proposal.packageId);
    if (!file) {
      throw new OpsError('NOT_FOUND', `this server holds no package ${proposal.packageId}`);
    }
    return file;
  }

  /** The package of `packageId` if this server holds it, for checks before a proposal is made. */
  async holds(packageId: string): Promise<boolean> {
    return (await this.files?.find(packageId)) !== undefined;
  }

  private async fetchAndKeep(packageId: string): Promise<PackageFile> {
    const bytes = await fetchRecordedPackage(this.ledger, this.fetchPackage, packageId);
    const label = packageId.slice(0, packageId.lastIndexOf(':'));
    try {
      await this.files?.store(label, bytes);
    } catch (err) {
      // another package is kept here under this label, and a file is never replaced: this one is served, not kept
      if (!(err instanceof OpsError && err.code === 'PACKAGE_LABEL_TAKEN')) throw err;
    }
    return { fileName: `${label}.tar.gz`, bytes };
  }

  private requireFiles(): PackageFiles {
    if (!this.files) {
      throw new OpsError('NOT_FOUND', 'this server keeps no chaincode packages (OPSSC_CHAINCODE_PACKAGES_DIR is not set)');
    }
    return this.files;
  }

  private async assertApprovedJoin(invitation: InvitationView): Promise<void> {
    const refused = (why: string) => new OpsError('FORBIDDEN', `chaincode packages are served to a joining org once its join request is approved; ${why}`);
    if (!invitation.usedFor) {
      throw refused('this invitation has not been used for a join request');
    }
    const proposal = readProposal(await this.ledger.evaluate('GetProposal', [invitation.usedFor]));
    if (proposal.type !== 'ADD_ORG' || proposal.subjectMspId !== invitation.mspId || !APPROVED_JOIN.has(proposal.status)) {
      throw refused(`${invitation.usedFor} is ${proposal.status}`);
    }
  }
}
