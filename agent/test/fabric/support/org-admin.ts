import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminTls } from '../../../../test-network/src/network';
import { orgHandle, type NetworkState, type OrgHandle } from '../../../../test-network/src/network-state';
import {
  channelParticipation,
  connectGateway,
  connectOrdererAdmin,
  connectPeerAdmin,
  gatewayChaincodeLifecycle,
  loadSigningIdentityFromMsp,
  type ChaincodeLifecycle,
  type ChannelParticipation,
  type GatewayConnection,
  type GrpcEndpoint,
  type OrdererAdmin,
  type PeerAdmin,
  type SigningIdentity,
} from '../../../src/fabric';

/** One org's admin tools, wired as the agent wires them: the org admin identity, its own peer and orderer. */
export interface OrgAdmin {
  mspId: string;
  handle: OrgHandle;
  identity: SigningIdentity;
  peerEndpoint: GrpcEndpoint;
  peer: PeerAdmin;
  orderer: OrdererAdmin;
  participation: ChannelParticipation;
  gateway: GatewayConnection;
  lifecycle: ChaincodeLifecycle;
  close(): void;
}

/** Connects every tool of one org of a running test network. */
export async function orgAdmin(network: NetworkState, mspId: string): Promise<OrgAdmin> {
  const handle = orgHandle(network, mspId);
  const identity = await loadSigningIdentityFromMsp(mspId, handle.layout.adminMsp);
  const peerEndpoint: GrpcEndpoint = { address: `127.0.0.1:${handle.ports.peer}`, tlsRootCert: readFileSync(join(handle.layout.peerTls, 'ca.crt')) };
  const ordererEndpoint: GrpcEndpoint = { address: `127.0.0.1:${handle.ports.orderer}`, tlsRootCert: readFileSync(join(handle.layout.ordererTls, 'ca.crt')) };
  // The harness's orderer admin endpoint requires mutual TLS with a certificate from the org's TLS CA.
  const tls = adminTls(handle.layout);
  const peer = connectPeerAdmin({ endpoint: peerEndpoint, identity });
  const orderer = connectOrdererAdmin({ endpoint: ordererEndpoint, identity });
  const gateway = connectGateway(peerEndpoint, identity);
  return {
    mspId,
    handle,
    identity,
    peerEndpoint,
    peer,
    orderer,
    participation: channelParticipation({
      url: `https://127.0.0.1:${handle.ports.ordererAdmin}`,
      tlsRootCert: Buffer.from(tls.ca),
      clientTls: { cert: Buffer.from(tls.cert), key: Buffer.from(tls.key) },
    }),
    gateway,
    lifecycle: gatewayChaincodeLifecycle(gateway.gateway, mspId),
    close: () => {
      peer.close();
      orderer.close();
      gateway.close();
    },
  };
}
