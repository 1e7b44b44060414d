import type { ChaincodeDefinition } from '../fabric/chaincode-definition';
import type { CommittedChaincode } from '../fabric/lifecycle-results';

/** A lifecycle step that committed now, or had been done before (a repeated step after a crash). */
export interface DeployerResult {
  status: 'DONE' | 'ALREADY_DONE';
  /** Set when this call committed a transaction. */
  blockNumber?: number;
}

/**
 * This org's peer and channel lifecycle, as the org admin: what a DEPLOY_CHAINCODE needs, and what
 * catching up a channel's committed chaincodes after an ADD_ORG needs. Every method is idempotent, so a
 * step repeated after a crash does nothing twice.
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
  /**
   * Every definition committed on the channel as this org's peer reports it (its ledger may still be
   * catching up), or undefined while the peer does not answer this org there yet: it checks the
   * channel's policies against the config it has processed, which admits an added org only from the
   * config block that added it.
   */
  committedDefinitions(channelId: string): Promise<CommittedChaincode[] | undefined>;
  /** Which channel members approved the definition committed under `name`, with its exact parameters; undefined when none is committed. */
  committedApprovals(channelId: string, name: string): Promise<Record<string, boolean> | undefined>;
  /** The ids of the packages installed on this org's peer. */
  installedPackageIds(): Promise<string[]>;
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
