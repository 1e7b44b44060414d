import { canonicalJson, EventNames, OpsError, parseContactMetadata, parseJsonArgument, type Member } from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { emitEvent } from '../context/emit-event';
import { txContext } from '../context/tx-context';
import { getMembershipVersion } from '../ledger/consortium-store';
import { saveMember } from '../ledger/member-store';
import { getProposal } from '../ledger/proposal-store';

/**
 * The caller's org becomes ACTIVE. It must be APPROVED, its admission proposal (if it was admitted by
 * one) must be APPLIED — its nodes can only have joined once the channels carry its MSP — and it must
 * acknowledge the current membership version, proving it saw the membership it is joining.
 */
export async function activateMember(ctx: Context, membershipVersion: string): Promise<string> {
  const tx = txContext(ctx);
  const { member } = await authorize(tx, 'member-admin');
  if (member.status !== 'APPROVED') {
    throw new OpsError('INVALID_STATUS_TRANSITION', `${member.mspId} is ${member.status}; only an APPROVED member activates`);
  }
  if (member.admissionProposalId) {
    const admission = await getProposal(tx, member.admissionProposalId);
    if (admission?.status !== 'APPLIED') {
      throw new OpsError('INVALID_STATUS_TRANSITION', `${member.mspId} cannot activate before ${member.admissionProposalId} is APPLIED (it is ${admission?.status})`);
    }
  }
  const current = await getMembershipVersion(tx);
  if (!/^\d+$/.test(membershipVersion) || Number(membershipVersion) !== current) {
    throw new OpsError('MEMBERSHIP_VERSION_STALE', `acknowledged membership version ${membershipVersion}, current is ${current}`);
  }
  const after: Member = { ...member, status: 'ACTIVE', statusReason: 'activated by its own admin', updatedAt: tx.nowIso, updatedTxId: tx.txId };
  const version = await saveMember(tx, member, after, 'activated');
  emitEvent(tx, { name: EventNames.MemberActivated, mspId: member.mspId, status: 'ACTIVE', ...(version !== undefined ? { membershipVersion: version } : {}) });
  return canonicalJson(after);
}

/** The caller's org replaces its own contact metadata (contacts, api-server URL, description). */
export async function updateMemberMetadata(ctx: Context, metadataJson: string): Promise<string> {
  const tx = txContext(ctx);
  const { member } = await authorize(tx, 'active-admin');
  const metadata = parseContactMetadata(parseJsonArgument('metadata', metadataJson), 'metadata');
  const after: Member = { ...member, metadata, updatedAt: tx.nowIso, updatedTxId: tx.txId };
  await saveMember(tx, member, after, 'metadata-updated');
  emitEvent(tx, { name: EventNames.MemberMetadataUpdated, mspId: member.mspId, status: member.status });
  return canonicalJson(after);
}
