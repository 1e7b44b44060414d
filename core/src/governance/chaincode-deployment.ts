import { OpsError } from '../errors';
import { MAX_CHAINCODE_SEQUENCE, parseChaincodePackageInput, parsePackageUrl, type ChaincodePackageInput } from './chaincode-package';
import { expectArray, expectInteger, expectObject, expectString, optionalString, type JsonObject } from './input-shape';
import { GOVERNANCE_LIMITS } from './limits';
import { parseSignaturePolicy, type PolicyRule } from './signature-policy';

/**
 * DEPLOY_CHAINCODE: deploy (sequence 1) or upgrade (sequence n+1) a chaincode on one channel under the
 * v2 lifecycle. After approval every org's agent downloads the package, from the proposal's packageUrl
 * when it has one and from the proposer's api-server otherwise, checks its SHA-256 against the
 * proposal, installs it and approves the definition, and records that as its own deployment step;
 * one agent commits and records COMMITTED. Each step has its own key and a single writer (the org it
 * belongs to), so agents never conflict.
 */

/** A definition's endorsement policy: a channel config policy reference, or Fabric's signature policy language. */
export type DeployEndorsementPolicy = { channelConfigPolicy: string } | { signaturePolicy: string };

/**
 * One private data collection of a definition, as Fabric's collections_config.json writes it. Every
 * field but `endorsementPolicy` is required: the voters approve what the definition says, not defaults.
 */
export interface CollectionSpec {
  name: string;
  /** The member orgs, in Fabric's signature policy language; an OR of principals, as Fabric requires. */
  policy: string;
  requiredPeerCount: number;
  maxPeerCount: number;
  /** Blocks after which the private data is purged; 0 keeps it forever. */
  blockToLive: number;
  memberOnlyRead: boolean;
  memberOnlyWrite: boolean;
  /** The collection's own endorsement policy; the chaincode's when absent. */
  endorsementPolicy?: DeployEndorsementPolicy;
}

/** The payload of a DEPLOY_CHAINCODE proposal: the package (by hash) and the definition to commit. */
export interface DeployChaincodePayload extends ChaincodePackageInput {
  /**
   * Where every org's agent downloads the package, without credentials (parsePackageUrl's rules).
   * Absent: from the proposer's api-server. Either way the bytes count only if they hash to `sha256`.
   */
  packageUrl?: string;
  /** The channel's `/Channel/Application/Endorsement` when absent. */
  endorsementPolicy?: DeployEndorsementPolicy;
  initRequired?: boolean;
  /** The definition's private data collections, in order (the order is part of the definition's bytes). */
  collections?: CollectionSpec[];
  description?: string;
}

/** What an org's agent records: its install-and-approve outcome, or the commit. */
export type DeploymentStepInput =
  | { status: 'INSTALLED_APPROVED'; packageId: string }
  | { status: 'FAILED'; reason: string }
  | { status: 'COMMITTED'; blockNumber?: number };

/** `ORG`: one org's install and approval; `COMMIT`: the definition's commit. */
export type DeploymentStepKind = 'ORG' | 'COMMIT';

/** A recorded step, stored under `ccstep~proposalId~kind~mspId`; written once, by an admin of `mspId`. */
export type DeploymentStep = DeploymentStepInput & {
  proposalId: string;
  kind: DeploymentStepKind;
  mspId: string;
  recordedAt: string;
  txId: string;
};

const POLICY_REFERENCE = /^\/Channel\/Application\/[A-Za-z0-9_.-]{1,128}$/;

function endorsementPolicy(value: unknown, path: string): DeployEndorsementPolicy {
  const obj = expectObject(value, path, ['channelConfigPolicy', 'signaturePolicy']);
  if ((obj.channelConfigPolicy === undefined) === (obj.signaturePolicy === undefined)) {
    throw new OpsError('INVALID_ARGUMENT', `${path} must have exactly one of channelConfigPolicy, signaturePolicy`);
  }
  if (obj.channelConfigPolicy !== undefined) {
    return { channelConfigPolicy: expectString(obj.channelConfigPolicy, `${path}.channelConfigPolicy`, { max: 160, pattern: POLICY_REFERENCE, describe: 'a policy path such as /Channel/Application/Endorsement' }) };
  }
  const text = expectString(obj.signaturePolicy, `${path}.signaturePolicy`, { max: 4096 });
  parseSignaturePolicy(text, `${path}.signaturePolicy`);
  return { signaturePolicy: text };
}

