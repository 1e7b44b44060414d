import { Keys, OpsError, SUBJECT_HOLDING_STATUSES, type CreateChannelPayload, type DeployChaincodePayload, type KeySpec, type Proposal } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { addHistory } from './history-store';
import { deleteKey, getJson, listJson, putJson } from './state';

/** What an index entry holds: enough to filter by type without reading the proposal. */
export interface ProposalIndexEntry {
  id: string;
  type: Proposal['type'];
}

/** The proposal `id`, or undefined. */
export async function getProposal(tx: TxContext, id: string): Promise<Proposal | undefined> {
  return getJson<Proposal>(tx.stub, Keys.proposal(id));
}

/** The proposal `id`, or PROPOSAL_NOT_FOUND. */
export async function requireProposal(tx: TxContext, id: string): Promise<Proposal> {
  const proposal = await getProposal(tx, id);
  if (!proposal) {
    throw new OpsError('PROPOSAL_NOT_FOUND', `no proposal ${id}`);
  }
  return proposal;
}

/** Writes a new proposal with its time, status and subject index entries, and its first history entry. */
export async function insertProposal(tx: TxContext, proposal: Proposal): Promise<void> {
  if (await getProposal(tx, proposal.id)) {
    throw new OpsError('PROPOSAL_EXISTS', `${proposal.id} already exists`);
  }
  const entry: ProposalIndexEntry = { id: proposal.id, type: proposal.type };
  await putJson(tx.stub, Keys.proposal(proposal.id), proposal);
  await putJson(tx.stub, Keys.proposalByTime(proposal.createdAt, proposal.id), entry);
  await putJson(tx.stub, Keys.proposalByStatus(proposal.status, proposal.createdAt, proposal.id), entry);
  if (proposal.subjectMspId) {
    await putJson(tx.stub, Keys.proposalBySubject(proposal.subjectMspId, proposal.id), entry);
  }
  if (proposal.type === 'DEPLOY_CHAINCODE') {
    const { channel, name } = proposal.payload as DeployChaincodePayload;
    await putJson(tx.stub, Keys.proposalByChaincode(channel, name, proposal.id), entry);
  }
  if (proposal.type === 'CREATE_CHANNEL') {
    await putJson(tx.stub, Keys.proposalByNewChannel((proposal.payload as CreateChannelPayload).channel, proposal.id), entry);
  }
  await addHistory(tx, { subjectKind: 'proposal', subjectId: proposal.id, action: 'created', toStatus: proposal.status });
}

/**
 * Writes a proposal whose status moved from `before.status` (the committed one) through `path` to
 * `after.status`: one write of the record, the status index entry moved, one history entry per step.
 */
export async function saveProposal(tx: TxContext, before: Proposal, after: Proposal, path: Proposal['status'][], detail?: string): Promise<void> {
  await putJson(tx.stub, Keys.proposal(after.id), after);
  if (before.status !== after.status) {
    await deleteKey(tx.stub, Keys.proposalByStatus(before.status, before.createdAt, before.id));
    await putJson(tx.stub, Keys.proposalByStatus(after.status, after.createdAt, after.id), { id: after.id, type: after.type } satisfies ProposalIndexEntry);
  }
  let from = before.status;
  for (const to of path) {
    await addHistory(tx, { subjectKind: 'proposal', subjectId: after.id, action: 'status', fromStatus: from, toStatus: to, ...(detail ? { detail } : {}) });
    from = to;
  }
}

/**
 * Refuses (PROPOSAL_EXISTS) a new proposal about `mspId` while another one holds it. The subject index
 * is read with a range query, so two proposals about the same org created in one block conflict and
 * only one commits.
 */
export async function assertSubjectFree(tx: TxContext, mspId: string): Promise<void> {
  const entries = await listJson<ProposalIndexEntry>(tx.stub, Keys.proposalsAbout(mspId));
  for (const entry of entries) {
    const proposal = await getProposal(tx, entry.id);
    if (proposal && SUBJECT_HOLDING_STATUSES.includes(proposal.status)) {
      throw new OpsError('PROPOSAL_EXISTS', `${proposal.id} (${proposal.type}, ${proposal.status}) is already about ${mspId}`);
    }
  }
}

/**
 * Refuses (PROPOSAL_EXISTS) a new deployment of `name` on `channel` while another one is OPEN, APPROVED
 * or APPLYING: two live deployments would race for the same sequence. A range read, so two created in
 * one block conflict and only one commits.
 */
export async function assertDeploymentFree(tx: TxContext, channel: string, name: string): Promise<void> {
  const live = await liveProposalIn(tx, Keys.proposalsAboutChaincode(channel, name));
  if (live) throw new OpsError('PROPOSAL_EXISTS', `${live.id} (${live.status}) already deploys ${name} on ${channel}`);
}

/**
 * Refuses (PROPOSAL_EXISTS) a new CREATE_CHANNEL of `channel` while another one is OPEN, APPROVED or
 * APPLYING: two approved creations would build two different genesis blocks for one name.
 */
export async function assertChannelCreationFree(tx: TxContext, channel: string): Promise<void> {
  const live = await liveProposalIn(tx, Keys.proposalsCreatingChannel(channel));
  if (live) throw new OpsError('PROPOSAL_EXISTS', `${live.id} (${live.status}) already creates ${channel}`);
}

/** The first proposal under an index range that still holds its subject (a range read, so concurrent ones conflict). */
async function liveProposalIn(tx: TxContext, index: KeySpec): Promise<Proposal | undefined> {
  for (const entry of await listJson<ProposalIndexEntry>(tx.stub, index)) {
    const proposal = await getProposal(tx, entry.id);
    if (proposal && SUBJECT_HOLDING_STATUSES.includes(proposal.status)) return proposal;
  }
  return undefined;
}
