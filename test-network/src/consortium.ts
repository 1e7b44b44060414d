import { Contract } from '@hyperledger/fabric-gateway';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { apiServerPackagesDir } from './api-server-process';
import { deployChaincode } from './chaincode-lifecycle';
import { ChaincodePackage } from './chaincode-package';
import { packageConsortiumOps } from './consortium-ops-package';
import { foundingMember } from './founding-member';
import { connectGateway } from './gateway-connection';
import { NetworkState, orgHandle, OrgHandle } from './network-state';
import { createChannel, OPS_CHANNEL } from './network';
import { artifactsDir } from './run-layout';

export const CONSORTIUM_CHAINCODE = 'consortium_ops';
export const CONSORTIUM_CONTRACT = 'consortium';
const utf8 = new TextDecoder();

/** Packages consortium_ops and deploys it on the ops channel, approved by every org of the network. */
export async function deployConsortiumOps(state: NetworkState): Promise<ChaincodePackage> {
  const dir = join(artifactsDir(state.runDir), 'chaincode');
  mkdirSync(dir, { recursive: true });
  const pkg = packageConsortiumOps(join(dir, 'consortium_ops.tar.gz'));
  const orgs = state.orgs.map((o) => orgHandle(state, o.mspId));
  await deployChaincode(orgs, pkg, { channelId: OPS_CHANNEL, name: CONSORTIUM_CHAINCODE, version: '1.0', sequence: 1 });
  return pkg;
}

/** Runs `use` with the consortium contract, connected through the org's own peer as one of its identities. */
export async function withConsortiumContract<T>(org: OrgHandle, who: 'admin' | 'client', use: (contract: Contract) => Promise<T>): Promise<T> {
  const { gateway, client } = connectGateway(`127.0.0.1:${org.ports.peer}`, readFileSync(join(org.layout.peerTls, 'ca.crt')), {
    mspId: org.state.mspId,
    mspDir: who === 'admin' ? org.layout.adminMsp : org.layout.clientMsp,
  });
  try {
    return await use(gateway.getNetwork(OPS_CHANNEL).getContract(CONSORTIUM_CHAINCODE, CONSORTIUM_CONTRACT));
  } catch (err) {
    throw withChaincodeMessage(err);
  } finally {
    gateway.close();
    client.close();
  }
}

/**
 * Gateway errors carry the chaincode's own message (which starts with a stable code) in `details`;
 * surface it as the error message.
 */
export function withChaincodeMessage(err: unknown): Error {
  const details = (err as { details?: { mspId?: string; message: string }[] }).details ?? [];
  if (details.length === 0) return err as Error;
  const error = new Error(details.map((d) => d.message).join('; '));
  Object.assign(error, { cause: err, details });
  return error;
}

function parse(bytes: Uint8Array): unknown {
  const text = utf8.decode(bytes);
  return text ? JSON.parse(text) : undefined;
}

/** Submits one consortium_ops transaction as the org's admin and returns its parsed JSON result. */
export function submitAsAdmin(org: OrgHandle, transaction: string, ...args: string[]): Promise<unknown> {
  return withConsortiumContract(org, 'admin', async (contract) => parse(await contract.submitTransaction(transaction, ...args)));
}

/** Evaluates one consortium_ops query as the org's admin and returns its parsed JSON result. */
export function evaluateAsAdmin(org: OrgHandle, transaction: string, ...args: string[]): Promise<unknown> {
  return withConsortiumContract(org, 'admin', async (contract) => parse(await contract.evaluateTransaction(transaction, ...args)));
}

/**
 * Right after a chaincode is committed, the gateway's service discovery may not yet have heard (by gossip) that
 * the other orgs' peers have it installed, and refuses with "no combination of peers". Retry only that.
 */
export async function whileDiscoveryConverges<T>(submit: () => Promise<T>, deadlineMs = 60_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await submit();
    } catch (err) {
      const text = `${(err as Error).message} ${String((err as { cause?: Error }).cause?.message ?? '')}`;
      if (!/no combination of peers|no peer combination/.test(text) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * Initialises the consortium with every org of the network as a founding member, then has each org's admin
 * activate its own membership, acknowledging the membership snapshot it sees.
 */
export async function initConsortium(state: NetworkState, apiUrls: Record<string, string> = {}): Promise<void> {
  const orgs = state.orgs.map((o) => orgHandle(state, o.mspId));
  const members = orgs.map((org) => foundingMember(org, apiUrls[org.state.mspId]));
  await whileDiscoveryConverges(() => submitAsAdmin(orgs[0], 'InitConsortium', JSON.stringify({ members })));
  for (const org of orgs) {
    const snapshot = (await evaluateAsAdmin(org, 'GetMembershipSnapshot')) as { version: string | number };
    await submitAsAdmin(org, 'ActivateMember', String(snapshot.version));
  }
}

/** Records which package a committed definition runs (RecordChaincodePackage, as `org`'s admin). */
export async function recordPackage(org: OrgHandle, channel: string, name: string, version: string, sequence: number, pkg: ChaincodePackage): Promise<void> {
  const record = { channel, name, version, sequence, packageId: pkg.packageId, sha256: pkg.sha256, label: pkg.label };
  await submitAsAdmin(org, 'RecordChaincodePackage', JSON.stringify(record));
}

/** Records consortium_ops' package, as deployConsortiumOps deploys it, through the first org of `state`. */
export async function recordConsortiumOpsPackage(state: NetworkState, pkg: ChaincodePackage): Promise<void> {
  await recordPackage(orgHandle(state, state.orgs[0].mspId), OPS_CHANNEL, CONSORTIUM_CHAINCODE, '1.0', 1, pkg);
}

/**
 * Records a deployed package on-chain (as the first org's admin) and gives every org's api-server the file: a
 * joining org's agent installs a package only if the file it downloads from a member matches this record.
 */
export async function publishPackage(orgs: OrgHandle[], channel: string, name: string, version: string, sequence: number, pkg: ChaincodePackage): Promise<void> {
  await recordPackage(orgs[0], channel, name, version, sequence, pkg);
  for (const org of orgs) {
    mkdirSync(apiServerPackagesDir(org), { recursive: true });
    copyFileSync(pkg.file, join(apiServerPackagesDir(org), `${pkg.label}.tar.gz`));
  }
}

/**
 * Puts a consortium on a running network: ops-channel with the founders only (the other orgs of the network stay
 * outsiders that can later join by proposal), consortium_ops deployed, initialised and its package published.
 */
export async function bootstrapConsortium(state: NetworkState, founderMspIds: string[], apiUrls: Record<string, string> = {}): Promise<NetworkState> {
  const founders = { ...state, orgs: state.orgs.filter((o) => founderMspIds.includes(o.mspId)) };
  await createChannel(founders, OPS_CHANNEL);
  const pkg = await deployConsortiumOps(founders);
  // recording the package needs an ACTIVE admin, so it comes after the initialisation
  await initConsortium(founders, apiUrls);
  await publishPackage(founders.orgs.map((o) => orgHandle(founders, o.mspId)), OPS_CHANNEL, CONSORTIUM_CHAINCODE, '1.0', 1, pkg);
  return founders;
}
