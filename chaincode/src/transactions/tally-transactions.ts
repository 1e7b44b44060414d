import { assertMayWithdraw, assertProposalId, canonicalJson, evaluateProposal, EventNames, OpsError, type Proposal } from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext, type TxContext } from '../context/tx-context';
import { getVotingPolicy } from '../ledger/consortium-store';
import { listMembers } from '../ledger/member-store';
import { requireProposal } from '../ledger/proposal-store';
import { listVotes } from '../ledger/vote-store';
import { settleProposal, type Settlement } from './settle-proposal';

/**
 * Counts the votes of an OPEN proposal under the current policy and active members, and records the
 * outcome if there is one (DROPPED, APPROVED, REJECTED, or EXPIRED past the deadline). Undecided, or
 * not OPEN any more (a concurrent tally won): nothing is written and no event is emitted, so agents and
 * api-servers may all call it after every vote.
 */
export async function tallyProposal(ctx: Context, proposalId: string): Promise<string> {
  const { proposal, settled } = await tallyIfOpen(ctx, proposalId);
  return canonicalJson(settled?.proposal ?? proposal);
}

/**
 * Closes an OPEN proposal whose deadline has passed: decided if the votes decide it, EXPIRED otherwise.
 * Before the deadline it decides only a decidable proposal and refuses with
 * PROPOSAL_DEADLINE_NOT_REACHED otherwise. A proposal that is not OPEN is returned unchanged.
 */
export async function closeProposal(ctx: Context, proposalId: string): Promise<string> {
  const { proposal, settled } = await tallyIfOpen(ctx, proposalId);
  if (proposal.status === 'OPEN' && !settled) {
    throw new OpsError('PROPOSAL_DEADLINE_NOT_REACHED', `${proposal.id} is open until ${proposal.deadline}`);
  }
  return canonicalJson(settled?.proposal ?? proposal);
}

/** What TallyProposal and CloseProposal share: an active admin's call, the proposal, and its settlement if it was OPEN and is decided. */
async function tallyIfOpen(ctx: Context, proposalId: string): Promise<{ proposal: Proposal; settled?: Settlement }> {
  const tx = txContext(ctx);
  await authorize(tx, 'active-admin');
  const proposal = await requireProposal(tx, assertProposalId(proposalId));
  if (proposal.status !== 'OPEN') {
    return { proposal };
  }
  const settled = await evaluateAndSettle(tx, proposal);
  return settled ? { proposal, settled } : { proposal };
}

/** Only its proposer (or, for a join request, the relaying org) withdraws an OPEN proposal. */
export async function withdrawProposal(ctx: Context, proposalId: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'member-admin');
  const proposal = await requireProposal(tx, assertProposalId(proposalId));
  assertMayWithdraw(proposal, caller.mspId);
  const settled = await settleProposal(tx, proposal, 'WITHDRAWN', { reason: `withdrawn by ${caller.mspId}` });
  emitEvent(tx, { name: EventNames.ProposalWithdrawn, proposalId: proposal.id, status: 'WITHDRAWN', ...versionOf(settled) });
  return canonicalJson(settled.proposal);
}

/** Evaluates and, unless undecided, settles the proposal and emits the event. */
async function evaluateAndSettle(tx: TxContext, proposal: Proposal): Promise<Settlement | undefined> {
  const [policy, members, votes] = [await getVotingPolicy(tx), await listMembers(tx), await listVotes(tx, proposal.id)];
  const evaluation = evaluateProposal({ proposal, policy, members, votes, now: tx.now });
  switch (evaluation.kind) {
    case 'UNDECIDED':
      return undefined;
    case 'DROPPED': {
      const settled = await settleProposal(tx, proposal, 'DROPPED', { reason: evaluation.reason, members });
      emitEvent(tx, { name: EventNames.ProposalDropped, proposalId: proposal.id, status: 'DROPPED', ...versionOf(settled) });
      return settled;
    }
    case 'EXPIRED': {
      const settled = await settleProposal(tx, proposal, 'EXPIRED', { reason: `deadline ${proposal.deadline} passed`, members });
      emitEvent(tx, { name: EventNames.ProposalExpired, proposalId: proposal.id, status: 'EXPIRED', ...versionOf(settled) });
      return settled;
    }
    case 'DECIDED': {
      const settled = await settleProposal(tx, proposal, evaluation.status, { tally: evaluation.tally, policy, members });
      emitEvent(tx, {
        name: EventNames.ProposalDecided,
        proposalId: proposal.id,
        ...(proposal.subjectMspId ? { mspId: proposal.subjectMspId } : {}),
        status: settled.proposal.status,
        decision: evaluation.status,
        ...versionOf(settled),
      });
      return settled;
    }
  }
}

function versionOf(settled: Settlement): { membershipVersion?: number } {
  return settled.membershipVersion !== undefined ? { membershipVersion: settled.membershipVersion } : {};
}
