/** An orderer of another member, as its member record names it: where it is and the org's TLS roots. */
export interface MemberOrderer {
  mspId: string;
  /** `host:port`. */
  address: string;
  /** The org's TLS root (and intermediate) certificates, PEM. */
  tlsRootCerts: string[];
}

/**
 * This org's nodes joining a channel it was added to by an UPDATE_CHANNEL (ADD_ORG: its peer;
 * ADD_CONSENTER: its orderer). Its own orderer is not on that channel yet, so blocks come from other
 * members' orderers.
 */
export interface ChannelJoinPort {
  /** The channels this org's peer has joined. */
  joinedChannels(): Promise<string[]>;
  /**
   * Block 0 of `channel` from the first of `orderers` that serves it to this org; undefined when none
   * does (yet). Transport failures of every orderer throw.
   */
  fetchGenesisBlock(channel: string, orderers: readonly MemberOrderer[]): Promise<Uint8Array | undefined>;
  /** The newest config block of `channel`, the same way: what this org's orderer joins with to become a consenter of a running channel. */
  fetchLatestConfigBlock(channel: string, orderers: readonly MemberOrderer[]): Promise<Uint8Array | undefined>;
  /** Joins this org's peer with the channel's genesis block (cscc JoinChain). Idempotent. */
  joinPeer(genesisBlock: Uint8Array): Promise<{ alreadyJoined: boolean }>;
}
