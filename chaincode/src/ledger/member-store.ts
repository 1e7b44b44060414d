import { changesSnapshot, Keys, OpsError, type Member } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { bumpMembershipVersion } from './consortium-store';
import { addHistory } from './history-store';
import { getJson, listJson, putJson } from './state';

/** The member record of `mspId`, or undefined. */
export async function getMember(tx: TxContext, mspId: string): Promise<Member | undefined> {
  return getJson<Member>(tx.stub, Keys.member(mspId));
}

/** The member record of `mspId`, or MEMBER_NOT_FOUND. */
export async function requireMember(tx: TxContext, mspId: string): Promise<Member> {
  const member = await getMember(tx, mspId);
  if (!member) {
    throw new OpsError('MEMBER_NOT_FOUND', `${mspId} is not a member`);
  }
  return member;
}

/** Every member record, by MSP ID (a phantom-protected range read). */
export async function listMembers(tx: TxContext): Promise<Member[]> {
  return listJson<Member>(tx.stub, Keys.allMembers());
}

/**
 * Writes a member record, records the change in its history and, when the change alters the membership
 * snapshot, bumps the membership version. Returns the new version if it was bumped.
 */
export async function saveMember(tx: TxContext, before: Member | undefined, after: Member, action: string, detail?: string): Promise<number | undefined> {
  await putJson(tx.stub, Keys.member(after.mspId), after);
  await addHistory(tx, {
    subjectKind: 'member',
    subjectId: after.mspId,
    action,
    ...(before?.status !== after.status ? { fromStatus: before?.status, toStatus: after.status } : {}),
    ...(detail !== undefined ? { detail } : {}),
  });
  return changesSnapshot(before, after) ? bumpMembershipVersion(tx) : undefined;
}
