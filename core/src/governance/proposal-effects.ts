import type { MspDefinition } from '../msp/types';
import type { CreateChannelPayload } from './channel-creation';
import { channelMembershipChange, type UpdateChannelPayload } from './channel-update';
import type { MemberStatus } from './member';
import type { Proposal, ProposalStatus, SetVotingPolicyPayload, UpdateOrgMspPayload } from './proposal';
import type { VotingPolicy } from './voting-policy';

/** A change to one member record that a proposal causes. */
export interface MemberChange {
  mspId: string;
  status?: MemberStatus;
  msp?: MspDefinition;
  channels?: string[];
  /** A channel the org joined (CREATE_CHANNEL, UPDATE_CHANNEL ADD_ORG): added to its channels. */
  addChannel?: string;
  /** A channel the org left (UPDATE_CHANNEL REMOVE_ORG): removed from its channels. */
  removeChannel?: string;
}

/** What a proposal does to consortium state at one point of its life. */
export interface ProposalEffects {
  members: MemberChange[];
  policy?: VotingPolicy;
}

/**
 * Effects at decision time (`outcome` is the status the OPEN proposal moves to).
 * - ADD_ORG approved: the org becomes APPROVED (it becomes ACTIVE only by its own ActivateMember);
 *   any other ending makes it REJECTED, so it may apply again later.
 * - SET_VOTING_POLICY approved: the policy is replaced at once; it needs no channel change.
 */
export function effectsOfDecision(proposal: Proposal, outcome: ProposalStatus): ProposalEffects {
  if (proposal.type === 'ADD_ORG' && proposal.subjectMspId) {
    return outcome === 'APPROVED'
      ? { members: [{ mspId: proposal.subjectMspId, status: 'APPROVED', channels: proposal.channels }] }
      : { members: [{ mspId: proposal.subjectMspId, status: 'REJECTED' }] };
  }
  if (proposal.type === 'SET_VOTING_POLICY' && outcome === 'APPROVED') {
    return { members: [], policy: (proposal.payload as SetVotingPolicyPayload).policy };
  }
  return { members: [] };
}

/**
 * Effects when the proposal becomes APPLIED, that is once every channel it changes has COMMITTED
 * (or at decision time when it changes no channel).
 */
export function effectsOfApplied(proposal: Proposal): ProposalEffects {
  if (proposal.type === 'CREATE_CHANNEL') {
    const { channel, members } = proposal.payload as CreateChannelPayload;
    return { members: members.map((mspId) => ({ mspId, addChannel: channel })) };
  }
  if (proposal.type === 'UPDATE_CHANNEL') {
    const change = channelMembershipChange(proposal.payload as UpdateChannelPayload);
    return { members: change ? [change] : [] };
  }
  const mspId = proposal.subjectMspId;
  if (!mspId) {
    return { members: [] };
  }
  switch (proposal.type) {
    case 'UPDATE_ORG_MSP':
      return { members: [{ mspId, msp: (proposal.payload as UpdateOrgMspPayload).msp }] };
    case 'SUSPEND_ORG':
      return { members: [{ mspId, status: 'SUSPENDED' }] };
    case 'REINSTATE_ORG':
      return { members: [{ mspId, status: 'ACTIVE' }] };
    case 'REMOVE_ORG':
      return { members: [{ mspId, status: 'REMOVED' }] };
    default:
      return { members: [] };
  }
}
