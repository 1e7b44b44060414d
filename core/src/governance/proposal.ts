import type { DeployChaincodePayload } from './chaincode-deployment';
import type { CreateChannelPayload } from './channel-creation';
import type { UpdateChannelPayload } from './channel-update';
import type { JoinRequest, MspDefinition, ValidationReport } from '../msp/types';
import type { TallyResult } from './tally';
import type { VotingPolicy } from './voting-policy';

/** Kinds of proposal: membership, voting policy, chaincode deployment, channel creation and update. ADD_ORG is created only by SubmitJoinRequest. */
export const ProposalTypes = ['ADD_ORG', 'UPDATE_ORG_MSP', 'SUSPEND_ORG', 'REINSTATE_ORG', 'REMOVE_ORG', 'SET_VOTING_POLICY', 'DEPLOY_CHAINCODE', 'CREATE_CHANNEL', 'UPDATE_CHANNEL'] as const;
export type ProposalType = (typeof ProposalTypes)[number];

/** A proposal's lifecycle; see proposal-state-machine.ts for the exact table. */
export const ProposalStatuses = ['OPEN', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'DROPPED', 'APPLYING', 'APPLIED', 'FAILED'] as const;
export type ProposalStatus = (typeof ProposalStatuses)[number];

/** True when `value` is a proposal type. */
export function isProposalType(value: unknown): value is ProposalType {
  return typeof value === 'string' && (ProposalTypes as readonly string[]).includes(value);
}

/** True when `value` is a proposal status. */
export function isProposalStatus(value: unknown): value is ProposalStatus {
  return typeof value === 'string' && (ProposalStatuses as readonly string[]).includes(value);
}

/** ADD_ORG: the signed join request exactly as the relaying org received it. */
export interface AddOrgPayload {
  request: JoinRequest;
}

/** UPDATE_ORG_MSP: a new MSP definition (for example a certificate rotation) for an existing member. */
export interface UpdateOrgMspPayload {
  mspId: string;
  msp: MspDefinition;
  /** Channels whose config must carry the new MSP; defaults to the member's channels. */
  channels?: string[];
  description?: string;
}

/** SUSPEND_ORG, REINSTATE_ORG: a governance-only status change (no channel config changes). */
export interface MemberStatusPayload {
  mspId: string;
  description?: string;
}

/** REMOVE_ORG: take an org out of the consortium and out of its channels. */
export interface RemoveOrgPayload {
  mspId: string;
  /** Channels to remove the org from; defaults to the member's channels. */
  channels?: string[];
  description?: string;
}

/** SET_VOTING_POLICY: replace the voting policy. */
export interface SetVotingPolicyPayload {
  policy: VotingPolicy;
  description?: string;
}

/** Payload of each proposal type. */
export interface ProposalPayloads {
  ADD_ORG: AddOrgPayload;
  UPDATE_ORG_MSP: UpdateOrgMspPayload;
  SUSPEND_ORG: MemberStatusPayload;
  REINSTATE_ORG: MemberStatusPayload;
  REMOVE_ORG: RemoveOrgPayload;
  SET_VOTING_POLICY: SetVotingPolicyPayload;
  DEPLOY_CHAINCODE: DeployChaincodePayload;
  CREATE_CHANNEL: CreateChannelPayload;
  UPDATE_CHANNEL: UpdateChannelPayload;
}

export type ProposalPayload = ProposalPayloads[ProposalType];

/** A proposal, as stored under `proposal~id`. Votes, attestations and apply records live under their own keys. */
export interface Proposal {
  id: string;
  type: ProposalType;
  status: ProposalStatus;
  /** The proposing org. For ADD_ORG this is the joining org, which is not a member yet. */
  proposer: string;
  /** The member org whose api-server relayed a join request. */
  relayedBy?: string;
  invitationId?: string;
  /** The org the proposal is about (absent for SET_VOTING_POLICY). */
  subjectMspId?: string;
  payload: ProposalPayload;
  /** sha256 of the canonical join request body (ADD_ORG). */
  digest?: string;
  validationReport?: ValidationReport;
  /**
   * Channels whose config the proposal changes, in apply order (the ops channel first); for
   * DEPLOY_CHAINCODE, the one channel the chaincode definition is committed on; for CREATE_CHANNEL and UPDATE_CHANNEL, its channel. Empty when the
   * proposal changes only consortium state: it is then APPLIED in the transaction that approves it.
   */
  channels: string[];
  createdAt: string;
  createdTxId: string;
  deadline: string;
  /** The tally that decided it (APPROVED or REJECTED). */
  decision?: TallyResult & { policy: VotingPolicy };
  decidedAt?: string;
  appliedAt?: string;
  /** Why the last status change happened (for DROPPED, FAILED, WITHDRAWN…). */
  statusReason?: string;
  updatedAt: string;
  updatedTxId: string;
}
