import type { Member } from './member';
import { assertMemberTransition, canTransitionMember } from './member-state-machine';
import type { MemberChange } from './proposal-effects';

/**
 * Applies `change` to `member`. A status change goes through the transition table; with `strict`
 * false, a change the table refuses is skipped (undefined is returned) — used when an approved
 * proposal finishes applying after its subject moved on, where failing the whole transaction would
 * strand the proposal.
 */
export function applyMemberChange(member: Member, change: MemberChange, nowIso: string, txId: string, reason: string, strict = true): Member | undefined {
  if (change.status !== undefined && change.status !== member.status) {
    if (!strict && !canTransitionMember(member.status, change.status)) {
      return undefined;
    }
    assertMemberTransition(member.status, change.status, member.mspId);
  }
  return {
    ...member,
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.msp !== undefined ? { msp: change.msp } : {}),
    ...(change.channels !== undefined ? { channels: change.channels } : {}),
    ...(change.addChannel !== undefined && !member.channels.includes(change.addChannel) ? { channels: [...member.channels, change.addChannel] } : {}),
    ...(change.removeChannel !== undefined ? { channels: member.channels.filter((c) => c !== change.removeChannel) } : {}),
    statusReason: reason,
    updatedAt: nowIso,
    updatedTxId: txId,
  };
}
