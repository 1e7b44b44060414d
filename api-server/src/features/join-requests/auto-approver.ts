import type { ValidationReport } from '@opssc/core';
import type { LedgerPort } from '../../ledger/ledger-port';
import type { Logger } from '../../observability/logger';
import { voteAndTally } from '../proposals/vote-and-tally';

/**
 * Optional per-org policy (OPSSC_AUTO_APPROVE_JOIN_REQUESTS): approve a join request that passed
 * on-chain validation and that this org relayed or attested, i.e. whose MSP this org received itself.
 */
export class AutoApprover {
  constructor(
    private readonly ledger: LedgerPort,
    private readonly orgMspId: string,
    private readonly enabled: boolean,
  ) {}

  /** Votes approve when the policy applies; returns whether it voted. Never fails the join request. */
  async maybeApprove(proposalId: string, report: ValidationReport | undefined, log: Logger): Promise<boolean> {
    if (!this.enabled || report?.ok !== true) {
      return false;
    }
    try {
      await voteAndTally(this.ledger, proposalId, 'approve', `auto-approved: validated and attested by ${this.orgMspId}`, log);
      return true;
    } catch (err) {
      // Typically VOTE_ALREADY_CAST (an admin was quicker); the join request itself succeeded.
      log.warn('auto-approve vote not cast', { proposalId, err });
      return false;
    }
  }
}
