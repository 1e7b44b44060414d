import type { DeployChaincodePayload } from './chaincode-deployment';
import type { CreateChannelPayload } from './channel-creation';
import type { UpdateChannelPayload } from './channel-update';
import type { Member, MemberStatus } from './member';
import type { Proposal, ProposalPayload, ProposalStatus, ProposalType, RemoveOrgPayload, UpdateOrgMspPayload } from './proposal';

/**
 * The member statuses a proposal can act on, by type (null: the proposal has no subject org).
 * Checked when the proposal is created and again at every tally: a proposal whose subject has moved
 * on (for example SUSPEND_ORG of an org that was removed meanwhile) is DROPPED, never applied.
 */
export const SUBJECT_STATUSES: Readonly<Record<ProposalType, readonly MemberStatus[] | null>> = Object.freeze({
  ADD_ORG: ['PROPOSED'],
  UPDATE_ORG_MSP: ['ACTIVE', 'SUSPENDED'],
  SUSPEND_ORG: ['ACTIVE'],
  REINSTATE_ORG: ['SUSPENDED'],
  REMOVE_ORG: ['APPROVED', 'ACTIVE', 'SUSPENDED'],
  SET_VOTING_POLICY: null,
  DEPLOY_CHAINCODE: null,
  CREATE_CHANNEL: null,
  UPDATE_CHANNEL: null,
});

/**
 * Statuses in which a proposal holds its subject: while one is OPEN, APPROVED or APPLYING, no other
 * proposal about the same org can be created, so two approved proposals can never race to change it.
 */
export const SUBJECT_HOLDING_STATUSES: readonly ProposalStatus[] = ['OPEN', 'APPROVED', 'APPLYING'];

/**
 * Why `proposal` can no longer act on its subject `member`, or undefined when it still can.
 * `member` is the subject's current record (undefined when there is none).
 */
export function subjectProblem(proposal: Pick<Proposal, 'type' | 'subjectMspId'>, member: Member | undefined): string | undefined {
  const allowed = SUBJECT_STATUSES[proposal.type];
  if (allowed === null) {
    return undefined;
  }
  if (!member) {
    return `${proposal.subjectMspId} is not a member`;
  }
  if (!allowed.includes(member.status)) {
    return `${proposal.type} needs ${member.mspId} to be ${allowed.join(' or ')}, it is ${member.status}`;
  }
  return undefined;
}

/**
 * The channels whose config a proposal about `subject` changes. Suspension and reinstatement are
 * consortium-state only: the org keeps its place in channel configs and loses (or regains) its vote
 * and its write access to consortium_ops. MSP updates and removals default to every channel the member
 * is in. (ADD_ORG channels come from the join request; see admissionChannels.)
 */
export function targetChannels(type: ProposalType, payload: ProposalPayload, subject?: Member): string[] {
  if (type === 'DEPLOY_CHAINCODE' || type === 'CREATE_CHANNEL' || type === 'UPDATE_CHANNEL') {
    return [(payload as DeployChaincodePayload | CreateChannelPayload | UpdateChannelPayload).channel];
  }
  if (!subject) {
    return [];
  }
  if (type === 'UPDATE_ORG_MSP' || type === 'REMOVE_ORG') {
    return (payload as UpdateOrgMspPayload | RemoveOrgPayload).channels ?? subject.channels;
  }
  return [];
}
