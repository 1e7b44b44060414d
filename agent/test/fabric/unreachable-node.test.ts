import { createServer } from 'node:net';
import { connectOrdererAdmin, connectPeerAdmin, FabricAdminError, newSigningIdentity, type SigningIdentity } from '../../src/fabric';
import { generateKeyPair } from './support/test-identity';

/** A port nothing listens on: bound once to learn a free number, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a node that cannot be reached', () => {
  let identity: SigningIdentity;
  let tlsRootCert: Buffer;
  beforeAll(async () => {
    const keys = await generateKeyPair();
    identity = newSigningIdentity('Org1MSP', keys.certificatePem, keys.privateKeyPem);
    tlsRootCert = Buffer.from(keys.certificatePem);
  });

  it('fails a peer call with NODE_UNAVAILABLE, which an executor may retry unchanged', async () => {
    const peer = connectPeerAdmin({ endpoint: { address: `127.0.0.1:${await closedPort()}`, tlsRootCert }, identity, timeoutMs: 5_000 });
    try {
      const failure = await peer.listChannels().catch((err: unknown) => err);

      expect(failure).toBeInstanceOf(FabricAdminError);
      expect(failure).toMatchObject({ code: 'NODE_UNAVAILABLE', status: 'UNAVAILABLE', retryable: true });
    } finally {
      peer.close();
    }
  });

  it('fails a block fetch from an orderer with NODE_UNAVAILABLE, which an executor may retry unchanged', async () => {
    const orderer = connectOrdererAdmin({ endpoint: { address: `127.0.0.1:${await closedPort()}`, tlsRootCert }, identity, timeoutMs: 5_000 });
    try {
      await expect(orderer.fetchLatestConfigBlock('ops-channel')).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE', retryable: true });
    } finally {
      orderer.close();
    }
  });
});
