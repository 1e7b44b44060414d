import { randomBytes } from 'node:crypto';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { connectGateway } from './fabric/gateway-connection';
import { GatewayLedger } from './fabric/gateway-ledger';
import { QsccConfigBlocks } from './fabric/qscc-config-blocks';
import { createLogger } from './observability/logger';
import { redactString } from './observability/redact';

/** Production wiring: environment → config → gateway to this org's peer → Express app. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel).child({ org: config.orgMspId });
  const connection = await connectGateway(config);
  const ledger = new GatewayLedger(connection, config.channel, config.chaincode, logger);
  const configBlocks = new QsccConfigBlocks(connection.gateway.getNetwork(config.channel), config.channel, (channel) => connection.gateway.getNetwork(channel));
  const app = createApp(config, {
    ledger,
    configBlocks,
    clock: { now: () => new Date() },
    logger,
    random: { bytes: (size) => randomBytes(size) },
  });
  const server = app.listen(config.port, config.listenHost, () => {
    logger.info('api-server listening', { host: config.listenHost, port: config.port, channel: config.channel, chaincode: config.chaincode });
  });
  const shutdown = (signal: string): void => {
    logger.info('shutting down', { signal });
    // Stop accepting requests, let the ones in flight finish, then drop the gRPC connection.
    server.close(() => connection.close());
    server.closeIdleConnections();
    // Event streams never finish on their own; give them a moment, then cut them.
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError ? err.message : `startup failed: ${(err as Error)?.message ?? String(err)}`;
  process.stderr.write(`${redactString(message)}\n`);
  process.exit(1);
});
