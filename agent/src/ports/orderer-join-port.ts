/**
 * This org's orderer, through its channel participation API (and Deliver for block 0): joining the
 * channels a CREATE_CHANNEL or an ADD_CONSENTER made this org a consenter of, and leaving those a
 * REMOVE_CONSENTER took it out of.
 */
export interface OrdererJoinPort {
  /** How the orderer takes part in `channel`, or undefined when it has not joined it. */
  channelStatus(channel: string): Promise<{ consensusRelation: string; status: string } | undefined>;
  /** Joins the orderer with a genesis block. Idempotent (`alreadyJoined`). */
  join(genesisBlock: Uint8Array): Promise<{ alreadyJoined: boolean }>;
  /** Block 0 of a channel the orderer serves, to compare with the block this org would join with. */
  genesisBlock(channel: string): Promise<Uint8Array>;
  /** Takes the orderer off a channel it is no longer a consenter of. Idempotent (`alreadyLeft`). */
  leave(channel: string): Promise<{ alreadyLeft: boolean }>;
}
