import { join } from 'node:path';
import { ChaincodePackage } from './chaincode-package';
import { ordererFlags, peerCli, PeerTarget } from './peer-cli';

export interface ChaincodeDefinition {
  channelId: string;
  name: string;
  version: string;
  sequence: number;
  initRequired?: boolean;
  /** A signature policy such as `OR('Org1MSP.peer','Org2MSP.peer')`; the channel default when absent. */
  signaturePolicy?: string;
}

/** Installs a package on the org's peer unless it is installed already (install is not idempotent in Fabric). */
export async function installChaincode(target: PeerTarget, pkg: ChaincodePackage): Promise<void> {
  const installed = await peerCli(target, ['lifecycle', 'chaincode', 'queryinstalled', '-O', 'json']);
  if (installed.includes(pkg.packageId)) return;
  await peerCli(target, ['lifecycle', 'chaincode', 'install', pkg.file], 600_000);
}

function definitionFlags(def: ChaincodeDefinition): string[] {
  return [
    '--channelID', def.channelId, '--name', def.name, '--version', def.version, '--sequence', String(def.sequence),
    ...(def.initRequired ? ['--init-required'] : []),
    ...(def.signaturePolicy ? ['--signature-policy', def.signaturePolicy] : []),
  ];
}

/** Approves the definition for the org and waits for the approval to commit. */
export async function approveChaincode(target: PeerTarget, def: ChaincodeDefinition, packageId: string): Promise<void> {
  await peerCli(target, ['lifecycle', 'chaincode', 'approveformyorg', ...ordererFlags(target), ...definitionFlags(def), '--package-id', packageId]);
}

/** Commits the definition, collecting endorsements from every org's peer. */
export async function commitChaincode(submitter: PeerTarget, endorsers: PeerTarget[], def: ChaincodeDefinition): Promise<void> {
  const peers = endorsers.flatMap((t) => ['--peerAddresses', `127.0.0.1:${t.ports.peer}`, '--tlsRootCertFiles', join(t.org.peerTls, 'ca.crt')]);
  await peerCli(submitter, ['lifecycle', 'chaincode', 'commit', ...ordererFlags(submitter), ...definitionFlags(def), ...peers]);
}

export interface CommittedDefinition {
  sequence: number;
  version: string;
  approvals: Record<string, boolean>;
}

/** `peer lifecycle chaincode querycommitted`: the committed definition with each org's approval. */
export async function queryCommitted(target: PeerTarget, channelId: string, name: string): Promise<CommittedDefinition> {
  const out = await peerCli(target, ['lifecycle', 'chaincode', 'querycommitted', '-C', channelId, '-n', name, '-O', 'json']);
  return JSON.parse(out.slice(out.indexOf('{'))) as CommittedDefinition;
}

/** The full lifecycle: install on every peer, approve per org, commit once. */
export async function deployChaincode(targets: PeerTarget[], pkg: ChaincodePackage, def: ChaincodeDefinition): Promise<void> {
  await Promise.all(targets.map((t) => installChaincode(t, pkg)));
  for (const t of targets) await approveChaincode(t, def, pkg.packageId);
  await commitChaincode(targets[0], targets, def);
}
