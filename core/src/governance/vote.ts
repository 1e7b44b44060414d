/** A vote decision, as passed to CastVote. */
export const VoteDecisions = ['approve', 'reject'] as const;
export type VoteDecision = (typeof VoteDecisions)[number];

/** One org's vote on one proposal, stored under its own `vote~proposalId~mspId` key. */
export interface Vote {
  proposalId: string;
  mspId: string;
  decision: VoteDecision;
  reason: string;
  /** The voting identity (`x509::subject::issuer`), for the audit trail. */
  voter: string;
  castAt: string;
  txId: string;
}

/**
 * "This org received the same join request": stored under `attestation~proposalId~mspId`, one per org.
 * `RELAY` is the org whose api-server submitted the request; `ATTEST` is any other org that compared digests.
 */
export interface Attestation {
  proposalId: string;
  mspId: string;
  kind: 'RELAY' | 'ATTEST';
  digest: string;
  invitationId: string;
  at: string;
  txId: string;
}

/**
 * "This org received a different join request": evidence that the MSP was substituted on the way.
 * Stored under `mismatch~proposalId~mspId~txId` so that it can never overwrite an attestation.
 */
export interface AttestationMismatch {
  proposalId: string;
  mspId: string;
  expectedDigest: string;
  receivedDigest: string;
  invitationId: string;
  at: string;
  txId: string;
}
