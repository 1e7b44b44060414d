import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { FabricInstall } from './fabric-binaries';
import { repoRoot } from './run-layout';

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The external builder that runs `type: node` chaincode as a local process (see test-network/builders/node). */
export const NODE_BUILDER_DIR = join(repoRoot, 'test-network', 'builders', 'node');

/**
 * Writes the peer's core.yaml from Fabric's own sample, changed only where a Docker-free local peer needs it.
 * Per-node addresses and paths go in environment variables instead (see peer-node.ts).
 */
export function writePeerConfig(fabric: FabricInstall, configDir: string): void {
  const core = yaml.load(readFileSync(join(fabric.configDir, 'core.yaml'), 'utf8')) as Yaml;
  // An empty endpoint must be set in the YAML: Fabric drops empty environment values, and a dead Docker socket
  // keeps /healthz at 503 forever.
  core.vm.endpoint = '';
  core.chaincode.externalBuilders = [
    {
      name: 'opssc-node',
      path: NODE_BUILDER_DIR,
      // build runs `npm ci`, which needs HOME (npm cache) and the npm settings of the user who started the network
      propagateEnvironment: ['HOME', 'npm_config_cache', 'npm_config_registry', 'npm_config_prefer_offline'],
    },
  ];
  // npm ci for a fresh package can take a while on a cold cache
  core.chaincode.installTimeout = '600s';
  core.chaincode.startuptimeout = '120s';
  core.peer.gateway.enabled = true;
  // Discovery learns which peers have a chaincode from gossiped state info; publish it every second rather than
  // every four, so a freshly committed chaincode is endorsable sooner on the local network.
  core.peer.gossip.publishStateInfoInterval = '1s';
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'core.yaml'), yaml.dump(core));
}

/** Writes the orderer's orderer.yaml from Fabric's sample; everything node-specific is set by environment. */
export function writeOrdererConfig(fabric: FabricInstall, configDir: string): void {
  const orderer = yaml.load(readFileSync(join(fabric.configDir, 'orderer.yaml'), 'utf8')) as Yaml;
  orderer.General.BootstrapMethod = 'none';
  delete orderer.General.BootstrapFile;
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'orderer.yaml'), yaml.dump(orderer));
}
