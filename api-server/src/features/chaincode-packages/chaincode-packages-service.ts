import { OpsError } from '@opssc/core';
import type { Principal } from '../../http/request-context';
import type { LedgerPort } from '../../ledger/ledger-port';
import { readPage, readProposal, type InvitationView } from '../../ledger/records';
import type { PackageFile, PackageFiles } from './package-files';

/** Join proposal statuses after the vote approved it: the org's nodes are about to join, or have. */
const APPROVED_JOIN = new Set(['APPROVED', 'APPLYING', 'APPLIED']);

/**
 * Chaincode packages: the on-chain records, and the package files this org serves. A joining org's
 * agent downloads packages here with its invitation token, then checks each against the on-chain record
 * itself, so serving a file never asks anyone to trust this server.
 */
export class ChaincodePackagesService {
  constructor(
    private readonly ledger: LedgerPort,
    private readonly files: PackageFiles | undefined,
  ) {}

  /** The package records of one channel, or of every channel. */
  async list(channel?: string): Promise<unknown[]> {
    return readPage(await this.ledger.evaluate('ListChaincodePackages', [channel ?? ''])).items;
  }

  /**
   * The package file of `packageId`. An API key of this org may download any; an invitation token only
   * once the join request it was used for is approved (a token holder that was not voted in gets nothing).
   */
  async download(principal: Principal, packageId: string): Promise<PackageFile> {
    if (principal.kind === 'invitation') {
      await this.assertApprovedJoin(principal.invitation);
    }
    const file = this.files ? await this.files.find(packageId) : undefined;
    if (!file) {
      throw new OpsError('NOT_FOUND', `this server holds no package ${packageId}`);
    }
    return file;
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
