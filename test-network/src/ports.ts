import { createServer } from 'node:net';

/** Every port one org's nodes use. All listen on 127.0.0.1. */
export interface OrgPorts {
  ca: number;
  caOperations: number;
  orderer: number;
  ordererAdmin: number;
  ordererOperations: number;
  peer: number;
  peerChaincode: number;
  peerOperations: number;
  apiServer: number;
  agentStatus: number;
}

/** Ports per org; org N (1-based) uses basePort + (N-1) * PORTS_PER_ORG onwards. */
export const PORTS_PER_ORG = 10;

/** Lays out an org's ports from the network's base port. Deterministic, so every tool can recompute them. */
export function orgPorts(basePort: number, orgIndex: number): OrgPorts {
  const first = basePort + (orgIndex - 1) * PORTS_PER_ORG;
  return {
    ca: first,
    caOperations: first + 1,
    orderer: first + 2,
    ordererAdmin: first + 3,
    ordererOperations: first + 4,
    peer: first + 5,
    peerChaincode: first + 6,
    peerOperations: first + 7,
    apiServer: first + 8,
    agentStatus: first + 9,
  };
}

/** Resolves when 127.0.0.1:port can be bound, rejects with an error naming the port otherwise. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(`port ${port} on 127.0.0.1 is already in use (${err.code}); choose another --base-port`));
    });
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve()));
  });
}

/** Checks every port of every org before anything starts, so a clash never leaves a half-started network. */
export async function assertPortsFree(ports: OrgPorts[]): Promise<void> {
  for (const org of ports) {
    for (const port of Object.values(org)) {
      await assertPortFree(port);
    }
  }
}
