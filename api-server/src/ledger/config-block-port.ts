/** Endpoints (`host:port`) of one org's nodes, as a channel config lists them. */
export interface OrgEndpoints {
  mspId: string;
  endpoints: string[];
}

/** What a joining org's agent needs to reach one channel's members. */
export interface ChannelEndpoints {
  channel: string;
  /** Number of the latest config block. */
  blockNumber: number;
  /** Orderer endpoints per orderer org, from the channel config. */
  orderers: OrgEndpoints[];
  /** Anchor peers per application org, from the channel config: where to evaluate and endorse. */
  peers: OrgEndpoints[];
  /** TLS root (and intermediate) certificates, PEM, per org of the channel. */
  tlsRootCerts: Record<string, string[]>;
}

/** What a joining org's agent needs to start its nodes on the ops channel, with the config block itself. */
export interface ChannelBootstrap extends ChannelEndpoints {
  /** The latest config block (`common.Block`), base64. */
  configBlock: string;
}

/** Reads a channel's latest config block from this org's own peer. */
export interface ConfigBlockPort {
  /** The ops channel's when `channel` is absent. */
  latestConfigBlock(channel?: string): Promise<ChannelBootstrap>;
}
