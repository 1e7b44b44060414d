import {
  assertProposalId,
  canonicalJson,
  deploymentComplete,
  deploymentOrgs,
  EventNames,
  OpsError,
  parseDeploymentStepInput,
  parseJsonArgument,
  samePackageRecord,
  transitionProposal,
  type ChaincodePackageRecord,
  type DeployChaincodePayload,
  type DeploymentStep,
  type EventName,
  type Proposal,
  type ProposalStatus,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext, type TxContext } from '../context/tx-context';
import { getDeploymentStep, listDeploymentSteps, putDeploymentStep } from '../ledger/deployment-store';
import { addHistory } from '../ledger/history-store';
import { listMembers } from '../ledger/member-store';
import { getPackageRecord, putPackageRecord } from '../ledger/package-store';
import { requireProposal, saveProposal } from '../ledger/proposal-store';

/**
 * An org's agent records a step of an approved DEPLOY_CHAINCODE proposal, under its own org's key:
 * - `INSTALLED_APPROVED` (its peer installed the proposal's package and its org approved the definition)
 *   or `FAILED` with a reason: once per org; a FAILED step makes the proposal FAILED, never "done";
 * - `COMMITTED`: once per proposal, by an org that has recorded its own approval; it also writes the
 *   package record of the committed definition (the key RecordChaincodePackage uses), with where the
 *   package is fetched, so a joining org's bootstrap catches up chaincodes deployed by proposal.
 * The proposal is APPLYING from its approval on; it is APPLIED once the commit and every channel org's
 * approval are recorded (deploymentOrgs).
 */
export async function recordDeploymentStep(ctx: Context, proposalId: string, stepJson: string): Promise<string> {
  const tx = txContext(ctx);
  const caller = await authorize(tx, 'active-admin');
  const proposal = await requireProposal(tx, assertProposalId(proposalId));
  if (proposal.type !== 'DEPLOY_CHAINCODE') {
    throw new OpsError('INVALID_ARGUMENT', `${proposal.id} is ${proposal.type}, not DEPLOY_CHAINCODE`);
  }
  const payload = proposal.payload as DeployChaincodePayload;
  const input = parseDeploymentStepInput(parseJsonArgument('step', stepJson), payload);
  if (proposal.status !== 'APPROVED' && proposal.status !== 'APPLYING') {
    throw new OpsError('INVALID_STATUS_TRANSITION', `${proposal.id} is ${proposal.status}; deployment steps are recorded while APPROVED or APPLYING`);
  }
  const kind = input.status === 'COMMITTED' ? 'COMMIT' : 'ORG';
  const { orgSteps, commits } = await readSteps(tx, proposal.id, kind, caller.mspId);
  assertMayRecord(orgSteps, commits, kind, caller.mspId, proposal.id);

  const step: DeploymentStep = { ...input, proposalId: proposal.id, kind, mspId: caller.mspId, recordedAt: tx.nowIso, txId: tx.txId };
  await putDeploymentStep(tx, step);
  if (kind === 'COMMIT') {
    await recordPackage(tx, proposal, payload, caller.mspId);
  }
  // a transaction does not read its own writes: the new step is added by hand
  const steps = [...(orgSteps ?? []), ...commits, step];
  const complete = orgSteps !== undefined && step.status !== 'FAILED' && deploymentComplete(deploymentOrgs(await listMembers(tx), payload.channel), steps);
  const { after, path, event } = nextStatus(proposal, step, complete, tx);
  if (path.length > 0) {
    await saveProposal(tx, proposal, after, path, after.statusReason);
  }
  emitEvent(tx, { name: event, proposalId: proposal.id, mspId: caller.mspId, status: event === EventNames.DeploymentStepRecorded ? step.status : after.status, channel: payload.channel, chaincode: payload.name, sequence: payload.sequence });
  return canonicalJson(step);
}

