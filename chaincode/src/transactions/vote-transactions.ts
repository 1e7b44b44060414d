import { assertProposalId, buildVote, canonicalJson, EventNames } from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext } from '../context/tx-context';
import { requireProposal } from '../ledger/proposal-store';
import { getVote, putVote } from '../ledger/vote-store';

/**
 * An active member votes. CastVote writes ONLY its own `vote~proposal~msp` key and never counts:
 * votes of different orgs in one block then never conflict, and two votes of one org in one block
 * conflict on that key, so exactly one commits. TallyProposal decides.
 */
export async function castVote(ctx: Context, proposalId: string, decision: string, reason: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const proposal = await requireProposal(tx, assertProposalId(proposalId));
  const existing = await getVote(tx, proposal.id, caller.mspId);
  const vote = buildVote({ proposal, existing, mspId: caller.mspId, voter: tx.callerId, decision, reason, now: tx.now, txId: tx.txId });
  await putVote(tx, vote);
  emitEvent(tx, { name: EventNames.VoteCast, proposalId: proposal.id, mspId: caller.mspId, status: proposal.status });
  return canonicalJson(vote);
}
