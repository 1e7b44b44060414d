import { canonicalJson } from '@opssc/core';
import type { LedgerPort } from '../../ledger/ledger-port';
import { readPage } from '../../ledger/records';
import type { Logger } from '../../observability/logger';
import { completeDeployPayload, type DeployRequest } from './deployment-payload';
import { voteAndTally, type VoteOutcome } from './vote-and-tally';

/** Filter of the proposal list. */
export interface ProposalFilter {
  status?: string;
  type?: string;
  limit?: number;
  cursor?: string;
}

/** Proposal governance on behalf of this org: create, vote, withdraw, read. */
export class ProposalsService {
  constructor(
    private readonly ledger: LedgerPort,
    /** Whether this server holds a package file (DEPLOY_CHAINCODE proposals name only packages it can serve). */
    private readonly holdsPackage: (packageId: string) => Promise<boolean> = async () => false,
  ) {}

  /** One page of proposals, newest first as the chaincode orders them. */
  async list(filter: ProposalFilter): Promise<{ items: unknown[]; nextCursor?: string }> {
    const { items, nextCursor } = readPage(await this.ledger.evaluate('ListProposals', [canonicalJson(filter)]));
    return nextCursor ? { items, nextCursor } : { items };
  }

  /** A proposal with its votes, attestations, report, tasks and history. */
  async get(proposalId: string): Promise<unknown> {
    return this.ledger.evaluate('GetProposal', [proposalId]);
  }

  /** Creates a proposal; this org is the proposer (the chaincode takes it from the submitting identity). */
  async create(type: string, payload: object, deadlineSeconds: number | undefined, log: Logger): Promise<unknown> {
    if (type === 'DEPLOY_CHAINCODE') {
      payload = await completeDeployPayload(this.ledger, this.holdsPackage, payload as DeployRequest);
    }
    // '' selects the chaincode's default deadline: fabric-contract-api needs every declared argument.
    const args = [type, canonicalJson(payload), deadlineSeconds === undefined ? '' : String(deadlineSeconds)];
    const { result, transactionId } = await this.ledger.submit('CreateProposal', args);
    log.info('proposal created', { type, proposalId: (result as { id?: string }).id, transactionId });
    return result;
  }

  /** Casts this org's vote, then tallies. */
  async vote(proposalId: string, decision: 'approve' | 'reject', reason: string, log: Logger): Promise<VoteOutcome> {
    return voteAndTally(this.ledger, proposalId, decision, reason, log.child({ proposalId }));
  }

  /** Withdraws a proposal this org proposed (NOT_PROPOSER otherwise). */
  async withdraw(proposalId: string, log: Logger): Promise<unknown> {
    const { result, transactionId } = await this.ledger.submit('WithdrawProposal', [proposalId]);
    log.info('proposal withdrawn', { proposalId, transactionId });
    return result;
  }
}
