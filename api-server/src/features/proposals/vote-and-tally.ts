import { OpsError } from '@opssc/core';
import type { LedgerPort } from '../../ledger/ledger-port';
import { readProposal } from '../../ledger/records';
import type { Logger } from '../../observability/logger';

/** A committed vote and the proposal's status after the tally that followed it. */
export interface VoteOutcome {
  vote: unknown;
  proposalStatus: string;
}

/** Evaluation kinds after which a TallyProposal writes a decision (the agents' planner uses the same set). */
const SETTLING = new Set(['DECIDED', 'EXPIRED', 'DROPPED']);

/**
 * Casts this org's vote, then tallies when the tally would settle the proposal. They are two
 * transactions on purpose (docs/chaincode-api.md): a vote that also counted would conflict with every
 * other vote in the same block. The proposal's evaluation (GetProposal, a query) decides whether a tally
 * is worth an ordered transaction, so a vote that cannot decide costs one transaction, not two. A failed
 * tally is not an error for the voter, since the agents tally on every VoteCast event as well.
 */
export async function voteAndTally(
  ledger: LedgerPort,
  proposalId: string,
  decision: 'approve' | 'reject',
  reason: string,
  log: Logger,
): Promise<VoteOutcome> {
  const { result: vote, transactionId } = await ledger.submit('CastVote', [proposalId, decision, reason]);
  log.info('vote cast', { proposalId, decision, transactionId });
  try {
    const current = readProposal(await ledger.evaluate('GetProposal', [proposalId]));
    if (current.status !== 'OPEN' || !SETTLING.has(current.evaluationKind ?? '')) {
      return { vote, proposalStatus: current.status };
    }
    const { result } = await ledger.submit('TallyProposal', [proposalId]);
    return { vote, proposalStatus: readProposal(result).status };
  } catch (err) {
    // PROPOSAL_NOT_OPEN means a concurrent tally decided first; anything else is left to the agents.
    const level = err instanceof OpsError && err.code === 'PROPOSAL_NOT_OPEN' ? 'info' : 'warn';
    log.log(level, 'tally after vote did not complete; the agents tally on the VoteCast event', { proposalId, err });
    const current = await ledger.evaluate('GetProposal', [proposalId]).catch(() => undefined);
    return { vote, proposalStatus: current ? readProposal(current).status : 'UNKNOWN' };
  }
}
