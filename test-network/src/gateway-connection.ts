import * as grpc from '@grpc/grpc-js';
import { connect, Gateway, hash, signers } from '@hyperledger/fabric-gateway';
import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An enrolled identity on disk: an MSP folder with signcerts/ and keystore/. */
export interface MspIdentity {
  mspId: string;
  mspDir: string;
}

export function readIdentity(identity: MspIdentity): { certificate: Buffer; privateKeyPem: Buffer } {
  const [key] = readdirSync(join(identity.mspDir, 'keystore'));
  return {
    certificate: readFileSync(join(identity.mspDir, 'signcerts', 'cert.pem')),
    privateKeyPem: readFileSync(join(identity.mspDir, 'keystore', key)),
  };
}

/** Connects a fabric-gateway client to a peer over TLS as the given identity. The caller closes gateway and client. */
export function connectGateway(peerEndpoint: string, tlsRootCert: Buffer, identity: MspIdentity): { gateway: Gateway; client: grpc.Client } {
  const { certificate, privateKeyPem } = readIdentity(identity);
  // Name the peer `localhost` (its TLS certificate carries both 127.0.0.1 and localhost): TLS server names must not
  // be IP addresses (RFC 6066), and Node warns on every connection otherwise.
  const client = new grpc.Client(peerEndpoint, grpc.credentials.createSsl(tlsRootCert), { 'grpc.ssl_target_name_override': 'localhost' });
  const gateway = connect({
    client,
    identity: { mspId: identity.mspId, credentials: certificate },
    signer: signers.newPrivateKeySigner(createPrivateKey(privateKeyPem)),
    hash: hash.sha256,
    evaluateOptions: () => ({ deadline: Date.now() + 10_000 }),
    endorseOptions: () => ({ deadline: Date.now() + 30_000 }),
    submitOptions: () => ({ deadline: Date.now() + 10_000 }),
    commitStatusOptions: () => ({ deadline: Date.now() + 60_000 }),
  });
  return { gateway, client };
}
