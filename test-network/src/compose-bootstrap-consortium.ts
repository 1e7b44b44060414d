import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChaincodePackage } from './chaincode-package';
import { COMPOSE_BOOTSTRAP_COMMAND, COMPOSE_RUN_DIR, preparedFolders } from './compose-bootstrap-layout';
import { composeApiServerFiles } from './compose-bootstrap-prepare';
import { deployConsortiumOps, initConsortium, recordConsortiumOpsPackage } from './consortium';
import { createChannel, OPS_CHANNEL } from './network';
import { NetworkState, readState } from './network-state';
import { orgLayout } from './run-layout';

/** What `bootstrap` does to the running containers, through the ports they publish; fakes in the tests. */
export interface BootstrapNetwork {
  createChannel(state: NetworkState, channelId: string): Promise<void>;
  deployConsortiumOps(state: NetworkState): Promise<ChaincodePackage>;
  initConsortium(state: NetworkState, apiUrls: Record<string, string>): Promise<void>;
  /** Records consortium_ops' package on-chain, so that a joining org's agent accepts the file it downloads. */
  recordPackage(state: NetworkState, pkg: ChaincodePackage): Promise<void>;
}

/** The local network's own code, which reaches the containers as it reaches native nodes: on 127.0.0.1. */
export const localBootstrapNetwork: BootstrapNetwork = { createChannel, deployConsortiumOps, initConsortium, recordPackage: recordConsortiumOpsPackage };

export interface BootstrapOptions {
  runDir?: string;
  network?: BootstrapNetwork;
  log?: (line: string) => void;
}

/**
 * `bootstrap`: creates ops-channel (configtxgen's genesis block, joined through each orderer's channel
 * participation API and by each peer), deploys consortium_ops with the standard lifecycle and initialises the
 * consortium with every org as a founding member. It also copies the package into each api-server's packages
 * folder and records it on-chain: a joining org's agent downloads the chaincodes it must install from a
 * member's api-server and installs one only if it matches its on-chain record.
 */
export async function bootstrap(options: BootstrapOptions = {}): Promise<void> {
  const { runDir = COMPOSE_RUN_DIR, network = localBootstrapNetwork, log = (line: string) => console.log(line) } = options;
  const state = readState(runDir);
  if (!state) throw new Error(`nothing prepared in ${runDir}; run \`${COMPOSE_BOOTSTRAP_COMMAND} prepare\` first`);
  await network.createChannel(state, OPS_CHANNEL);
  log(`${OPS_CHANNEL} created; every orderer and peer joined`);
  const pkg = await network.deployConsortiumOps(state);
  for (const o of state.orgs) {
    copyFileSync(pkg.file, join(preparedFolders(orgLayout(runDir, o.name)).chaincodePackages, `${pkg.label}.tar.gz`));
  }
  log(`consortium_ops installed, approved by every org and committed (package ${pkg.packageId})`);
  const apiUrls = Object.fromEntries(state.orgs.map((o) => [o.mspId, `http://127.0.0.1:${o.ports.apiServer}`]));
  await network.initConsortium(state, apiUrls);
  log(`consortium initialised: ${state.orgs.map((o) => o.mspId).join(', ')} ACTIVE`);
  // recording the package needs an ACTIVE admin, so it comes after the initialisation
  await network.recordPackage(state, pkg);
  log(`consortium_ops package ${pkg.packageId} recorded on-chain`);
  for (const o of state.orgs) {
    log(`${o.mspId}: API ${apiUrls[o.mspId]}, admin key in ${composeApiServerFiles(orgLayout(runDir, o.name)).adminKeyFile}`);
  }
}
