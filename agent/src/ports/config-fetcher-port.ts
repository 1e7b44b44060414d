import type { common } from '@hyperledger/fabric-protos';

/** A channel's current config, as its latest config block carries it. */
export interface FetchedConfig {
  channelId: string;
  /** The number of the latest config block. */
  blockNumber: number;
  /** The config sequence; every committed config update increments it. */
  sequence: number;
  config: common.Config;
}

/** Reads the latest config block of a channel from this org's orderer. */
export interface ConfigFetcherPort {
  /**
   * The channel's latest config, or undefined when this org cannot read the channel (it is not a member
   * of it, or the orderer does not serve it). Transport failures throw a transient error.
   */
  fetchLatestConfig(channelId: string): Promise<FetchedConfig | undefined>;
}
