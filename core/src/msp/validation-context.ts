import type { MspDefinition } from './types';

/** What the validator needs besides the request itself. Everything is passed in, so the result is deterministic. */
export interface MspValidationContext {
  /** The transaction timestamp; never the wall clock. */
  now: Date;
  /** Certificates must stay valid at least this long after `now`. */
  minRemainingLifetimeSeconds: number;
  /** Current members, whose MSP IDs and root CAs a newcomer must not reuse. */
  existingMembers: { mspId: string; msp: MspDefinition }[];
}
