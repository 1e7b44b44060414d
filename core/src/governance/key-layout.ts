import { OpsError } from '../errors';
import { sequenceKeyPart } from './chaincode-package';
import type { ProposalStatus } from './proposal';

/**
 * The ledger key layout. Every record that several orgs may write concurrently (a vote, an attestation,
 * a signature, a task result) has its own key, so concurrent writers never touch the same key and
 * tallies are range queries. Builders return the object type and attributes of a Fabric composite key;
 * the chaincode turns them into keys with `stub.createCompositeKey`, and {@link compositeKey} does the
 * same thing for code that has no stub.
 */
export const ObjectTypes = {
  /** Singletons: `meta~consortium`, `meta~voting-policy`, `meta~membership-version`. */
  meta: 'meta',
  member: 'member',
  proposal: 'proposal',
  /** Index of all proposals, newest first: `[invertedTime, id]`. */
  proposalByTime: 'proposal-by-time',
  /** Index by status, newest first: `[status, invertedTime, id]`. */
  proposalByStatus: 'proposal-by-status',
  /** Index by subject org: `[mspId, id]`; keeps one live proposal per subject. */
  proposalBySubject: 'proposal-by-subject',
  vote: 'vote',
  attestation: 'attestation',
  mismatch: 'mismatch',
  task: 'task',
  taskResult: 'task-result',
  configSignature: 'configsig',
  invitation: 'invitation',
  /** A chaincode package record: `[channel, name, sequence (9 digits)]`. */
  chaincodePackage: 'ccpackage',
  /** Index of DEPLOY_CHAINCODE proposals by chaincode: `[channel, name, id]`; keeps one live deployment per chaincode. */
  proposalByChaincode: 'proposal-by-chaincode',
  /** One deployment step: `[proposalId, ORG|COMMIT, mspId]`. */
  deploymentStep: 'ccstep',
  /** Index of CREATE_CHANNEL proposals by channel: `[channel, id]`; keeps one live creation per channel name. */
  proposalByNewChannel: 'proposal-by-new-channel',
  /** One org's join step of a CREATE_CHANNEL: `[proposalId, mspId]`. */
  channelJoinStep: 'chjoin',
  history: 'history',
} as const;

/** A composite key before it is encoded. */
export interface KeySpec {
  objectType: string;
  attributes: string[];
}

/** The singleton records under `meta`. */
export type MetaRecord = 'consortium' | 'voting-policy' | 'membership-version';

/** Highest apply attempt; attempts are zero-padded in keys so that they sort numerically. */
export const MAX_ATTEMPT = 999_999;

/** Zero-pads an attempt number for use in a key (`7` → `000007`). */
export function attemptKeyPart(attempt: number): string {
  if (!Number.isSafeInteger(attempt) || attempt < 1 || attempt > MAX_ATTEMPT) {
    throw new OpsError('INVALID_ARGUMENT', `attempt must be an integer from 1 to ${MAX_ATTEMPT}`);
  }
  return String(attempt).padStart(6, '0');
}

/**
 * A key part that sorts newest first. Fabric range queries only run forwards, so the time is inverted:
 * 9999999999999 minus the epoch milliseconds, zero-padded to 13 digits.
 */
export function newestFirstKeyPart(isoTime: string): string {
  return String(9_999_999_999_999 - Date.parse(isoTime)).padStart(13, '0');
}

const spec = (objectType: string, ...attributes: string[]): KeySpec => ({ objectType, attributes });

