import type { ChaincodePackageRecord, ChannelJoinStepInput, DeploymentStepInput, Member, ProposalStatus, ProposalType, TaskResultInput } from '@opssc/core';
import type { MemberSummary, ProposalView } from '../planner/proposal-view';
import type { ClockPort, LedgerPort } from '../ports';
import { findErrorCode } from './classify-failure';
import { DEFAULT_SUBMIT_POLICY, submitTransaction, type SubmitPolicy, type SubmitResult } from './submit-transaction';

/** A signature as RecordConfigSignature takes it: both parts base64. */
export interface SignatureArgument {
  signatureHeader: string;
  signature: string;
}

/** consortium_ops' `consortium` contract, typed: the queries the planner reads and the writes executors make. */
export class ConsortiumClient {
  constructor(
    private readonly ledger: LedgerPort,
    private readonly clock: ClockPort,
    private readonly policy: SubmitPolicy = DEFAULT_SUBMIT_POLICY,
  ) {}

  async getProposal(proposalId: string): Promise<ProposalView> {
    return JSON.parse(await this.ledger.evaluate('GetProposal', proposalId)) as ProposalView;
  }

  /**
   * The ids of the proposals with `status` (and `type`, when given), newest first, following ListProposals'
   * cursor until `max` ids (default: all).
   */
  async listProposalIds(status: ProposalStatus, options: { type?: ProposalType; max?: number } = {}): Promise<string[]> {
    const max = options.max ?? Number.POSITIVE_INFINITY;
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const filter = JSON.stringify({ status, ...(options.type ? { type: options.type } : {}), limit: 50, ...(cursor ? { cursor } : {}) });
      const page = JSON.parse(await this.ledger.evaluate('ListProposals', filter)) as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ids.length < max);
    return ids.slice(0, max);
  }

  async listMembers(): Promise<MemberSummary[]> {
    const members = JSON.parse(await this.ledger.evaluate('ListMembers', '')) as MemberSummary[];
    return members.map(({ mspId, status, channels }) => ({ mspId, status, channels }));
  }

  /** Every member record in full (nodes and MSP included). */
  async listMemberRecords(): Promise<Member[]> {
    return JSON.parse(await this.ledger.evaluate('ListMembers', '')) as Member[];
  }

  /** The api-server URL a member publishes in its metadata, if any. */
  async memberApiUrl(mspId: string): Promise<string | undefined> {
    const member = JSON.parse(await this.ledger.evaluate('GetMember', mspId)) as { metadata?: { apiUrl?: string } };
    return member.metadata?.apiUrl;
  }

  /**
   * The on-chain record of the package a committed definition `(channel, name, sequence)` runs, or
   * undefined when no member has recorded one (CHAINCODE_PACKAGE_NOT_FOUND).
   */
  async getChaincodePackage(channel: string, name: string, sequence: number): Promise<ChaincodePackageRecord | undefined> {
    try {
      return JSON.parse(await this.ledger.evaluate('GetChaincodePackage', channel, name, String(sequence))) as ChaincodePackageRecord;
    } catch (err) {
      if (findErrorCode((err as Error).message ?? String(err)) === 'CHAINCODE_PACKAGE_NOT_FOUND') return undefined;
      throw err;
    }
  }

  recordDeploymentStep(proposalId: string, step: DeploymentStepInput): Promise<SubmitResult> {
    return this.submit('RecordDeploymentStep', proposalId, JSON.stringify(step));
  }

  recordChannelJoin(proposalId: string, step: ChannelJoinStepInput): Promise<SubmitResult> {
    return this.submit('RecordChannelJoin', proposalId, JSON.stringify(step));
  }

  tally(proposalId: string): Promise<SubmitResult> {
    return this.submit('TallyProposal', proposalId);
  }

  recordConfigUpdate(proposalId: string, channel: string, update: Uint8Array, attempt: number): Promise<SubmitResult> {
    return this.submit('RecordConfigUpdate', proposalId, channel, Buffer.from(update).toString('base64'), String(attempt));
  }

  recordConfigSignature(proposalId: string, channel: string, attempt: number, signature: SignatureArgument): Promise<SubmitResult> {
    return this.submit('RecordConfigSignature', proposalId, channel, String(attempt), JSON.stringify(signature));
  }

  recordTaskResult(proposalId: string, channel: string, attempt: number, result: TaskResultInput): Promise<SubmitResult> {
    return this.submit('RecordTaskResult', proposalId, channel, String(attempt), JSON.stringify(result));
  }

  private submit(transaction: string, ...args: string[]): Promise<SubmitResult> {
    return submitTransaction(this.ledger, this.clock, transaction, args, this.policy);
  }
}
