import {
  applyMemberChange,
  effectsOfApplied,
  effectsOfDecision,
  transitionProposal,
  type Member,
  type Proposal,
  type ProposalEffects,
  type ProposalStatus,
  type TallyResult,
  type VotingPolicy,
} from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { putVotingPolicy } from '../ledger/consortium-store';
import { addHistory } from '../ledger/history-store';
import { getMember, saveMember } from '../ledger/member-store';
import { saveProposal } from '../ledger/proposal-store';

/** Proposals carried out by each org's agent recording its own step (deployment steps, channel joins). */
const STEPPED_TYPES: ReadonlySet<Proposal['type']> = new Set(['DEPLOY_CHAINCODE', 'CREATE_CHANNEL']);

/** A proposal after a status change, and the membership version if the change bumped it. */
export interface Settlement {
  proposal: Proposal;
  membershipVersion?: number;
}

/** How an OPEN proposal can end. */
export type Ending = Extract<ProposalStatus, 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'DROPPED' | 'WITHDRAWN'>;

/** Optional facts about the ending: the reason, and the tally that decided it. */
export interface EndingFacts {
  reason?: string;
  tally?: TallyResult;
  policy?: VotingPolicy;
  /** Member records this transaction already read, to avoid reading them twice. */
  members?: readonly Member[];
}

/**
 * Ends an OPEN proposal and applies what the ending implies (effectsOfDecision). An approved proposal
 * that changes no channel is applied in the same transaction: APPROVED → APPLYING → APPLIED; an
 * approved DEPLOY_CHAINCODE or CREATE_CHANNEL goes straight on to APPLYING (its agents' steps follow).
 */
export async function settleProposal(tx: TxContext, before: Proposal, ending: Ending, facts: EndingFacts = {}): Promise<Settlement> {
  const stamp = { nowIso: tx.nowIso, txId: tx.txId, ...(facts.reason !== undefined ? { reason: facts.reason } : {}) };
  let after = transitionProposal(before, ending, stamp);
  if (facts.tally && facts.policy && (ending === 'APPROVED' || ending === 'REJECTED')) {
    after = { ...after, decision: { ...facts.tally, policy: facts.policy } };
  }
  const path: ProposalStatus[] = [ending];
  const cache = new Map((facts.members ?? []).map((m) => [m.mspId, m]));
  let version = await applyEffects(tx, after, effectsOfDecision(after, ending), cache);
  if (ending === 'APPROVED' && STEPPED_TYPES.has(after.type)) {
    // every org's agent starts on approval, each recording its own step: nothing else marks the start
    after = transitionProposal(after, 'APPLYING', stamp);
    path.push('APPLYING');
  } else if (ending === 'APPROVED' && after.channels.length === 0) {
    after = transitionProposal(transitionProposal(after, 'APPLYING', stamp), 'APPLIED', stamp);
    path.push('APPLYING', 'APPLIED');
    version = (await applyEffects(tx, after, effectsOfApplied(after), cache)) ?? version;
  }
  await saveProposal(tx, before, after, path, facts.reason);
  return { proposal: after, ...(version !== undefined ? { membershipVersion: version } : {}) };
}

/** Moves an APPLYING proposal to APPLIED, once every channel has committed, and applies its effects. */
export async function completeProposal(tx: TxContext, before: Proposal): Promise<Settlement> {
  const after = transitionProposal(before, 'APPLIED', { nowIso: tx.nowIso, txId: tx.txId });
  const version = await applyEffects(tx, after, effectsOfApplied(after), new Map());
  await saveProposal(tx, before, after, ['APPLIED']);
  return { proposal: after, ...(version !== undefined ? { membershipVersion: version } : {}) };
}

/**
 * Writes the member and policy changes of `effects`. A member change the state machine refuses (its
 * subject moved on meanwhile) is skipped and noted in the proposal's history rather than failing the
 * transaction, which would strand an already decided proposal.
 */
async function applyEffects(tx: TxContext, proposal: Proposal, effects: ProposalEffects, cache: Map<string, Member>): Promise<number | undefined> {
  let version: number | undefined;
  for (const change of effects.members) {
    const before = cache.get(change.mspId) ?? (await getMember(tx, change.mspId));
    const reason = `${proposal.type} ${proposal.id} ${proposal.status}`;
    const after = before && applyMemberChange(before, change, tx.nowIso, tx.txId, reason, false);
    if (!before || !after) {
      const detail = `effect on ${change.mspId} skipped: it is ${before?.status ?? 'not a member'}`;
      await addHistory(tx, { subjectKind: 'proposal', subjectId: proposal.id, action: 'effect-skipped', detail });
      continue;
    }
    version = (await saveMember(tx, before, after, change.msp ? 'msp-replaced' : 'status', reason)) ?? version;
    cache.set(after.mspId, after);
  }
  if (effects.policy) {
    await putVotingPolicy(tx, effects.policy);
  }
  return version;
}
