import type { CreateChannelPayload, UpdateChannelPayload } from '@opssc/core';
import type { ProposalAction } from './actions';
import type { MemberSummary, ProposalView } from './proposal-view';

/** Evaluation kinds after which TallyProposal writes a decision. */
const SETTLING = new Set(['DECIDED', 'DROPPED', 'EXPIRED']);

/** True when `channel` has a COMMITTED result. */
export function channelCommitted(proposal: ProposalView, channel: string): boolean {
  return proposal.tasks.some((t) => t.channel === channel && t.status === 'COMMITTED');
}

/**
 * What to do about a proposal as a whole. An OPEN proposal whose tally would settle it gets a
 * TallyProposal (a crash between the last vote and its tally must not strand it). An APPROVED or
 * APPLYING one is carried out one channel at a time, in the proposal's order (the ops channel first), by
 * ACTIVE members only; a CREATE_CHANNEL is carried out by each of its member orgs for itself. Everything else is left alone, including FAILED: a failure is reported, not
 * retried blindly. An APPLIED UPDATE_CHANNEL that added this org to a channel asks this org's agent to join
 * its peer to it and catch up the chaincodes committed there; one that made this org a consenter, to join its orderer.
 */
export function planProposal(proposal: ProposalView, me: string, members: readonly MemberSummary[]): ProposalAction {
  if (proposal.status === 'OPEN') {
    return proposal.evaluation && SETTLING.has(proposal.evaluation.kind) ? { kind: 'TALLY' } : { kind: 'IDLE', reason: 'votes pending' };
  }
  if (proposal.status === 'APPLIED' && proposal.type === 'UPDATE_CHANNEL') {
    const { channel, change } = proposal.payload as UpdateChannelPayload;
    if (change.kind === 'ADD_ORG' && change.mspId === me) return { kind: 'JOIN_PEER', channel };
    if (change.kind === 'ADD_CONSENTER' && change.mspId === me) return { kind: 'JOIN_ORDERER', channel };
    if (change.kind === 'REMOVE_CONSENTER' && change.mspId === me) return { kind: 'LEAVE_ORDERER', channel };
  }
  if (proposal.status !== 'APPROVED' && proposal.status !== 'APPLYING') {
    return { kind: 'IDLE', reason: `proposal is ${proposal.status}` };
  }
  if (!members.some((m) => m.mspId === me && m.status === 'ACTIVE')) {
    return { kind: 'IDLE', reason: `${me} is not an active member` };
  }
  if (proposal.type === 'DEPLOY_CHAINCODE') {
    return { kind: 'DEPLOY' };
  }
  if (proposal.type === 'CREATE_CHANNEL') {
    const { channel, members: channelOrgs } = proposal.payload as CreateChannelPayload;
    if (!channelOrgs.includes(me)) return { kind: 'IDLE', reason: `${me} is not a member of the new channel ${channel}` };
    const own = proposal.channelJoinSteps?.find((s) => s.mspId === me);
    return own ? { kind: 'IDLE', reason: `${me} recorded ${own.status} for ${channel}` } : { kind: 'JOIN_NEW_CHANNEL', channel };
  }
  const channel = proposal.channels.find((c) => !channelCommitted(proposal, c));
  return channel ? { kind: 'CHANNEL', channel } : { kind: 'IDLE', reason: 'every channel has committed' };
}
