import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import { connect, hash, signers, type Gateway } from '@hyperledger/fabric-gateway';
import type { Config } from '../config';

// Deadlines per gateway call. A commit status waits for the block, so it gets the longest one; when it
// expires, submit-with-retry checks the same transaction again rather than submitting a new one.
const EVALUATE_MS = 5_000;
const ENDORSE_MS = 15_000;
const SUBMIT_MS = 5_000;
const COMMIT_STATUS_MS = 30_000;

/** An open gateway to this org's own peer, with the identity it signs with. */
export interface GatewayConnection {
  gateway: Gateway;
  mspId: string;
  certPem: string;
  close(): void;
}

/** Connects to the org's peer over TLS with the org admin identity read from the configured files. */
export async function connectGateway(config: Config): Promise<GatewayConnection> {
  const [tlsRootCert, certPem, keyPem] = await Promise.all([
    readFile(config.peerTlsCaFile),
    readFile(config.identityCertFile, 'utf8'),
    readFile(config.identityKeyFile),
  ]);
  const options: grpc.ClientOptions = config.peerHostAlias ? { 'grpc.ssl_target_name_override': config.peerHostAlias } : {};
  const client = new grpc.Client(config.peerEndpoint, grpc.credentials.createSsl(tlsRootCert), options);
  const deadline = (ms: number) => () => ({ deadline: Date.now() + ms });
  const gateway = connect({
    client,
    identity: { mspId: config.orgMspId, credentials: Buffer.from(certPem, 'utf8') },
    signer: signers.newPrivateKeySigner(createPrivateKey(keyPem)),
    hash: hash.sha256,
    evaluateOptions: deadline(EVALUATE_MS),
    endorseOptions: deadline(ENDORSE_MS),
    submitOptions: deadline(SUBMIT_MS),
    commitStatusOptions: deadline(COMMIT_STATUS_MS),
  });
  return {
    gateway,
    mspId: config.orgMspId,
    certPem,
    close: () => {
      gateway.close();
      client.close();
    },
  };
}
