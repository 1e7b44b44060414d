import { OpsError } from '../errors';

/**
 * Well-formedness of the identifiers that end up inside ledger keys. None may contain U+0000 (the
 * composite-key separator) and all are short, so a key can never be forged or blown up by input.
 */
const MSP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Fabric's own channel-name rule (configtx): lower case, starts with a letter, under 250 characters. */
const CHANNEL = /^[a-z][a-z0-9.-]{0,248}$/;
const INVITATION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const PROPOSAL_ID = /^p-[0-9a-f]{16}$/;

/** True when `value` is a well-formed MSP ID. */
export function isMspId(value: unknown): value is string {
  return typeof value === 'string' && MSP_ID.test(value);
}

/** True when `value` is a valid Fabric channel name. */
export function isChannelName(value: unknown): value is string {
  return typeof value === 'string' && CHANNEL.test(value);
}

/** True when `value` is a well-formed invitation id (the api-server generates them; 8 to 64 URL-safe characters). */
export function isInvitationId(value: unknown): value is string {
  return typeof value === 'string' && INVITATION_ID.test(value);
}

/** True when `value` looks like a proposal id. */
export function isProposalId(value: unknown): value is string {
  return typeof value === 'string' && PROPOSAL_ID.test(value);
}

/**
 * The id of the proposal a transaction creates: `p-` + the first 16 hex characters of the tx id.
 * The tx id is unique per channel and the same on every endorser, so the id is deterministic.
 */
export function proposalIdFromTxId(txId: string): string {
  if (!/^[0-9a-f]{16}/.test(txId)) {
    throw new OpsError('INVALID_ARGUMENT', `transaction id ${txId} is not hex`);
  }
  return `p-${txId.slice(0, 16)}`;
}

/** Throws INVALID_ARGUMENT unless `value` is a proposal id. */
export function assertProposalId(value: unknown): string {
  if (!isProposalId(value)) {
    throw new OpsError('INVALID_ARGUMENT', `proposalId must look like p-<16 hex>, got ${preview(value)}`);
  }
  return value;
}

/** Throws INVALID_ARGUMENT unless `value` is an MSP ID. */
export function assertMspId(value: unknown, what = 'mspId'): string {
  if (!isMspId(value)) {
    throw new OpsError('INVALID_ARGUMENT', `${what} must match ${MSP_ID.source}, got ${preview(value)}`);
  }
  return value;
}

/** Throws INVALID_ARGUMENT unless `value` is a channel name. */
export function assertChannelName(value: unknown, what = 'channel'): string {
  if (!isChannelName(value)) {
    throw new OpsError('INVALID_ARGUMENT', `${what} must be a Fabric channel name, got ${preview(value)}`);
  }
  return value;
}

/** Throws INVALID_ARGUMENT unless `value` is an invitation id. */
export function assertInvitationId(value: unknown): string {
  if (!isInvitationId(value)) {
    throw new OpsError('INVALID_ARGUMENT', `invitationId must be 8-64 characters of [A-Za-z0-9_-], got ${preview(value)}`);
  }
  return value;
}

/** A short, printable rendering of a bad value for an error message (never the whole input). */
export function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
