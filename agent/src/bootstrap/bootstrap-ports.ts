import type { ChaincodeDefinition, CommittedChaincode } from '../fabric';

/**
 * The bootstrap's ports. The bootstrap talks to four parties: one member's api-server (with the
 * invitation token: where it stands, where the members' nodes are, the package files), the members'
 * nodes (with this org's own identity, once the channel configs include it: blocks, and consortium_ops
 * on a member's peer), this org's own peer and this org's own orderer. Production adapters are in
 * ./adapters; tests wire fakes.
 */

/** Where one channel of a join proposal stands: its newest apply attempt. */
export interface JoinTaskView {
  channel: string;
  attempt: number;
  /** `PENDING`, `COMMITTED` (the channel config now includes the org), `FAILED` or `STALE`. */
  status: string;
  blockNumber?: number;
}

/** A join request as its token holder sees it (`GET /api/v1/join-requests/:id`). */
export interface JoinStatusView {
  proposalId: string;
  /** The proposal status: OPEN, APPROVED, APPLYING, APPLIED, FAILED, REJECTED, ... */
  status: string;
  memberStatus?: string;
  /** The channels the proposal adds the org to, ops channel first. */
  channels: string[];
  tasks: JoinTaskView[];
}

/** Endpoints (`host:port`) of one org's nodes. */
export interface OrgEndpoints {
  mspId: string;
  endpoints: string[];
}

/** Where one channel's members are: orderers, anchor peers and every org's TLS roots (PEM). */
export interface ChannelEndpoints {
  channel: string;
  orderers: OrgEndpoints[];
  peers: OrgEndpoints[];
  tlsRootCerts: Record<string, string[]>;
}

/** The bootstrap material of `GET /api/v1/join-requests/:id/bootstrap`, per channel (ops channel first). */
export interface BootstrapMaterial {
  channels: ChannelEndpoints[];
}

/** One member's api-server, called with the invitation token. */
export interface JoinApiPort {
  /** The token holder's own join requests (none before the token is used). */
  listJoinRequests(): Promise<JoinStatusView[]>;
  getJoinRequest(proposalId: string): Promise<JoinStatusView>;
  /** Available once the org is APPROVED. */
  getBootstrap(proposalId: string): Promise<BootstrapMaterial>;
  /** The package file's bytes, unverified: the caller checks them against the on-chain record. */
  downloadPackage(packageId: string): Promise<Uint8Array>;
}

/** A block as an orderer delivered it. */
export interface BlockBytes {
  number: number;
  bytes: Uint8Array;
}

/** The members' nodes, reached with this org's own identity. */
export interface MemberNetwork {
  /** A channel's latest config block from a member orderer, or undefined when this org cannot read the channel yet. */
  fetchLatestConfigBlock(channel: string): Promise<BlockBytes | undefined>;
  /** One block of a channel from a member orderer. */
  fetchBlock(channel: string, number: number): Promise<BlockBytes>;
  /** A member orderer's height on the channel (its newest block number + 1). */
  ordererHeight(channel: string): Promise<number>;
  /** Evaluates a consortium_ops query on a member's peer; returns its JSON text. Chaincode refusals keep their `CODE: ` in the message. */
  evaluate(transaction: string, ...args: string[]): Promise<string>;
  /** Submits a consortium_ops transaction through a member's gateway and waits until it commits VALID; returns its JSON text. */
  submit(transaction: string, ...args: string[]): Promise<string>;
  close(): void;
}

/** Opens a {@link MemberNetwork} on the endpoints of the bootstrap material. */
export interface MemberNetworkFactory {
  open(material: BootstrapMaterial): MemberNetwork;
}

/** One channel as this org's orderer serves it (channel participation API). */
export interface OrdererChannelView {
  /** `consenter` or `follower`. */
  consensusRelation: string;
  /** `onboarding`, `active`, ... */
  status: string;
  height: number;
}

/** This org's own orderer. */
export interface OwnOrdererPort {
  getChannel(channel: string): Promise<OrdererChannelView | undefined>;
  /** Joins with a config block; idempotent (`alreadyJoined`). */
  join(configBlock: Uint8Array): Promise<{ alreadyJoined: boolean; channel: OrdererChannelView }>;
}

/** This org's own peer, as the org admin. */
export interface OwnPeerPort {
  listChannels(): Promise<string[]>;
  /** Joins with the channel's genesis block; idempotent (`alreadyJoined`). */
  joinChannel(genesisBlock: Uint8Array): Promise<{ alreadyJoined: boolean }>;
  /**
   * The peer's ledger height on the channel, or undefined while the peer refuses to tell this org: it
   * checks the channel's Readers policy against the config it has processed so far, which admits this
   * org only once the peer has caught up to the config block that added it.
   */
  height(channel: string): Promise<number | undefined>;
  /** The definitions committed on the channel, as this peer's ledger holds them. */
  queryCommitted(channel: string): Promise<CommittedChaincode[]>;
  /** Package ids installed on the peer. */
  installedPackageIds(): Promise<string[]>;
  /** Installs a package; idempotent (`alreadyInstalled`). Returns the package id the peer computed. */
  install(packageBytes: Uint8Array): Promise<{ packageId: string; alreadyInstalled: boolean }>;
  /** Approves the definition for this org with its package; idempotent (`ALREADY_DONE`). */
  approve(definition: ChaincodeDefinition, packageId: string): Promise<{ status: 'DONE' | 'ALREADY_DONE' }>;
}
