import {
  assertPolicySatisfiable,
  canonicalJson,
  computeDeadline,
  EventNames,
  GOVERNANCE_LIMITS,
  OpsError,
  parseCreatableProposalType,
  parseJsonArgument,
  parseProposalPayload,
  payloadSubject,
  proposalIdFromTxId,
  subjectProblem,
  targetChannels,
  assertNextSequence,
  resolveChannelCreation,
  type CreateChannelPayload,
  type DeployChaincodePayload,
  type Member,
  type Proposal,
  type SetVotingPolicyPayload,
  type UpdateChannelPayload,
  type UpdateOrgMspPayload,
  type ValidationReport,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext, type TxContext } from '../context/tx-context';
import { requireConsortium } from '../ledger/consortium-store';
import { getMember, listMembers } from '../ledger/member-store';
import { listPackageRecords } from '../ledger/package-store';
import { assertChannelCreationFree, assertDeploymentFree, assertSubjectFree, insertProposal } from '../ledger/proposal-store';
import { failedChecks, type MspValidators } from '../msp-validators';

/**
 * An active member proposes a membership change (every type but ADD_ORG, which comes from
 * SubmitJoinRequest), a chaincode deployment or a channel update. The subject must be in a state the type can act on and
 * not already held by another live proposal; a new voting policy must be satisfiable; a new MSP must
 * pass validation; a deployment must take the chaincode's next sequence, with no other live deployment
 * of the same chaincode on the channel; a new channel must have ACTIVE members, a name no member is in
 * and no other live creation; a channel update that adds an org must name an ACTIVE member.
 */
export async function createProposal(ctx: Context, validators: MspValidators, type: string, payloadJson: string, deadlineSeconds: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const proposalType = parseCreatableProposalType(type);
  let payload = parseProposalPayload(proposalType, parseJsonArgument('payload', payloadJson, GOVERNANCE_LIMITS.mspArgumentBytes));
  const deadline = computeDeadline(tx.now, deadlineSeconds);

  const subjectMspId = payloadSubject(payload);
  let channels: string[] = [];
  let validationReport: ValidationReport | undefined;
  if (subjectMspId) {
    const subject = await getMember(tx, subjectMspId);
    if (!subject) {
      throw new OpsError('MEMBER_NOT_FOUND', `${subjectMspId} is not a member`);
    }
    const problem = subjectProblem({ type: proposalType, subjectMspId }, subject);
    if (problem) {
      throw new OpsError('INVALID_STATUS_TRANSITION', problem);
    }
    await assertSubjectFree(tx, subjectMspId);
    channels = targetChannels(proposalType, payload, subject);
    if (proposalType === 'UPDATE_ORG_MSP') {
      validationReport = await validateNewMsp(tx, validators, payload as UpdateOrgMspPayload, await listMembers(tx));
    }
  } else if (proposalType === 'DEPLOY_CHAINCODE') {
    const deploy = payload as DeployChaincodePayload;
    await assertDeploymentFree(tx, deploy.channel, deploy.name);
    const recorded = (await listPackageRecords(tx, deploy.channel)).filter((r) => r.name === deploy.name).map((r) => r.sequence);
    assertNextSequence(deploy.name, deploy.channel, deploy.sequence, recorded);
    channels = targetChannels(proposalType, payload);
  } else if (proposalType === 'CREATE_CHANNEL') {
    const create = payload as CreateChannelPayload;
    await assertChannelCreationFree(tx, create.channel);
    payload = resolveChannelCreation(create, await listMembers(tx)) as typeof payload;
    channels = targetChannels(proposalType, payload);
  } else if (proposalType === 'UPDATE_CHANNEL') {
    payload = await resolveChannelUpdate(tx, payload as UpdateChannelPayload) as typeof payload;
    channels = targetChannels(proposalType, payload);
  } else {
    // only a new policy needs the whole member set: it must be satisfiable by the active members
    const active = (await listMembers(tx)).filter((m) => m.status === 'ACTIVE').map((m) => m.mspId);
    assertPolicySatisfiable((payload as SetVotingPolicyPayload).policy, active);
  }

  const proposal: Proposal = {
    id: proposalIdFromTxId(tx.txId),
    type: proposalType,
    status: 'OPEN',
    proposer: caller.mspId,
    ...(subjectMspId ? { subjectMspId } : {}),
    payload,
    ...(validationReport ? { validationReport } : {}),
    channels,
    createdAt: tx.nowIso,
    createdTxId: tx.txId,
    deadline,
    updatedAt: tx.nowIso,
    updatedTxId: tx.txId,
  };
  await insertProposal(tx, proposal);
  emitEvent(tx, { name: EventNames.ProposalCreated, proposalId: proposal.id, ...(subjectMspId ? { mspId: subjectMspId } : {}), status: 'OPEN' });
  return canonicalJson(proposal);
}

/**
 * An UPDATE_CHANNEL that adds an org or a consenter must name an ACTIVE member (by its member record):
 * an org added must not be in the channel yet; a consenter added must run exactly one orderer marked
 * consenter (Raft changes one member at a time). Its MSP and anchor peers, or its MSP and that orderer,
 * are copied from the record into the payload, so that the agents apply exactly what was voted on.
 */
async function resolveChannelUpdate(tx: TxContext, payload: UpdateChannelPayload): Promise<UpdateChannelPayload> {
  const { change } = payload;
  if (change.kind !== 'ADD_ORG' && change.kind !== 'ADD_CONSENTER') return payload;
  const member = await getMember(tx, change.mspId);
  if (!member) {
    throw new OpsError('MEMBER_NOT_FOUND', `${change.mspId} is not a member`);
  }
  if (member.status !== 'ACTIVE') {
    throw new OpsError('MEMBER_NOT_ACTIVE', `${change.kind} to ${payload.channel} needs ${change.mspId} to be ACTIVE, it is ${member.status}`);
  }
  if (change.kind === 'ADD_CONSENTER') {
    const consenting = member.nodes.orderers.filter((o) => o.consenter);
    if (consenting.length !== 1) {
      throw new OpsError('INVALID_ARGUMENT', `ADD_CONSENTER adds one Raft consenter at a time; ${change.mspId}'s member record lists ${consenting.length} orderers marked consenter`);
    }
    return { ...payload, change: { kind: 'ADD_CONSENTER', mspId: change.mspId, msp: member.msp, orderer: consenting[0] } };
  }
  if (member.channels.includes(payload.channel)) {
    throw new OpsError('INVALID_ARGUMENT', `${change.mspId} is already in ${payload.channel}`);
  }
  return { ...payload, change: { kind: 'ADD_ORG', mspId: change.mspId, msp: member.msp, anchorPeers: member.nodes.anchorPeers } };
}

/** Validates a replacement MSP against the other members (its own old MSP may share its root CA). */
async function validateNewMsp(tx: TxContext, validators: MspValidators, payload: UpdateOrgMspPayload, members: Member[]): Promise<ValidationReport> {
  const consortium = await requireConsortium(tx);
  const report = await validators.validateMspDefinition(payload.msp, {
    now: tx.now,
    minRemainingLifetimeSeconds: consortium.settings.minCertLifetimeSeconds,
    existingMembers: members.filter((m) => m.mspId !== payload.mspId && m.status !== 'REJECTED').map((m) => ({ mspId: m.mspId, msp: m.msp })),
  });
  if (!report.ok) {
    throw new OpsError('MSP_VALIDATION_FAILED', failedChecks(report));
  }
  return report;
}