/**
 * What the step needs to read, and no more: the org's own step (a point read) and the commit (a range
 * over at most one key). Every org step is range-read only once there is a commit, to decide APPLIED:
 * before the commit, org steps of different orgs in one block never conflict; after it, a late one may
 * conflict with another and is retried as a new transaction (MVCC classification).
 */
async function readSteps(tx: TxContext, proposalId: string, kind: 'ORG' | 'COMMIT', mspId: string) {
  const commits = await listDeploymentSteps(tx, proposalId, 'COMMIT');
  const own = await getDeploymentStep(tx, proposalId, 'ORG', mspId);
  const orgSteps = kind === 'COMMIT' || commits.length > 0 ? await listDeploymentSteps(tx, proposalId, 'ORG') : undefined;
  return { own, commits, orgSteps: orgSteps ?? (own ? [own] : undefined) };
}

function assertMayRecord(orgSteps: readonly DeploymentStep[] | undefined, commits: readonly DeploymentStep[], kind: 'ORG' | 'COMMIT', mspId: string, proposalId: string): void {
  const own = orgSteps?.find((s) => s.mspId === mspId);
  if (kind === 'ORG') {
    if (own) throw new OpsError('STEP_EXISTS', `${mspId} already recorded ${own.status} for ${proposalId}`);
    return;
  }
  if (commits.length > 0) throw new OpsError('STEP_EXISTS', `${commits[0].mspId} already recorded the commit of ${proposalId}`);
  if (own?.status !== 'INSTALLED_APPROVED') {
    throw new OpsError('INVALID_STATUS_TRANSITION', `${mspId} records the commit of ${proposalId} only after recording its own approval`);
  }
}

/** Where the proposal goes after `step`, and the one event that says so. */
function nextStatus(proposal: Proposal, step: DeploymentStep, complete: boolean, tx: TxContext) {
  const path: ProposalStatus[] = [];
  let after = proposal;
  let event: EventName = EventNames.DeploymentStepRecorded;
  const move = (to: ProposalStatus, reason?: string) => {
    after = transitionProposal(after, to, { nowIso: tx.nowIso, txId: tx.txId, ...(reason ? { reason } : {}) });
    path.push(to);
  };
  // approval moves a deployment to APPLYING at once (settleProposal); this covers a proposal approved before that rule
  if (after.status === 'APPROVED') move('APPLYING', `first deployment step, by ${step.mspId}`);
  if (step.status === 'FAILED') {
    move('FAILED', `${step.mspId}: ${step.reason}`);
    event = EventNames.ProposalFailed;
  } else if (complete) {
    move('APPLIED');
    event = EventNames.ProposalApplied;
  }
  return { after, path, event };
}

/**
 * Writes the committed definition's package record, unless it is there; a different one is noted, not
 * fatal (Fabric has committed). The record also says where the package is fetched (the proposal, and its
 * packageUrl if any), so any member's api-server can fetch it for a joining org; both come from the
 * stored proposal, so every endorser writes the same record.
 */
async function recordPackage(tx: TxContext, proposal: Proposal, payload: DeployChaincodePayload, mspId: string): Promise<void> {
  const input = { channel: payload.channel, name: payload.name, version: payload.version, sequence: payload.sequence, packageId: payload.packageId, sha256: payload.sha256, label: payload.label };
  const existing = await getPackageRecord(tx, input.channel, input.name, input.sequence);
  if (!existing) {
    const sources = { proposalId: proposal.id, ...(payload.packageUrl !== undefined ? { packageUrl: payload.packageUrl } : {}) };
    const record: ChaincodePackageRecord = { ...input, recordedBy: mspId, recordedAt: tx.nowIso, txId: tx.txId, ...sources };
    await putPackageRecord(tx, record);
  } else if (!samePackageRecord(existing, input)) {
    await addHistory(tx, { subjectKind: 'proposal', subjectId: proposal.id, action: 'package-record-conflict', detail: `sequence ${input.sequence} is recorded with ${existing.packageId}` });
  }
}
