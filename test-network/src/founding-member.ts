import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MspDefinition, NodeEndpoints, readMspFolder } from '@opssc/core';
import { OrgHandle } from './network-state';

/** What InitConsortium records for one founding org of the local network. */
export interface FoundingMember {
  mspId: string;
  msp: MspDefinition;
  nodes: NodeEndpoints;
  metadata: { organizationName: string; apiUrl?: string };
}

/** The org's MSP definition and node endpoints, read from what the network enrolled. */
export function foundingMember(org: OrgHandle, apiUrl?: string): FoundingMember {
  const tlsCert = readFileSync(join(org.layout.ordererTls, 'server.crt'), 'utf8');
  const peer = { host: '127.0.0.1', port: org.ports.peer };
  return {
    mspId: org.state.mspId,
    msp: readMspFolder(org.layout.orgMsp, org.state.mspId),
    nodes: {
      peers: [peer],
      anchorPeers: [peer],
      orderers: [{ host: '127.0.0.1', port: org.ports.orderer, serverTlsCert: tlsCert, clientTlsCert: tlsCert, consenter: true }],
    },
    metadata: { organizationName: org.state.name, ...(apiUrl ? { apiUrl } : {}) },
  };
}
