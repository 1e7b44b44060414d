import { canonicalJson, OpsError } from '@opssc/core';
import type { LedgerPort } from '../../ledger/ledger-port';
import { readPage } from '../../ledger/records';

/** Reads members and updates this org's own metadata. */
export class MembersService {
  constructor(
    private readonly ledger: LedgerPort,
    private readonly orgMspId: string,
  ) {}

  /** All members, optionally of one status; the summary view drops each MSP definition and node list. */
  async list(status?: string, view: 'full' | 'summary' = 'full'): Promise<unknown[]> {
    // Optional chaincode arguments are passed as '' because fabric-contract-api requires every declared argument.
    const items = readPage(await this.ledger.evaluate('ListMembers', [status ?? ''])).items;
    return view === 'full' ? items : items.map(summarizeMember);
  }

  /** One member with its history; MEMBER_NOT_FOUND when unknown. */
  async get(mspId: string): Promise<unknown> {
    return this.ledger.evaluate('GetMember', [mspId]);
  }

  /**
   * Updates this org's metadata. Another org's metadata is refused here, before the ledger, because
   * the chaincode would in any case apply the change to the submitter's own org, not to `mspId`.
   */
  async updateMetadata(mspId: string, metadata: object): Promise<unknown> {
    if (mspId !== this.orgMspId) {
      throw new OpsError('FORBIDDEN', `this server acts for ${this.orgMspId} and may update only its metadata`);
    }
    return (await this.ledger.submit('UpdateMemberMetadata', [canonicalJson(metadata)])).result;
  }
}

/** The fields of a member record the summary view keeps: who it is, where it stands, and how to reach it. */
const SUMMARY_FIELDS = ['mspId', 'status', 'channels', 'metadata', 'founding', 'admissionProposalId', 'statusReason', 'createdAt', 'updatedAt'];

function summarizeMember(member: unknown): unknown {
  if (!member || typeof member !== 'object') return member;
  const record = member as Record<string, unknown>;
  return Object.fromEntries(SUMMARY_FIELDS.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));
}
