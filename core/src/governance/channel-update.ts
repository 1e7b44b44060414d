import { OpsError } from '../errors';
import type { MspDefinition, OrdererEndpoint, PeerEndpoint } from '../msp/types';
import { assertChannelName, assertMspId } from './identifiers';
import { expectArray, expectInteger, expectObject, expectString, optionalString } from './input-shape';
import { parsePeer } from './member-input';

/** The changes an UPDATE_CHANNEL proposal can make to one channel's config. */
export const ChannelChangeKinds = ['ADD_ORG', 'REMOVE_ORG', 'ADD_CONSENTER', 'REMOVE_CONSENTER', 'SET_BATCH_TIMEOUT', 'SET_BATCH_SIZE', 'SET_ANCHOR_PEERS'] as const;
export type ChannelChangeKind = (typeof ChannelChangeKinds)[number];

/**
 * ADD_ORG: an ACTIVE member joins the channel as an application org with its anchor peers (its
 * orderer does not become a consenter). CreateProposal copies the member's MSP and anchor peers from its
 * member record into `msp` and `anchorPeers`, so that what is voted on is exactly what is applied.
 */
export interface AddOrgToChannel {
  kind: 'ADD_ORG';
  mspId: string;
  msp?: MspDefinition;
  anchorPeers?: PeerEndpoint[];
}

/**
 * ADD_CONSENTER: an ACTIVE member's orderer joins the channel's Raft cluster (its orderer org is added
 * when the channel has none for it). CreateProposal copies the member's MSP and its one consenting
 * orderer from its member record, as for ADD_ORG. Once applied, that org's agent joins its orderer.
 */
export interface AddConsenterChange {
  kind: 'ADD_CONSENTER';
  mspId: string;
  msp?: MspDefinition;
  orderer?: OrdererEndpoint;
}

/** SET_BATCH_SIZE: the BatchSize fields to change (at least one). */
export interface SetBatchSizeChange {
  kind: 'SET_BATCH_SIZE';
  maxMessageCount?: number;
  absoluteMaxBytes?: number;
  preferredMaxBytes?: number;
}

/** One change to a channel's config, in human-readable form. */
export type ChannelChange =
  | AddOrgToChannel
  | { kind: 'REMOVE_ORG'; mspId: string }
  | AddConsenterChange
  /** The org's consenters leave the Raft cluster and its orderer org leaves the channel; it stays an application org. */
  | { kind: 'REMOVE_CONSENTER'; mspId: string }
  | { kind: 'SET_BATCH_TIMEOUT'; timeout: string }
  | SetBatchSizeChange
  | { kind: 'SET_ANCHOR_PEERS'; mspId: string; peers: PeerEndpoint[] };

/** UPDATE_CHANNEL: one change to one existing channel, through the verify-then-sign flow. */
export interface UpdateChannelPayload {
  channel: string;
  change: ChannelChange;
  description?: string;
}

/** Go durations as the orderer reads BatchTimeout, e.g. `250ms`, `2s`, `1m30s`. */
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const MAX_ANCHOR_PEERS = 16;
const MAX_UINT32 = 0xffffffff;

/** Reads a BatchTimeout: a positive Go duration such as `250ms` or `2s`. */
export function parseBatchTimeout(value: unknown, path: string): string {
  const timeout = expectString(value, path, { max: 32 });
  if (!GO_DURATION.test(timeout) || !/[1-9]/.test(timeout)) {
    throw new OpsError('INVALID_ARGUMENT', `${path} must be a positive Go duration such as "250ms", got "${timeout}"`);
  }
  return timeout;
}

/** Reads the BatchSize fields present in `obj` (each from 1 to 2^32-1), refusing preferredMaxBytes above absoluteMaxBytes. */
export function parseBatchSizeFields(obj: Record<string, unknown>, path: string): Partial<Record<'maxMessageCount' | 'absoluteMaxBytes' | 'preferredMaxBytes', number>> {
  const fields: Partial<Record<'maxMessageCount' | 'absoluteMaxBytes' | 'preferredMaxBytes', number>> = {};
  for (const field of ['maxMessageCount', 'absoluteMaxBytes', 'preferredMaxBytes'] as const) {
    if (obj[field] !== undefined) fields[field] = expectInteger(obj[field], `${path}.${field}`, 1, MAX_UINT32);
  }
  if (fields.preferredMaxBytes !== undefined && fields.absoluteMaxBytes !== undefined && fields.preferredMaxBytes > fields.absoluteMaxBytes) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.preferredMaxBytes must not exceed absoluteMaxBytes`);
  }
  return fields;
}

function parseChange(value: unknown, path: string): ChannelChange {
  const kind = expectObject(value, path).kind;
  switch (kind) {
    case 'ADD_ORG':
    case 'REMOVE_ORG':
    case 'ADD_CONSENTER':
    case 'REMOVE_CONSENTER': {
      const obj = expectObject(value, path, ['kind', 'mspId']);
      return { kind, mspId: assertMspId(obj.mspId, `${path}.mspId`) };
    }
    case 'SET_BATCH_TIMEOUT': {
      const obj = expectObject(value, path, ['kind', 'timeout']);
      return { kind, timeout: parseBatchTimeout(obj.timeout, `${path}.timeout`) };
    }
    case 'SET_BATCH_SIZE': {
      const obj = expectObject(value, path, ['kind', 'maxMessageCount', 'absoluteMaxBytes', 'preferredMaxBytes']);
      const change: SetBatchSizeChange = { kind, ...parseBatchSizeFields(obj, path) };
      if (Object.keys(change).length === 1) {
        throw new OpsError('INVALID_ARGUMENT', `${path} must set at least one of maxMessageCount, absoluteMaxBytes, preferredMaxBytes`);
      }
      return change;
    }
    case 'SET_ANCHOR_PEERS': {
      const obj = expectObject(value, path, ['kind', 'mspId', 'peers']);
      const peers = expectArray(obj.peers, `${path}.peers`, MAX_ANCHOR_PEERS, (v, p) => parsePeer(v, p), true);
      return { kind, mspId: assertMspId(obj.mspId, `${path}.mspId`), peers };
    }
    default:
      throw new OpsError('INVALID_ARGUMENT', `${path}.kind must be one of ${ChannelChangeKinds.join(', ')}`);
  }
}

/** Reads an UPDATE_CHANNEL payload `{channel, change, description?}` (shape only). */
export function parseUpdateChannelPayload(value: unknown, path = 'payload'): UpdateChannelPayload {
  const obj = expectObject(value, path, ['channel', 'change', 'description']);
  const description = optionalString(obj.description, `${path}.description`);
  return {
    channel: assertChannelName(obj.channel, `${path}.channel`),
    change: parseChange(obj.change, `${path}.change`),
    ...(description === undefined ? {} : { description }),
  };
}

/** The channel membership change an applied UPDATE_CHANNEL makes to a member record, if any. */
export function channelMembershipChange(payload: UpdateChannelPayload): { mspId: string; addChannel?: string; removeChannel?: string } | undefined {
  const { change, channel } = payload;
  if (change.kind === 'ADD_ORG') return { mspId: change.mspId, addChannel: channel };
  if (change.kind === 'REMOVE_ORG') return { mspId: change.mspId, removeChannel: channel };
  return undefined;
}