/** Collections one definition may have. */
export const MAX_COLLECTIONS = 32;
/** Fabric's peer counts are int32. */
const MAX_PEER_COUNT = 2 ** 31 - 1;
/**
 * Fabric's rule (`^[A-Za-z0-9-]+([A-Za-z0-9_-]+)*$` in _lifecycle) written without the nested repetition,
 * which Go's linear-time engine shrugs off but a backtracking JS engine would not on a long bad name.
 */
const COLLECTION_NAME = /^[A-Za-z0-9-][A-Za-z0-9_-]{0,127}$/;

/** Fabric refuses a member policy with any N-out-of other than 1 (`validateSpOrConcat`): it must be an OR. */
function isOrConcatenation(rule: PolicyRule): boolean {
  return 'signedBy' in rule || (rule.nOutOf.n === 1 && rule.nOutOf.rules.every(isOrConcatenation));
}

function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new OpsError('INVALID_ARGUMENT', `${path} must be a boolean`);
  return value;
}

function collectionSpec(value: unknown, path: string): CollectionSpec {
  const obj = expectObject(value, path, ['name', 'policy', 'requiredPeerCount', 'maxPeerCount', 'blockToLive', 'memberOnlyRead', 'memberOnlyWrite', 'endorsementPolicy']);
  const name = expectString(obj.name, `${path}.name`, { max: 128, pattern: COLLECTION_NAME, describe: "1 to 128 letters, digits, '-' and '_', not starting with '_'" });
  const policy = expectString(obj.policy, `${path}.policy`, { max: 4096 });
  if (!isOrConcatenation(parseSignaturePolicy(policy, `${path}.policy`).rule)) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.policy must be an OR of the member orgs' principals, such as OR('Org1MSP.member','Org2MSP.member')`);
  }
  const requiredPeerCount = expectInteger(obj.requiredPeerCount, `${path}.requiredPeerCount`, 0, MAX_PEER_COUNT);
  const maxPeerCount = expectInteger(obj.maxPeerCount, `${path}.maxPeerCount`, 0, MAX_PEER_COUNT);
  if (maxPeerCount < requiredPeerCount) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.maxPeerCount (${maxPeerCount}) must be at least requiredPeerCount (${requiredPeerCount})`);
  }
  return {
    name,
    policy,
    requiredPeerCount,
    maxPeerCount,
    // a uint64 on the wire; limited to what JSON numbers carry exactly, so every reader sees the same value
    blockToLive: expectInteger(obj.blockToLive, `${path}.blockToLive`, 0, Number.MAX_SAFE_INTEGER),
    memberOnlyRead: expectBoolean(obj.memberOnlyRead, `${path}.memberOnlyRead`),
    memberOnlyWrite: expectBoolean(obj.memberOnlyWrite, `${path}.memberOnlyWrite`),
    ...(obj.endorsementPolicy !== undefined ? { endorsementPolicy: endorsementPolicy(obj.endorsementPolicy, `${path}.endorsementPolicy`) } : {}),
  };
}

/**
 * Reads a definition's collections: 1 to {@link MAX_COLLECTIONS}, with unique names (an empty list is
 * refused, so that "no collections" is written one way only: without the field).
 */
function collectionSpecs(value: unknown, path: string): CollectionSpec[] {
  const specs = expectArray(value, path, MAX_COLLECTIONS, collectionSpec);
  if (specs.length === 0) throw new OpsError('INVALID_ARGUMENT', `${path} must have 1 to ${MAX_COLLECTIONS} collections; omit it for none`);
  specs.forEach((spec, i) => {
    const first = specs.findIndex((other) => other.name === spec.name);
    if (first < i) throw new OpsError('INVALID_ARGUMENT', `${path}[${i}].name ${spec.name} is already the name of ${path}[${first}]`);
  });
  return specs;
}

/**
 * Reads a DEPLOY_CHAINCODE payload. The package fields follow RecordChaincodePackage's rules (the
 * package id must be `<label>:<sha256>`), so the package record written at commit is this payload's.
 * A `packageUrl`, when given, must pass parsePackageUrl (http(s), no credentials, no fragment).
 * Private data collections are checked by the rules _lifecycle applies that need no channel config
 * (names, counts, an OR member policy); that their member orgs are on the channel is Fabric's to check.
 */
export function parseDeployChaincodePayload(value: unknown, path = 'payload'): DeployChaincodePayload {
  const obj: JsonObject = expectObject(value, path, ['channel', 'name', 'version', 'sequence', 'packageId', 'sha256', 'label', 'packageUrl', 'endorsementPolicy', 'initRequired', 'collections', 'description']);
  const { endorsementPolicy: policy, initRequired, collections, description, packageUrl, ...packageFields } = obj;
  const pkg = parseChaincodePackageInput(packageFields);
  const url = packageUrl === undefined ? undefined : parsePackageUrl(packageUrl, `${path}.packageUrl`);
  const init = initRequired === undefined ? undefined : expectBoolean(initRequired, `${path}.initRequired`);
  const text = optionalString(description, `${path}.description`);
  return {
    ...pkg,
    ...(url !== undefined ? { packageUrl: url } : {}),
    ...(policy !== undefined ? { endorsementPolicy: endorsementPolicy(policy, `${path}.endorsementPolicy`) } : {}),
    ...(init !== undefined ? { initRequired: init } : {}),
    ...(collections !== undefined ? { collections: collectionSpecs(collections, `${path}.collections`) } : {}),
    ...(text !== undefined ? { description: text } : {}),
  };
}

/**
 * Reads RecordDeploymentStep's `step`. INSTALLED_APPROVED names the package the org installed (it must
 * be the proposal's); FAILED carries a reason; COMMITTED carries the block of the commit transaction,
 * absent only when the agent found the definition already committed (it crashed between commit and record).
 */
export function parseDeploymentStepInput(value: unknown, payload: DeployChaincodePayload): DeploymentStepInput {
  const obj = expectObject(value, 'step', ['status', 'packageId', 'reason', 'blockNumber']);
  const only = (allowed: string[]) => {
    const extra = Object.keys(obj).filter((k) => k !== 'status' && !allowed.includes(k));
    if (extra.length > 0) throw new OpsError('INVALID_ARGUMENT', `a ${String(obj.status)} step has no ${extra.sort().join(', ')}`);
  };
  switch (obj.status) {
    case 'INSTALLED_APPROVED': {
      only(['packageId']);
      const packageId = expectString(obj.packageId, 'step.packageId', { max: 256 });
      if (packageId !== payload.packageId) {
        throw new OpsError('INVALID_ARGUMENT', `step.packageId ${packageId} is not the proposal's package ${payload.packageId}`);
      }
      return { status: 'INSTALLED_APPROVED', packageId };
    }
    case 'FAILED':
      only(['reason']);
      return { status: 'FAILED', reason: expectString(obj.reason, 'step.reason', { max: GOVERNANCE_LIMITS.textChars }) };
    case 'COMMITTED':
      only(['blockNumber']);
      return obj.blockNumber === undefined
        ? { status: 'COMMITTED' }
        : { status: 'COMMITTED', blockNumber: expectInteger(obj.blockNumber, 'step.blockNumber', 0, Number.MAX_SAFE_INTEGER) };
    default:
      throw new OpsError('INVALID_ARGUMENT', 'step.status must be INSTALLED_APPROVED, FAILED or COMMITTED');
  }
}

