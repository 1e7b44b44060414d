import { OpsError } from '../errors';
import { MAX_CHAINCODE_SEQUENCE, parseChaincodePackageInput, parsePackageUrl, type ChaincodePackageInput } from './chaincode-package';
import { expectInteger, expectObject, expectString, optionalString, type JsonObject } from './input-shape';
import { GOVERNANCE_LIMITS } from './limits';
import { parseSignaturePolicy } from './signature-policy';

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

/**
 * Reads a DEPLOY_CHAINCODE payload. The package fields follow RecordChaincodePackage's rules (the
 * package id must be `<label>:<sha256>`), so the package record written at commit is this payload's.
 * A `packageUrl`, when given, must pass parsePackageUrl (http(s), no credentials, no fragment).
 * Private data collections are not supported yet and are refused as an unknown field.
 */
export function parseDeployChaincodePayload(value: unknown, path = 'payload'): DeployChaincodePayload {
  const obj: JsonObject = expectObject(value, path, ['channel', 'name', 'version', 'sequence', 'packageId', 'sha256', 'label', 'packageUrl', 'endorsementPolicy', 'initRequired', 'description']);
  const { endorsementPolicy: policy, initRequired, description, packageUrl, ...packageFields } = obj;
  const pkg = parseChaincodePackageInput(packageFields);
  const url = packageUrl === undefined ? undefined : parsePackageUrl(packageUrl, `${path}.packageUrl`);
  if (initRequired !== undefined && typeof initRequired !== 'boolean') {
    throw new OpsError('INVALID_ARGUMENT', `${path}.initRequired must be a boolean`);
  }
  const text = optionalString(description, `${path}.description`);
  return {
    ...pkg,
    ...(url !== undefined ? { packageUrl: url } : {}),
    ...(policy !== undefined ? { endorsementPolicy: endorsementPolicy(policy, `${path}.endorsementPolicy`) } : {}),
    ...(initRequired !== undefined ? { initRequired } : {}),
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
