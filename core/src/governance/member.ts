import type { ContactMetadata, MspDefinition, NodeEndpoints } from '../msp/types';

/**
 * A member's lifecycle: `PROPOSED → APPROVED → ACTIVE ⇄ SUSPENDED → REMOVED`, and `PROPOSED → REJECTED`.
 * See member-state-machine.ts for the exact table.
 */
export const MemberStatuses = ['PROPOSED', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'REMOVED', 'REJECTED'] as const;
export type MemberStatus = (typeof MemberStatuses)[number];

/** True when `value` is a member status. */
export function isMemberStatus(value: unknown): value is MemberStatus {
  return typeof value === 'string' && (MemberStatuses as readonly string[]).includes(value);
}

/** Statuses of the orgs that are in the consortium's channels, and so in the membership snapshot. */
export const SNAPSHOT_STATUSES: readonly MemberStatus[] = ['APPROVED', 'ACTIVE', 'SUSPENDED'];

/** One organization, as stored under `member~mspId`. */
export interface Member {
  mspId: string;
  msp: MspDefinition;
  nodes: NodeEndpoints;
  metadata: ContactMetadata;
  /** Channels the org is (or will be) a member of, ops channel first. REMOVE_ORG and UPDATE_ORG_MSP default to them. */
  channels: string[];
  status: MemberStatus;
  /** Registered by InitConsortium rather than admitted by a proposal. */
  founding: boolean;
  /** The ADD_ORG proposal that admitted the org; it must be APPLIED before the org can activate. */
  admissionProposalId?: string;
  /** Why the status last changed (for example the proposal that caused it). */
  statusReason?: string;
  createdAt: string;
  updatedAt: string;
  updatedTxId: string;
}
