/**
 * The orderer's answer to a broadcast: SUCCESS (accepted for ordering, not yet committed) or its refusal
 * with Fabric's status name (`BAD_REQUEST`, `FORBIDDEN`, …) and the orderer's reason.
 */
export type BroadcastOutcome = { status: 'SUCCESS' } | { status: string; info: string };

/** Sends envelopes to this org's orderer. */
export interface BroadcasterPort {
  /**
   * Broadcasts one serialized `common.Envelope`. A refusal is returned, not thrown; a timeout, an
   * unreachable orderer or SERVICE_UNAVAILABLE throw a transient error (the envelope may or may not have
   * been ordered, so the caller checks the channel config before anything else).
   */
  broadcast(envelope: Uint8Array): Promise<BroadcastOutcome>;
}
