import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { NodeEndpoints, OrdererEndpoint } from '@opssc/core';

/**
 * Reads the nodes file: `{peers, anchorPeers, orderers}` as in a join request. For convenience an
 * orderer's `serverTlsCert` / `clientTlsCert` may be a path (relative to the nodes file) instead of PEM.
 */
export async function readNodesFile(path: string): Promise<NodeEndpoints> {
  const nodes = JSON.parse(await readFile(path, 'utf8')) as Partial<NodeEndpoints>;
  const base = dirname(resolve(path));
  const pemOrFile = async (value: string): Promise<string> =>
    value.includes('-----BEGIN') ? value : readFile(resolve(base, value), 'utf8');
  const orderers: OrdererEndpoint[] = [];
  for (const orderer of nodes.orderers ?? []) {
    orderers.push({
      ...orderer,
      serverTlsCert: await pemOrFile(orderer.serverTlsCert),
      clientTlsCert: await pemOrFile(orderer.clientTlsCert),
    });
  }
  return { peers: nodes.peers ?? [], anchorPeers: nodes.anchorPeers ?? [], orderers };
}
