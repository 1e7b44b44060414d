import { OpsError, type Member, type NodeRole } from '@opssc/core';
import { requireConsortium } from '../ledger/consortium-store';
import { getMember } from '../ledger/member-store';
import { callerRole } from './caller-role';
import type { TxContext } from './tx-context';

/**
 * Who may call what. Every transaction names one rule and calls {@link authorize} first; there is no
 * other permission check in the chaincode.
 * - `active-admin`: an admin of an ACTIVE member (most writes).
 * - `member-admin`: an admin of an org with a member record in any status (ActivateMember, which the
 *   org sends while APPROVED; WithdrawProposal, whose proposer may be a joining org). The transaction
 *   then checks the status it needs.
 * - `member-reader`: an admin or client of an org with a member record (queries; api-servers read with either).
 */
export type AccessRule = 'active-admin' | 'member-admin' | 'member-reader';

/** The authorised caller. */
export interface Caller {
  mspId: string;
  role: NodeRole;
  member: Member;
}

/**
 * Checks the caller against `rule` and returns it. Refusals, in this order: NOT_INITIALIZED,
 * NOT_A_MEMBER (no member record for the caller's MSP), NOT_AN_ADMIN (for writes) or FORBIDDEN
 * (a peer or orderer identity reading), MEMBER_NOT_ACTIVE.
 */
export async function authorize(tx: TxContext, rule: AccessRule): Promise<Caller> {
  await requireConsortium(tx);
  const member = await getMember(tx, tx.callerMspId);
  if (!member) {
    throw new OpsError('NOT_A_MEMBER', `${tx.callerMspId} is not a member of the consortium`);
  }
  const role = callerRole(tx, member.msp);
  if (rule === 'member-reader') {
    if (role !== 'admin' && role !== 'client') {
      throw new OpsError('FORBIDDEN', `a ${role} identity of ${tx.callerMspId} may not query the consortium`);
    }
    return { mspId: member.mspId, role, member };
  }
  if (role !== 'admin') {
    throw new OpsError('NOT_AN_ADMIN', `${tx.callerMspId} ${role} identities cannot submit governance transactions`);
  }
  if (rule === 'active-admin' && member.status !== 'ACTIVE') {
    throw new OpsError('MEMBER_NOT_ACTIVE', `${tx.callerMspId} is ${member.status}`);
  }
  return { mspId: member.mspId, role, member };
}
