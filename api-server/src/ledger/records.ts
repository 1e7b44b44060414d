import type { ValidationReport } from '@opssc/core';

/**
 * Readers for the chaincode's records. The chaincode owns their full shape (docs/chaincode-api.md);
 * the api-server reads only the few fields below, all through this file, so a change of field name on
 * the chaincode side is a change here only.
 */

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' ? (value as Json) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string field that names something (an org, a URL, an id): absent when missing or empty. */
function name(value: unknown): string | undefined {
  return str(value) || undefined;
}

/** An invitation as `GetInvitation` returns it (with `tokenHmac`, which must never leave the server). */
export interface InvitationView {
  invitationId: string;
  mspId: string;
  expiresAt: string;
  tokenHmac: string | undefined;
  used: boolean;
  revoked: boolean;
  /** The proposal a used invitation created or attested: how a token holder finds its own join request. */
  usedFor: string | undefined;
}

/** Reads an invitation record; `used`/`revoked` accept either a status field or timestamps. */
export function readInvitation(value: unknown): InvitationView {
  const record = asObject(value);
  const status = str(record.status)?.toUpperCase();
  return {
    invitationId: str(record.invitationId) ?? '',
    mspId: str(record.mspId) ?? '',
    expiresAt: str(record.expiresAt) ?? '',
    tokenHmac: str(record.tokenHmac),
    used: status === 'USED' || Boolean(record.usedAt ?? record.usedBy ?? record.consumedBy),
    revoked: status === 'REVOKED' || Boolean(record.revokedAt),
    usedFor: str(record.usedFor),
  };
}

/** Removes secret-derived fields before an invitation record is returned to a client. */
export function publicInvitation(value: unknown): Json {
  const { tokenHmac: _hmac, token: _token, ...rest } = asObject(value);
  return rest;
}

/** The fields of a proposal the server acts on. */
export interface ProposalView {
  id: string;
  type: string;
  status: string;
  /** The org a membership proposal is about (the joining org for ADD_ORG). */
  subjectMspId: string | undefined;
  report: ValidationReport | undefined;
  /** The channels the proposal changes, ops channel first. */
  channels: string[];
  /** The newest apply attempt of each channel that has one. */
  tasks: TaskSummary[];
  /** While OPEN: what a tally would conclude now (`UNDECIDED`, `DECIDED`, `EXPIRED`, `DROPPED`, `ERROR`). */
  evaluationKind: string | undefined;
  /** The proposing org. */
  proposer: string | undefined;
  /** A DEPLOY_CHAINCODE's package id. */
  packageId: string | undefined;
}

/** Where applying a proposal stands on one channel: its newest attempt and that attempt's status. */
export interface TaskSummary {
  channel: string;
  attempt: number;
  /** `PENDING`, `COMMITTED`, `FAILED` or `STALE`. */
  status: string;
  /** The config block number of a COMMITTED attempt. */
  blockNumber?: number;
}

/** The newest attempt per channel of a proposal's task views (`GetProposal`'s `tasks`). */
function newestTasks(value: unknown): TaskSummary[] {
  const newest = new Map<string, TaskSummary>();
  for (const entry of Array.isArray(value) ? value : []) {
    const task = asObject(entry);
    const channel = str(task.channel);
    const attempt = typeof task.attempt === 'number' ? task.attempt : 0;
    if (!channel || (newest.get(channel)?.attempt ?? 0) >= attempt) continue;
    const blockNumber = asObject(task.result).blockNumber;
    newest.set(channel, { channel, attempt, status: str(task.status) ?? 'PENDING', ...(typeof blockNumber === 'number' ? { blockNumber } : {}) });
  }
  return [...newest.values()];
}

/** Reads a proposal record. */
export function readProposal(value: unknown): ProposalView {
  const record = asObject(value);
  const payload = asObject(record.payload);
  const report = record.report ?? record.validationReport;
  return {
    id: str(record.id) ?? str(record.proposalId) ?? '',
    type: str(record.type) ?? '',
    status: str(record.status) ?? '',
    subjectMspId: str(record.subjectMspId) ?? str(payload.mspId) ?? str(asObject(payload.request).mspId),
    report: report && typeof report === 'object' ? (report as ValidationReport) : undefined,
    channels: Array.isArray(record.channels) ? record.channels.filter((c): c is string => typeof c === 'string') : [],
    tasks: newestTasks(record.tasks),
    evaluationKind: str(asObject(record.evaluation).kind),
    proposer: name(record.proposer),
    packageId: name(payload.packageId),
  };
}

/** The fields of a chaincode package record the server fetches packages by; the sources only a deployment's commit writes. */
export interface PackageRecordView {
  packageId: string | undefined;
  sha256: string | undefined;
  packageUrl: string | undefined;
  proposalId: string | undefined;
}

/** Reads a chaincode package record (`ListChaincodePackages`, `GetChaincodePackage`). */
export function readPackageRecord(value: unknown): PackageRecordView {
  const record = asObject(value);
  return { packageId: str(record.packageId), sha256: str(record.sha256), packageUrl: name(record.packageUrl), proposalId: name(record.proposalId) };
}

/** Reads the api-server URL a member publishes in its metadata. */
export function memberApiUrl(value: unknown): string | undefined {
  return name(asObject(asObject(value).metadata).apiUrl);
}

/** Reads a member's status (`PROPOSED`, `APPROVED`, `ACTIVE`, ...). */
export function memberStatus(value: unknown): string | undefined {
  return str(asObject(value).status);
}

/** Reads `{items, nextCursor}` of a list query; tolerates a bare array. */
export function readPage(value: unknown): { items: unknown[]; nextCursor: string | undefined } {
  if (Array.isArray(value)) {
    return { items: value, nextCursor: undefined };
  }
  const record = asObject(value);
  return { items: Array.isArray(record.items) ? record.items : [], nextCursor: str(record.nextCursor) || undefined };
}
