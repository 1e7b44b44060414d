import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { SNAPSHOT_STATUSES, type Member, type MemberStatus } from './member';

/**
 * The membership snapshot: the orgs that are in the consortium's channels (APPROVED, ACTIVE or
 * SUSPENDED), with a version and a digest. The version is a counter in one `meta~membership-version`
 * record that only membership-changing transactions write; those transactions all read it, so they are
 * serialised by MVCC, which is exactly the order governance needs anyway. The digest lets an org prove
 * which membership it acknowledged (ActivateMember).
 */
export interface MembershipSnapshot {
  version: number;
  digest: string;
  members: { mspId: string; status: MemberStatus }[];
}

/** The stored version record. */
export interface MembershipVersion {
  version: number;
  updatedAt: string;
  txId: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** True when `status` puts an org in the snapshot. */
export function inSnapshot(status: MemberStatus): boolean {
  return SNAPSHOT_STATUSES.includes(status);
}

/** Builds the snapshot of `members` at `version`. */
export function membershipSnapshot(version: number, members: readonly Member[]): MembershipSnapshot {
  const included = members.filter((m) => inSnapshot(m.status)).sort((a, b) => (a.mspId < b.mspId ? -1 : a.mspId > b.mspId ? 1 : 0));
  const digest = sha256(canonicalJson(included.map((m) => ({ mspId: m.mspId, status: m.status, msp: sha256(canonicalJson(m.msp)) }))));
  return { version, digest, members: included.map((m) => ({ mspId: m.mspId, status: m.status })) };
}

/**
 * True when changing a member from `before` to `after` changes the snapshot: an org enters, leaves or
 * changes status inside it, or its MSP changes. PROPOSED and REJECTED applicants never do.
 */
export function changesSnapshot(before: Member | undefined, after: Member): boolean {
  const was = before !== undefined && inSnapshot(before.status);
  const is = inSnapshot(after.status);
  if (!was && !is) return false;
  return was !== is || before?.status !== after.status || canonicalJson(before?.msp) !== canonicalJson(after.msp);
}
