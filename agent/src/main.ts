#!/usr/bin/env node
import { FileCheckpointer } from './checkpoint/file-checkpointer';
import { Agent } from './agent';
import type { AgentOptions } from './agent-options';
import { gatewayEvents } from './adapters/gateway-events';
import { gatewayLedger } from './adapters/gateway-ledger';
import { ordererBroadcaster, ordererConfigFetcher } from './adapters/orderer-ports';
import { peerChaincodeDefinitions } from './adapters/peer-definitions';
import { loadConfig, type AgentConfig } from './config';
import { httpPackageSource, peerChaincodeDeployer } from './adapters/chaincode-deployer';
import { peerChannelJoiner } from './adapters/channel-joiner';
import { ordererJoiner, readConfiguredOrdererAdmin } from './adapters/orderer-joiner';
import { channelParticipation, connectGateway, connectOrdererAdmin, connectPeerAdmin, gatewayChaincodeLifecycle, loadSigningIdentity, readGrpcEndpoint } from './fabric';
import { createLogger, type Logger } from './logging/logger';
import { systemClock } from './ports';
import { startStatusServer, type StatusServer } from './status/status-server';
import { BootstrapProgress, bootstrapIfConfigured } from './bootstrap';

/** The contract name inside consortium_ops. */
const CONTRACT = 'consortium';

/** A wired agent and the way to release everything it opened. */
export interface WiredAgent {
  agent: Agent;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Production wiring: the real Fabric adapters (agent/src/fabric) behind the agent's ports. Tests that
 * run real agents in-process call this too, with their own logger and option overrides.
 */
export async function wireAgent(config: AgentConfig, overrides: { logger?: Logger; options?: Partial<AgentOptions> } = {}): Promise<WiredAgent> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, mspId: config.mspId });
  const identity = await loadSigningIdentity({ mspId: config.mspId, certificateFile: config.identity.certFile, privateKeyFile: config.identity.keyFile });
  const peerEndpoint = await readGrpcEndpoint({ address: config.peer.address, tlsRootCertFile: config.peer.tlsCaFile });
  const ordererEndpoint = await readGrpcEndpoint({ address: config.orderer.address, tlsRootCertFile: config.orderer.tlsCaFile });
  const gateway = connectGateway(peerEndpoint, identity);
  const network = gateway.gateway.getNetwork(config.channel);
  const orderer = connectOrdererAdmin({ endpoint: ordererEndpoint, identity });
  const peer = connectPeerAdmin({ endpoint: peerEndpoint, identity });
  const ordererAdmin = await readConfiguredOrdererAdmin(config.ordererAdmin);
  const participation = ordererAdmin && channelParticipation(ordererAdmin);
  const agent = new Agent(
    {
      ledger: gatewayLedger(network.getContract(config.chaincode, CONTRACT)),
      events: gatewayEvents(network, config.chaincode),
      checkpointer: await FileCheckpointer.open(config.checkpointFile),
      configFetcher: ordererConfigFetcher(orderer),
      broadcaster: ordererBroadcaster(orderer),
      chaincodeDefinitions: peerChaincodeDefinitions(peer),
      deployer: peerChaincodeDeployer(peer, gatewayChaincodeLifecycle(gateway.gateway, config.mspId)),
      packageSource: httpPackageSource(),
      channelJoin: peerChannelJoiner(peer, identity),
      ...(participation ? { ordererJoin: ordererJoiner(participation, orderer) } : {}),
      signer: identity,
      clock: systemClock,
      logger,
    },
    { mspId: config.mspId, ...overrides.options },
  );
  return {
    agent,
    logger,
    async close() {
      await agent.stop();
      peer.close();
      orderer.close();
      gateway.close();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, mspId: config.mspId });
  const startedAt = new Date().toISOString();
  const progress = new BootstrapProgress();
  const stop = new AbortController();
  // set once the bootstrap (if any) is done and the agent is wired; the status endpoint reads it before that
  const current: { wired?: WiredAgent } = {};
  // The status endpoint comes first: a joining org's bootstrap can wait a long time for approval, and what it is
  // waiting for is exactly what an operator wants to see.
  const status: StatusServer = await startStatusServer(config.statusPort, () =>
    current.wired ? { ...current.wired.agent.snapshot(), bootstrap: progress.snapshot() } : { mspId: config.mspId, state: 'starting', startedAt, proposals: [], bootstrap: progress.snapshot() },
  );
  logger.info('status endpoint up', { url: `http://127.0.0.1:${status.port}/status` });
  const shutdown = async (signal: string) => {
    logger.info('stopping', { signal });
    stop.abort();
    await status.close();
    await current.wired?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // A joining org's nodes are on no channel yet: bootstrap them first (a no-op once done, or without a token).
  await bootstrapIfConfigured(config, process.env, logger, { onStep: progress.onStep, signal: stop.signal });
  current.wired = await wireAgent(config, { logger });
  await current.wired.agent.start();
}

if (require.main === module) {
  main().catch((err: Error) => {
    // configuration errors and unreadable identities end here: fail fast, with the reason
    console.error(err.message);
    process.exit(1);
  });
}
