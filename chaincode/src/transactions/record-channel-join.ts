import {
  assertProposalId,
  assertSameGenesis,
  canonicalJson,
  channelCreationComplete,
  EventNames,
  OpsError,
  parseChannelJoinStepInput,
  parseJsonArgument,
  type ChannelJoinStep,
  transitionProposal,
  type CreateChannelPayload,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext } from '../context/tx-context';
import { listChannelJoinSteps, putChannelJoinStep } from '../ledger/channel-join-store';
import { requireProposal, saveProposal } from '../ledger/proposal-store';
import { completeProposal } from './settle-proposal';

/**
 * A member org's agent records that its nodes joined the channel an approved CREATE_CHANNEL created
 * (`JOINED`, with the genesis block's data hash and whether its orderer joined), or why they could not
 * (`FAILED`, which makes the proposal FAILED). Once per org, and only by an org the channel lists. Every
 * JOINED step must name the same genesis block. The step that completes the channel makes the proposal
 * APPLIED, which adds the channel to each member's record.
 *
 * All steps are range-read (to compare genesis blocks and to decide completion), so two orgs recording
 * in one block conflict and the later one is retried as a new transaction.
 */
export async function recordChannelJoin(ctx: Context, proposalId: string, stepJson: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const proposal = await requireProposal(tx, assertProposalId(proposalId));
  if (proposal.type !== 'CREATE_CHANNEL') {
    throw new OpsError('INVALID_ARGUMENT', `${proposal.id} is ${proposal.type}, not CREATE_CHANNEL`);
  }
  const payload = proposal.payload as CreateChannelPayload;
  const input = parseChannelJoinStepInput(parseJsonArgument('step', stepJson));
  // approval moves a CREATE_CHANNEL straight on to APPLYING (settleProposal)
  if (proposal.status !== 'APPLYING') {
    throw new OpsError('INVALID_STATUS_TRANSITION', `${proposal.id} is ${proposal.status}; join steps are recorded while it is APPLYING`);
  }
  if (!payload.members.includes(caller.mspId)) {
    throw new OpsError('FORBIDDEN', `${caller.mspId} is not a member of ${payload.channel}`);
  }
  const recorded = await listChannelJoinSteps(tx, proposal.id);
  const own = recorded.find((s) => s.mspId === caller.mspId);
  if (own) {
    throw new OpsError('STEP_EXISTS', `${caller.mspId} already recorded ${own.status} for ${proposal.id}`);
  }
  assertSameGenesis(input, recorded);

  const step: ChannelJoinStep = { ...input, proposalId: proposal.id, mspId: caller.mspId, recordedAt: tx.nowIso, txId: tx.txId };
  await putChannelJoinStep(tx, step);
  const event = { proposalId: proposal.id, mspId: caller.mspId, channel: payload.channel };
  if (step.status === 'FAILED') {
    const failed = transitionProposal(proposal, 'FAILED', { nowIso: tx.nowIso, txId: tx.txId, reason: `${caller.mspId}: ${step.reason}` });
    await saveProposal(tx, proposal, failed, ['FAILED'], failed.statusReason);
    emitEvent(tx, { name: EventNames.ProposalFailed, ...event, status: 'FAILED' });
  } else if (channelCreationComplete(payload, [...recorded, step])) {
    // a transaction does not read its own writes: the new step is added by hand above. APPLIED also adds
    // the channel to every member's record (effectsOfApplied).
    const { proposal: applied, membershipVersion } = await completeProposal(tx, proposal);
    emitEvent(tx, { name: EventNames.ProposalApplied, ...event, status: applied.status, ...(membershipVersion !== undefined ? { membershipVersion } : {}) });
  } else {
    emitEvent(tx, { name: EventNames.ChannelJoinRecorded, ...event, status: step.status });
  }
  return canonicalJson(step);
}
