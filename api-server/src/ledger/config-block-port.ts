/** What a joining org's agent needs to start its nodes on the ops channel. */
export interface ChannelBootstrap {
  channel: string;
  /** Number of the latest config block. */
  blockNumber: number;
  /** The latest config block (`common.Block`), base64. */
  configBlock: string;
  /** Orderer endpoints (`host:port`) per orderer org, from the channel config. */
  orderers: { mspId: string; endpoints: string[] }[];
  /** TLS root (and intermediate) certificates, PEM, per org of the channel. */
  tlsRootCerts: Record<string, string[]>;
}

/** Reads the ops channel's latest config block from this org's own peer. */
export interface ConfigBlockPort {
  latestConfigBlock(): Promise<ChannelBootstrap>;
}
