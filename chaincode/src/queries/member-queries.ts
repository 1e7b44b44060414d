import { assertMspId, canonicalJson, isMemberStatus, membershipSnapshot, OpsError } from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { txContext } from '../context/tx-context';
import { getMembershipVersion, getVotingPolicy } from '../ledger/consortium-store';
import { listHistory } from '../ledger/history-store';
import { listMembers, requireMember } from '../ledger/member-store';

/** One member record with its history. */
export async function getMemberQuery(ctx: Context, mspId: string): Promise<string> {
  const tx = txContext(ctx);
  await authorize(tx, 'member-reader');
  const member = await requireMember(tx, assertMspId(mspId));
  return canonicalJson({ ...member, history: await listHistory(tx, 'member', member.mspId) });
}

/** Every member record, optionally only those with `status` ("" for all). */
export async function listMembersQuery(ctx: Context, status: string): Promise<string> {
  const tx = txContext(ctx);
  await authorize(tx, 'member-reader');
  if (status !== '' && !isMemberStatus(status)) {
    throw new OpsError('INVALID_ARGUMENT', `status must be empty or a member status, got ${status}`);
  }
  const members = await listMembers(tx);
  return canonicalJson(status === '' ? members : members.filter((m) => m.status === status));
}

/** The membership snapshot: version, digest and the orgs in the channels with their statuses. */
export async function getMembershipSnapshotQuery(ctx: Context): Promise<string> {
  const tx = txContext(ctx);
  await authorize(tx, 'member-reader');
  return canonicalJson(membershipSnapshot(await getMembershipVersion(tx), await listMembers(tx)));
}

/** The voting policy in force. */
export async function getVotingPolicyQuery(ctx: Context): Promise<string> {
  const tx = txContext(ctx);
  await authorize(tx, 'member-reader');
  return canonicalJson(await getVotingPolicy(tx));
}
