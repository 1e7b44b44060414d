import type { Logger } from '../../logging/logger';
import { systemClock, type ClockPort } from '../../ports';
import { channelParticipation, connectGateway, connectPeerAdmin, gatewayChaincodeLifecycle, type GrpcEndpoint, type OrdererAdminApi, type SigningIdentity } from '../../fabric';
import type { BootstrapOptions } from '../bootstrap-options';
import type { BootstrapSettings } from '../bootstrap-settings';
import { FileBootstrapState } from '../file-bootstrap-state';
import type { BootstrapDeps } from '../run-bootstrap';
import { httpJoinApi } from './http-join-api';
import { fabricMemberNetworks } from './member-network';
import { ownOrderer, ownPeer } from './own-nodes';

/** What the production bootstrap is built from: the agent's own identity and nodes, and the bootstrap settings. */
export interface BootstrapWiring {
  /** This org's admin identity (the peer's and orderer's local admin, and a channel reader once admitted). */
  identity: SigningIdentity;
  /** This org's peer (gRPC, TLS). */
  peer: GrpcEndpoint;
  /** This org's orderer's channel participation API; absent when the org runs no orderer. */
  ordererAdmin?: OrdererAdminApi;
  settings: BootstrapSettings;
  /** The ops channel and consortium_ops' name, as in the agent's config. */
  opsChannel: string;
  chaincode: string;
  logger: Logger;
  clock?: ClockPort;
}

/** The production ports, the matching options for {@link runBootstrap}, and how to release the connections. */
export interface WiredBootstrap {
  deps: BootstrapDeps;
  options: Partial<BootstrapOptions> & { mspId: string };
  close(): void;
}

/**
 * Wires the bootstrap to real Fabric and to the member's api-server: the org's peer through its admin
 * client (join, install, queries) and its own gateway (approve), its orderer through the channel
 * participation API, the members' nodes from the bootstrap material, and the state file.
 */
export function createBootstrapDeps(wiring: BootstrapWiring): WiredBootstrap {
  const { identity, settings } = wiring;
  const peerAdmin = connectPeerAdmin({ endpoint: wiring.peer, identity });
  const gateway = connectGateway(wiring.peer, identity);
  const deps: BootstrapDeps = {
    joinApi: httpJoinApi(settings.apiUrl, settings.token),
    members: fabricMemberNetworks({ identity, opsChannel: wiring.opsChannel, chaincode: wiring.chaincode }),
    peer: ownPeer(peerAdmin, gatewayChaincodeLifecycle(gateway.gateway, identity.mspId)),
    ...(wiring.ordererAdmin ? { orderer: ownOrderer(channelParticipation(wiring.ordererAdmin)) } : {}),
    state: new FileBootstrapState(settings.stateFile, identity.mspId),
    clock: wiring.clock ?? systemClock,
    logger: wiring.logger,
  };
  const options = {
    mspId: identity.mspId,
    opsChannel: wiring.opsChannel,
    chaincode: wiring.chaincode,
    pollInitialMs: settings.pollInitialMs,
    pollMaxMs: settings.pollMaxMs,
    ...(settings.proposalId ? { proposalId: settings.proposalId } : {}),
  };
  return {
    deps,
    options,
    close() {
      gateway.close();
      peerAdmin.close();
    },
  };
}
