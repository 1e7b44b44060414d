/** One entry of a member's or a proposal's history, stored under its own `history~…` key. */
export interface HistoryEntry {
  /** What the entry is about. */
  subjectKind: 'member' | 'proposal';
  subjectId: string;
  /** A short verb such as `created`, `status`, `msp-replaced`, `metadata-updated`. */
  action: string;
  fromStatus?: string;
  toStatus?: string;
  /** The org whose transaction caused the entry. */
  actorMspId: string;
  detail?: string;
  at: string;
  txId: string;
}
