import type { ChaincodeDefinition } from '../fabric/chaincode-definition';

/** A lifecycle step that committed now, or had been done before (a repeated step after a crash). */
export interface DeployerResult {
  status: 'DONE' | 'ALREADY_DONE';
  /** Set when this call committed a transaction. */
  blockNumber?: number;
}

/**
 * This org's peer and channel lifecycle, as the org admin: what a DEPLOY_CHAINCODE needs. Every method
 * is idempotent, so a step repeated after a crash does nothing twice.
 */
export interface ChaincodeDeployerPort {
  /** Installs a package on the org's peer (`alreadyInstalled` when it was); returns the id the peer computed. */
  install(packageBytes: Uint8Array): Promise<{ packageId: string; alreadyInstalled: boolean }>;
  /** Approves the definition for this org with its package. */
  approve(definition: ChaincodeDefinition, packageId: string): Promise<DeployerResult>;
  /** Which channel members approved exactly this definition. */
  checkCommitReadiness(definition: ChaincodeDefinition): Promise<Record<string, boolean>>;
  /** Commits the definition. */
  commit(definition: ChaincodeDefinition): Promise<DeployerResult>;
  /** The sequence committed under that name on the channel, or undefined when none is. */
  committedSequence(channelId: string, name: string): Promise<number | undefined>;
}

/**
 * Where packages come from: the URL the proposal gives, or else the proposer's api-server (its member
 * metadata `apiUrl`). The bytes are not trusted: the caller checks their SHA-256 against the approved
 * proposal before installing them. Both downloads are bounded in size and time.
 */
export interface PackageSourcePort {
  /** The package of an approved proposal, from the proposer's api-server. */
  download(apiUrl: string, proposalId: string): Promise<Uint8Array>;
  /** The package at a proposal's `packageUrl`: a third-party host, so no credential is ever sent to it. */
  downloadUrl(url: string): Promise<Uint8Array>;
}