/**
 * Checks that `sequence` is the next definition of the chaincode: one more than the highest sequence
 * recorded on-chain for it (0 when none). A lower or equal sequence is a duplicate and a higher one a
 * gap: both are refused with SEQUENCE_NOT_NEXT, because Fabric would refuse to commit them anyway.
 */
export function assertNextSequence(name: string, channel: string, sequence: number, recordedSequences: readonly number[]): void {
  const expected = Math.max(0, ...recordedSequences) + 1;
  if (sequence !== expected || expected > MAX_CHAINCODE_SEQUENCE) {
    throw new OpsError('SEQUENCE_NOT_NEXT', `${name} on ${channel} is at sequence ${expected - 1}; the next definition is sequence ${expected}, not ${sequence}`);
  }
}

/**
 * The orgs whose steps a deployment waits for: the ACTIVE members that list the channel, or every
 * ACTIVE member when none lists it (member records list the channels an org joined through the
 * consortium; an application channel made by hand may be on none).
 */
export function deploymentOrgs(members: readonly { mspId: string; status: string; channels: readonly string[] }[], channel: string): string[] {
  const active = members.filter((m) => m.status === 'ACTIVE');
  const onChannel = active.filter((m) => m.channels.includes(channel));
  return (onChannel.length > 0 ? onChannel : active).map((m) => m.mspId).sort();
}

/** True when the definition is committed and every org in `orgs` installed and approved it. */
export function deploymentComplete(orgs: readonly string[], steps: readonly Pick<DeploymentStep, 'kind' | 'mspId' | 'status'>[]): boolean {
  const approved = new Set(steps.filter((s) => s.kind === 'ORG' && s.status === 'INSTALLED_APPROVED').map((s) => s.mspId));
  return steps.some((s) => s.kind === 'COMMIT') && orgs.every((mspId) => approved.has(mspId));
}
