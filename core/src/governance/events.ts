/**
 * Chaincode event names. Fabric keeps only the last `setEvent` of a transaction, so each transaction
 * emits exactly one, named after what it did. Agents and the api-server branch on these names.
 */
export const EventNames = {
  ConsortiumInitialized: 'ConsortiumInitialized',
  MemberActivated: 'MemberActivated',
  MemberMetadataUpdated: 'MemberMetadataUpdated',
  InvitationIssued: 'InvitationIssued',
  InvitationRevoked: 'InvitationRevoked',
  ProposalCreated: 'ProposalCreated',
  AttestationRecorded: 'AttestationRecorded',
  AttestationMismatch: 'AttestationMismatch',
  VoteCast: 'VoteCast',
  /** An OPEN proposal was APPROVED or REJECTED (status says which; APPLIED when it changes no channel). */
  ProposalDecided: 'ProposalDecided',
  ProposalExpired: 'ProposalExpired',
  ProposalDropped: 'ProposalDropped',
  ProposalWithdrawn: 'ProposalWithdrawn',
  ConfigUpdateRecorded: 'ConfigUpdateRecorded',
  ConfigSignatureRecorded: 'ConfigSignatureRecorded',
  TaskResultRecorded: 'TaskResultRecorded',
  ProposalApplied: 'ProposalApplied',
  ProposalFailed: 'ProposalFailed',
  /** A member recorded which package a committed chaincode definition runs. */
  ChaincodePackageRecorded: 'ChaincodePackageRecorded',
  /** An org recorded a step of a DEPLOY_CHAINCODE proposal (the last one is announced as ProposalApplied). */
  DeploymentStepRecorded: 'DeploymentStepRecorded',
  /** An org recorded that its nodes joined a channel a CREATE_CHANNEL made (the last one is announced as ProposalApplied). */
  ChannelJoinRecorded: 'ChannelJoinRecorded',
} as const;

export type EventName = (typeof EventNames)[keyof typeof EventNames];

/** The JSON payload of every event. */
export interface ConsortiumEvent {
  name: EventName;
  proposalId?: string;
  /** The org the event is about (the voter, the activated org, the subject…). */
  mspId?: string;
  /** The proposal's, member's or task's status after the transaction. */
  status?: string;
  /** For ProposalDecided: the outcome of the vote, even when the status moved on to APPLIED. */
  decision?: 'APPROVED' | 'REJECTED';
  channel?: string;
  attempt?: number;
  /** For ChaincodePackageRecorded: the chaincode name and definition sequence. */
  chaincode?: string;
  sequence?: number;
  /** Present when the transaction changed the membership snapshot. */
  membershipVersion?: number;
  txId: string;
}
