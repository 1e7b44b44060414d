import { OpsError } from '@opssc/core';
import { Context, Contract, Info, Param, Returns, Transaction } from 'fabric-contract-api';
import { defaultMspValidators, type MspValidators } from './msp-validators';
import { getChaincodePackageQuery, listChaincodePackagesQuery } from './queries/chaincode-package-queries';
import { getInvitationQuery, listInvitationsQuery } from './queries/invitation-queries';
import { getMemberQuery, getMembershipSnapshotQuery, getVotingPolicyQuery, listMembersQuery } from './queries/member-queries';
import { getProposalQuery, listProposalsQuery } from './queries/proposal-queries';
import { recordConfigSignature, recordConfigUpdate, recordTaskResult } from './transactions/apply-transactions';
import { attestJoinRequest } from './transactions/attest-join-request';
import { createProposal } from './transactions/create-proposal';
import { initConsortium } from './transactions/init-consortium';
import { issueInvitation, revokeInvitation } from './transactions/invitation-transactions';
import { activateMember, updateMemberMetadata } from './transactions/member-transactions';
import { recordChaincodePackage } from './transactions/record-chaincode-package';
import { recordChannelJoin } from './transactions/record-channel-join';
import { recordDeploymentStep } from './transactions/record-deployment-step';
import { submitJoinRequest } from './transactions/submit-join-request';
import { closeProposal, tallyProposal, withdrawProposal } from './transactions/tally-transactions';
import { castVote } from './transactions/vote-transactions';

/**
 * The `consortium` contract of consortium_ops: membership governance, chaincode deployments and chaincode package records
 * (docs/chaincode-api.md).
 * Every method is a one-line delegation; each transaction lives in its own module and follows the same
 * five steps: authorize → parse arguments → pure domain function → write → one event. Every result is
 * JSON text; every error message starts with a stable code. Optional arguments are passed as "".
 */
@Info({ title: 'consortium_ops', description: 'Consortium membership governance for Hyperledger Fabric' })
export class ConsortiumContract extends Contract {
  constructor(private readonly validators: MspValidators = defaultMspValidators) {
    super('consortium');
  }

  @Transaction()
  @Param('founding', 'string', 'JSON {members:[{mspId, msp, nodes, metadata, channels?}], votingPolicy?, settings?}')
  @Returns('string')
  async InitConsortium(ctx: Context, founding: string): Promise<string> {
    return initConsortium(ctx, founding);
  }

  @Transaction()
  @Param('membershipVersion', 'string', 'the membership snapshot version the org acknowledges')
  @Returns('string')
  async ActivateMember(ctx: Context, membershipVersion: string): Promise<string> {
    return activateMember(ctx, membershipVersion);
  }

  @Transaction()
  @Param('metadata', 'string', 'JSON {organizationName?, contacts?, apiUrl?, description?}')
  @Returns('string')
  async UpdateMemberMetadata(ctx: Context, metadata: string): Promise<string> {
    return updateMemberMetadata(ctx, metadata);
  }

  @Transaction()
  @Param('invitation', 'string', 'JSON {invitationId, mspId, expiresAt, tokenHmac}')
  @Returns('string')
  async IssueInvitation(ctx: Context, invitation: string): Promise<string> {
    return issueInvitation(ctx, invitation);
  }

  @Transaction()
  @Returns('string')
  async RevokeInvitation(ctx: Context, invitationId: string): Promise<string> {
    return revokeInvitation(ctx, invitationId);
  }

  @Transaction()
  @Param('request', 'string', 'JSON: a signed JoinRequest')
  @Returns('string')
  async SubmitJoinRequest(ctx: Context, invitationId: string, request: string): Promise<string> {
    return submitJoinRequest(ctx, this.validators, invitationId, request);
  }

  @Transaction()
  @Param('request', 'string', 'JSON: the signed JoinRequest this org received')
  @Returns('string')
  async AttestJoinRequest(ctx: Context, invitationId: string, request: string): Promise<string> {
    return attestJoinRequest(ctx, invitationId, request);
  }

  @Transaction()
  @Param('payload', 'string', 'JSON payload of the proposal type')
  @Param('deadlineSeconds', 'string', 'seconds until the deadline; "" for the default (7 days)')
  @Returns('string')
  async CreateProposal(ctx: Context, type: string, payload: string, deadlineSeconds: string): Promise<string> {
    return createProposal(ctx, this.validators, type, payload, deadlineSeconds);
  }

  @Transaction()
  @Param('decision', 'string', 'approve or reject')
  @Returns('string')
  async CastVote(ctx: Context, proposalId: string, decision: string, reason: string): Promise<string> {
    return castVote(ctx, proposalId, decision, reason);
  }

  @Transaction()
  @Returns('string')
  async TallyProposal(ctx: Context, proposalId: string): Promise<string> {
    return tallyProposal(ctx, proposalId);
  }

