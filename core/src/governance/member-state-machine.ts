import { OpsError } from '../errors';
import type { MemberStatus } from './member';

/**
 * Every allowed member status change. Anything not listed is refused.
 * - PROPOSED → APPROVED when its ADD_ORG is approved, → REJECTED when it is rejected, withdrawn, expired or dropped.
 * - APPROVED → ACTIVE only by the org's own ActivateMember; → REMOVED if it never makes it.
 * - ACTIVE ⇄ SUSPENDED by SUSPEND_ORG / REINSTATE_ORG; either → REMOVED by REMOVE_ORG.
 * - REJECTED → PROPOSED when the org applies again with a new invitation.
 * - REMOVED is final: its MSP ID is retired, so certificates of a removed org can never come back under it.
 */
export const MEMBER_TRANSITIONS: Readonly<Record<MemberStatus, readonly MemberStatus[]>> = Object.freeze({
  PROPOSED: ['APPROVED', 'REJECTED'],
  APPROVED: ['ACTIVE', 'REMOVED'],
  ACTIVE: ['SUSPENDED', 'REMOVED'],
  SUSPENDED: ['ACTIVE', 'REMOVED'],
  REJECTED: ['PROPOSED'],
  REMOVED: [],
});

/** True when a member may move from `from` to `to`. */
export function canTransitionMember(from: MemberStatus, to: MemberStatus): boolean {
  return MEMBER_TRANSITIONS[from]?.includes(to) ?? false;
}

/** Throws INVALID_STATUS_TRANSITION unless the member may move from `from` to `to`. */
export function assertMemberTransition(from: MemberStatus, to: MemberStatus, mspId = 'member'): void {
  if (!canTransitionMember(from, to)) {
    throw new OpsError('INVALID_STATUS_TRANSITION', `${mspId} cannot go from ${from} to ${to}`);
  }
}