/** Key builders, one per record kind. Omitting trailing attributes gives a partial key for range queries. */
export const Keys = {
  meta: (record: MetaRecord) => spec(ObjectTypes.meta, record),
  member: (mspId: string) => spec(ObjectTypes.member, mspId),
  allMembers: () => spec(ObjectTypes.member),
  proposal: (id: string) => spec(ObjectTypes.proposal, id),
  proposalByTime: (createdAt: string, id: string) => spec(ObjectTypes.proposalByTime, newestFirstKeyPart(createdAt), id),
  allProposalsByTime: () => spec(ObjectTypes.proposalByTime),
  proposalByStatus: (status: ProposalStatus, createdAt: string, id: string) =>
    spec(ObjectTypes.proposalByStatus, status, newestFirstKeyPart(createdAt), id),
  proposalsWithStatus: (status: ProposalStatus) => spec(ObjectTypes.proposalByStatus, status),
  proposalBySubject: (mspId: string, id: string) => spec(ObjectTypes.proposalBySubject, mspId, id),
  proposalsAbout: (mspId: string) => spec(ObjectTypes.proposalBySubject, mspId),
  vote: (proposalId: string, mspId: string) => spec(ObjectTypes.vote, proposalId, mspId),
  votesOf: (proposalId: string) => spec(ObjectTypes.vote, proposalId),
  attestation: (proposalId: string, mspId: string) => spec(ObjectTypes.attestation, proposalId, mspId),
  attestationsOf: (proposalId: string) => spec(ObjectTypes.attestation, proposalId),
  mismatch: (proposalId: string, mspId: string, txId: string) => spec(ObjectTypes.mismatch, proposalId, mspId, txId),
  mismatchesOf: (proposalId: string) => spec(ObjectTypes.mismatch, proposalId),
  task: (proposalId: string, channel: string, attempt: number) =>
    spec(ObjectTypes.task, proposalId, channel, attemptKeyPart(attempt)),
  tasksOf: (proposalId: string) => spec(ObjectTypes.task, proposalId),
  taskResult: (proposalId: string, channel: string, attempt: number) =>
    spec(ObjectTypes.taskResult, proposalId, channel, attemptKeyPart(attempt)),
  taskResultsOf: (proposalId: string) => spec(ObjectTypes.taskResult, proposalId),
  configSignature: (proposalId: string, channel: string, attempt: number, mspId: string) =>
    spec(ObjectTypes.configSignature, proposalId, channel, attemptKeyPart(attempt), mspId),
  configSignaturesOf: (proposalId: string) => spec(ObjectTypes.configSignature, proposalId),
  invitation: (issuerMspId: string, invitationId: string) => spec(ObjectTypes.invitation, issuerMspId, invitationId),
  invitationsOf: (issuerMspId: string) => spec(ObjectTypes.invitation, issuerMspId),
  chaincodePackage: (channel: string, name: string, sequence: number) =>
    spec(ObjectTypes.chaincodePackage, channel, name, sequenceKeyPart(sequence)),
  chaincodePackagesOn: (channel: string) => spec(ObjectTypes.chaincodePackage, channel),
  allChaincodePackages: () => spec(ObjectTypes.chaincodePackage),
  proposalByChaincode: (channel: string, name: string, id: string) => spec(ObjectTypes.proposalByChaincode, channel, name, id),
  proposalsAboutChaincode: (channel: string, name: string) => spec(ObjectTypes.proposalByChaincode, channel, name),
  deploymentStep: (proposalId: string, kind: 'ORG' | 'COMMIT', mspId: string) => spec(ObjectTypes.deploymentStep, proposalId, kind, mspId),
  deploymentStepsOf: (proposalId: string, kind?: 'ORG' | 'COMMIT') =>
    kind ? spec(ObjectTypes.deploymentStep, proposalId, kind) : spec(ObjectTypes.deploymentStep, proposalId),
  proposalByNewChannel: (channel: string, id: string) => spec(ObjectTypes.proposalByNewChannel, channel, id),
  proposalsCreatingChannel: (channel: string) => spec(ObjectTypes.proposalByNewChannel, channel),
  channelJoinStep: (proposalId: string, mspId: string) => spec(ObjectTypes.channelJoinStep, proposalId, mspId),
  channelJoinStepsOf: (proposalId: string) => spec(ObjectTypes.channelJoinStep, proposalId),
  history: (kind: 'member' | 'proposal', id: string, at: string, txId: string, seq: number) =>
    spec(ObjectTypes.history, kind, id, at, `${txId}.${String(seq).padStart(4, '0')}`),
  historyOf: (kind: 'member' | 'proposal', id: string) => spec(ObjectTypes.history, kind, id),
} as const;

/** Separator of Fabric composite keys (fabric-shim's MIN_UNICODE_RUNE_VALUE and COMPOSITEKEY_NS). */
export const COMPOSITE_KEY_SEPARATOR = '\u0000';

/** Encodes a key exactly as fabric-shim's `createCompositeKey` does: `\0type\0attr1\0attr2\0`. */
export function compositeKey(key: KeySpec): string {
  for (const part of [key.objectType, ...key.attributes]) {
    if (part.length === 0 || part.includes(COMPOSITE_KEY_SEPARATOR) || part.includes('\u{10ffff}')) {
      throw new OpsError('INVALID_ARGUMENT', 'key parts must be non-empty and free of U+0000 and U+10FFFF');
    }
  }
  return COMPOSITE_KEY_SEPARATOR + [key.objectType, ...key.attributes].join(COMPOSITE_KEY_SEPARATOR) + COMPOSITE_KEY_SEPARATOR;
}