  @Transaction()
  @Returns('string')
  async CloseProposal(ctx: Context, proposalId: string): Promise<string> {
    return closeProposal(ctx, proposalId);
  }

  @Transaction()
  @Returns('string')
  async WithdrawProposal(ctx: Context, proposalId: string): Promise<string> {
    return withdrawProposal(ctx, proposalId);
  }

  @Transaction()
  @Param('configUpdate', 'string', 'base64 of a serialized common.ConfigUpdate')
  @Param('attempt', 'string', 'attempt number, from 1')
  @Returns('string')
  async RecordConfigUpdate(ctx: Context, proposalId: string, channel: string, configUpdate: string, attempt: string): Promise<string> {
    return recordConfigUpdate(ctx, proposalId, channel, configUpdate, attempt);
  }

  @Transaction()
  @Param('signature', 'string', 'JSON {signatureHeader, signature}, both base64')
  @Returns('string')
  async RecordConfigSignature(ctx: Context, proposalId: string, channel: string, attempt: string, signature: string): Promise<string> {
    return recordConfigSignature(ctx, proposalId, channel, attempt, signature);
  }

  @Transaction()
  @Param('result', 'string', 'JSON {status:"COMMITTED", blockNumber} or {status:"FAILED"|"STALE", reason}')
  @Returns('string')
  async RecordTaskResult(ctx: Context, proposalId: string, channel: string, attempt: string, result: string): Promise<string> {
    return recordTaskResult(ctx, proposalId, channel, attempt, result);
  }

  @Transaction()
  @Param('record', 'string', 'JSON {channel, name, version, sequence, packageId, sha256, label}')
  @Returns('string')
  async RecordChaincodePackage(ctx: Context, record: string): Promise<string> {
    return recordChaincodePackage(ctx, record);
  }

  @Transaction()
  @Param('step', 'string', 'JSON {status:"INSTALLED_APPROVED", packageId} or {status:"FAILED", reason} or {status:"COMMITTED", blockNumber?}')
  @Returns('string')
  async RecordDeploymentStep(ctx: Context, proposalId: string, step: string): Promise<string> {
    return recordDeploymentStep(ctx, proposalId, step);
  }

  @Transaction()
  @Param('step', 'string', 'JSON {status:"JOINED", genesisDataHash, orderer} or {status:"FAILED", reason}')
  @Returns('string')
  async RecordChannelJoin(ctx: Context, proposalId: string, step: string): Promise<string> {
    return recordChannelJoin(ctx, proposalId, step);
  }

  @Transaction(false)
  @Returns('string')
  async GetMember(ctx: Context, mspId: string): Promise<string> {
    return getMemberQuery(ctx, mspId);
  }

  @Transaction(false)
  @Param('status', 'string', 'a member status, or "" for all')
  @Returns('string')
  async ListMembers(ctx: Context, status: string): Promise<string> {
    return listMembersQuery(ctx, status);
  }

  @Transaction(false)
  @Returns('string')
  async GetMembershipSnapshot(ctx: Context): Promise<string> {
    return getMembershipSnapshotQuery(ctx);
  }

  @Transaction(false)
  @Returns('string')
  async GetVotingPolicy(ctx: Context): Promise<string> {
    return getVotingPolicyQuery(ctx);
  }

  @Transaction(false)
  @Returns('string')
  async GetProposal(ctx: Context, proposalId: string): Promise<string> {
    return getProposalQuery(ctx, proposalId);
  }

  @Transaction(false)
  @Param('filter', 'string', 'JSON {status?, type?, limit?, cursor?}, or ""')
  @Returns('string')
  async ListProposals(ctx: Context, filter: string): Promise<string> {
    return listProposalsQuery(ctx, filter);
  }

  @Transaction(false)
  @Returns('string')
  async GetInvitation(ctx: Context, invitationId: string): Promise<string> {
    return getInvitationQuery(ctx, invitationId);
  }

  @Transaction(false)
  @Returns('string')
  async ListInvitations(ctx: Context): Promise<string> {
    return listInvitationsQuery(ctx);
  }

  @Transaction(false)
  @Param('sequence', 'string', 'the definition sequence, a decimal string from 1')
  @Returns('string')
  async GetChaincodePackage(ctx: Context, channel: string, name: string, sequence: string): Promise<string> {
    return getChaincodePackageQuery(ctx, channel, name, sequence);
  }

  @Transaction(false)
  @Param('channel', 'string', 'a channel name, or "" for every channel')
  @Returns('string')
  async ListChaincodePackages(ctx: Context, channel: string): Promise<string> {
    return listChaincodePackagesQuery(ctx, channel);
  }

  /** An unknown function name gets a stable code instead of the shim's prose. */
  override async unknownTransaction(ctx: Context): Promise<void> {
    throw new OpsError('INVALID_ARGUMENT', `unknown transaction ${ctx.stub.getFunctionAndParameters().fcn}`);
  }
}
