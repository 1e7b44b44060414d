import { connect, hash, type Gateway } from '@hyperledger/fabric-gateway';
import { newGrpcClient, type GrpcEndpoint } from './grpc-endpoint';
import type { SigningIdentity } from './signing-identity';

/** A gateway to one of the org's own peers, and the way to close it. */
export interface GatewayConnection {
  gateway: Gateway;
  close(): void;
}

/** Deadlines per gateway call, in milliseconds. */
export interface GatewayDeadlines {
  evaluateMs: number;
  endorseMs: number;
  submitMs: number;
  /** Waiting for the block that holds the transaction; on expiry, check the same transaction again. */
  commitStatusMs: number;
}

const DEFAULT_DEADLINES: GatewayDeadlines = { evaluateMs: 10_000, endorseMs: 30_000, submitMs: 10_000, commitStatusMs: 60_000 };

/** Connects fabric-gateway to the peer as the identity; the gateway signs with the same key as the admin calls. */
export function connectGateway(endpoint: GrpcEndpoint, identity: SigningIdentity, deadlines: Partial<GatewayDeadlines> = {}): GatewayConnection {
  const limits = { ...DEFAULT_DEADLINES, ...deadlines };
  const client = newGrpcClient(endpoint);
  const within = (ms: number) => () => ({ deadline: Date.now() + ms });
  const gateway = connect({
    client,
    identity: identity.gatewayIdentity,
    signer: identity.digestSigner,
    hash: hash.sha256,
    evaluateOptions: within(limits.evaluateMs),
    endorseOptions: within(limits.endorseMs),
    submitOptions: within(limits.submitMs),
    commitStatusOptions: within(limits.commitStatusMs),
  });
  return {
    gateway,
    close: () => {
      gateway.close();
      client.close();
    },
  };
}
