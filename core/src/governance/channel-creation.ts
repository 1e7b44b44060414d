import { OpsError } from '../errors';
import type { MspDefinition, OrdererEndpoint, PeerEndpoint } from '../msp/types';
import { parseBatchSizeFields, parseBatchTimeout } from './channel-update';
import { assertChannelName, assertMspId } from './identifiers';
import { expectArray, expectObject, expectString, optionalString } from './input-shape';
import { GOVERNANCE_LIMITS } from './limits';
import type { Member } from './member';

/**
 * CREATE_CHANNEL: a new application channel, stated in human-readable form. CreateProposal resolves
 * each org's MSP, anchor peers and consenting orderers from its member record into `orgs`, so what is
 * voted on is exactly what the genesis block is built from. After approval every member org's agent
 * builds the same genesis block from the proposal alone (deterministically), joins its orderer through
 * the channel participation API when the org is a consenter, joins its peer, and records that as its
 * own step; the proposal is APPLIED once every member org has.
 */

/** An ImplicitMeta rule over the orgs' policies of the same name. */
export const ImplicitMetaRules = ['ANY', 'ALL', 'MAJORITY'] as const;
export type ImplicitMetaRule = (typeof ImplicitMetaRules)[number];

/** The channel-wide policies a spec sets; Readers and Writers are always ANY. */
export interface ChannelPolicyRules {
  /** `/Channel/Admins`, `/Channel/Orderer/Admins` and `/Channel/Application/Admins`: who signs later config updates. */
  admins: ImplicitMetaRule;
  /** `/Channel/Application/Endorsement`: the default chaincode endorsement policy. */
  endorsement: ImplicitMetaRule;
  /** `/Channel/Application/LifecycleEndorsement`: how many orgs must approve a chaincode definition. */
  lifecycleEndorsement: ImplicitMetaRule;
}

/** The orderer's batch parameters. */
export interface ChannelBatch {
  /** A Go duration, e.g. `2s`. */
  timeout: string;
  maxMessageCount: number;
  absoluteMaxBytes: number;
  preferredMaxBytes: number;
}

/** One member org as the genesis block carries it, copied from its member record at proposal time. */
export interface ChannelOrgSnapshot {
  mspId: string;
  msp: MspDefinition;
  anchorPeers: PeerEndpoint[];
  /** The org's orderers when it is a consenter (those marked consenter join Raft); empty otherwise. */
  orderers: OrdererEndpoint[];
}

/** The payload of a CREATE_CHANNEL proposal. */
export interface CreateChannelPayload {
  channel: string;
  /** The application orgs, all ACTIVE members. */
  members: string[];
  /** The members whose orderers are the Raft consenters; defaults to every member with a consenting orderer. */
  consenters: string[];
  policies: ChannelPolicyRules;
  batch: ChannelBatch;
  description?: string;
  /** Filled by CreateProposal from the member records, in `members` order; never accepted from a client. */
  orgs?: ChannelOrgSnapshot[];
}

export const DEFAULT_CHANNEL_POLICIES: Readonly<ChannelPolicyRules> = Object.freeze({ admins: 'MAJORITY', endorsement: 'MAJORITY', lifecycleEndorsement: 'MAJORITY' });

/** Fabric's own defaults for a new channel (configtxgen's sample profile). */
export const DEFAULT_CHANNEL_BATCH: Readonly<ChannelBatch> = Object.freeze({ timeout: '2s', maxMessageCount: 500, absoluteMaxBytes: 10 * 1024 * 1024, preferredMaxBytes: 2 * 1024 * 1024 });

const MAX_CHANNEL_MEMBERS = GOVERNANCE_LIMITS.members;

function parseRule(value: unknown, path: string, fallback: ImplicitMetaRule): ImplicitMetaRule {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(ImplicitMetaRules as readonly string[]).includes(value)) {
    throw new OpsError('INVALID_ARGUMENT', `${path} must be one of ${ImplicitMetaRules.join(', ')}`);
  }
  return value as ImplicitMetaRule;
}

function parsePolicies(value: unknown, path: string): ChannelPolicyRules {
  if (value === undefined) return { ...DEFAULT_CHANNEL_POLICIES };
  const obj = expectObject(value, path, ['admins', 'endorsement', 'lifecycleEndorsement']);
  return {
    admins: parseRule(obj.admins, `${path}.admins`, DEFAULT_CHANNEL_POLICIES.admins),
    endorsement: parseRule(obj.endorsement, `${path}.endorsement`, DEFAULT_CHANNEL_POLICIES.endorsement),
    lifecycleEndorsement: parseRule(obj.lifecycleEndorsement, `${path}.lifecycleEndorsement`, DEFAULT_CHANNEL_POLICIES.lifecycleEndorsement),
  };
}

function parseBatch(value: unknown, path: string): ChannelBatch {
  if (value === undefined) return { ...DEFAULT_CHANNEL_BATCH };
  const obj = expectObject(value, path, ['timeout', 'maxMessageCount', 'absoluteMaxBytes', 'preferredMaxBytes']);
  const batch = {
    ...DEFAULT_CHANNEL_BATCH,
    ...(obj.timeout !== undefined ? { timeout: parseBatchTimeout(obj.timeout, `${path}.timeout`) } : {}),
    ...parseBatchSizeFields(obj, path),
  };
  if (batch.preferredMaxBytes > batch.absoluteMaxBytes) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.preferredMaxBytes (${batch.preferredMaxBytes}) must not exceed absoluteMaxBytes (${batch.absoluteMaxBytes})`);
  }
  return batch;
}

/**
 * Reads a CREATE_CHANNEL payload `{channel, members, consenters?, policies?, batch?, description?}`
 * (shape only; whether the orgs are ACTIVE members is checked against the ledger by
 * {@link resolveChannelCreation}). Defaults are filled in, so the stored payload states every choice.
 */
export function parseCreateChannelPayload(value: unknown, path = 'payload'): CreateChannelPayload {
  const obj = expectObject(value, path, ['channel', 'members', 'consenters', 'policies', 'batch', 'description']);
  const channel = assertChannelName(obj.channel, `${path}.channel`);
  const members = expectArray(obj.members, `${path}.members`, MAX_CHANNEL_MEMBERS, (v, p) => assertMspId(v, p), true);
  if (members.length === 0) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.members must name at least one member org`);
  }
  const consenters = obj.consenters === undefined ? [] : expectArray(obj.consenters, `${path}.consenters`, MAX_CHANNEL_MEMBERS, (v, p) => assertMspId(v, p), true);
  if (obj.consenters !== undefined && consenters.length === 0) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.consenters must name at least one org (or be left out for every member with a consenting orderer)`);
  }
  const outsider = consenters.find((c) => !members.includes(c));
  if (outsider) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.consenters: ${outsider} is not one of the channel's members`);
  }
  const description = optionalString(obj.description, `${path}.description`);
  return {
    channel,
    members,
    consenters,
    policies: parsePolicies(obj.policies, `${path}.policies`),
    batch: parseBatch(obj.batch, `${path}.batch`),
    ...(description === undefined ? {} : { description }),
  };
}

/**
 * Checks a parsed CREATE_CHANNEL payload against the member records and fills in `orgs` (and the
 * default consenters): every member must be ACTIVE; the channel must not be one any member is already
 * in; a consenter must run at least one orderer marked consenter. Throws MEMBER_NOT_FOUND,
 * MEMBER_NOT_ACTIVE, CHANNEL_EXISTS or INVALID_ARGUMENT.
 */
export function resolveChannelCreation(payload: CreateChannelPayload, records: readonly Member[]): CreateChannelPayload {
  const byId = new Map(records.map((m) => [m.mspId, m]));
  const holder = records.find((m) => m.status !== 'REMOVED' && m.status !== 'REJECTED' && m.channels.includes(payload.channel));
  if (holder) {
    throw new OpsError('CHANNEL_EXISTS', `${payload.channel} already exists: ${holder.mspId} is in it`);
  }
  const members = payload.members.map((mspId) => {
    const member = byId.get(mspId);
    if (!member) throw new OpsError('MEMBER_NOT_FOUND', `${mspId} is not a member`);
    if (member.status !== 'ACTIVE') throw new OpsError('MEMBER_NOT_ACTIVE', `a channel's members must be ACTIVE; ${mspId} is ${member.status}`);
    return member;
  });
  const consenting = (m: Member) => m.nodes.orderers.some((o) => o.consenter);
  const consenters = payload.consenters.length > 0 ? payload.consenters : members.filter(consenting).map((m) => m.mspId);
  if (consenters.length === 0) {
    throw new OpsError('INVALID_ARGUMENT', `none of ${payload.members.join(', ')} runs a consenting orderer; the channel needs at least one consenter`);
  }
  const idle = consenters.find((mspId) => !consenting(byId.get(mspId) as Member));
  if (idle) {
    throw new OpsError('INVALID_ARGUMENT', `${idle} is named a consenter but its member record lists no orderer marked consenter`);
  }
  const orgs = members.map((m) => ({
    mspId: m.mspId,
    msp: m.msp,
    anchorPeers: m.nodes.anchorPeers,
    orderers: consenters.includes(m.mspId) ? m.nodes.orderers : [],
  }));
  return { ...payload, consenters, orgs };
}

/** What an org's agent records for a CREATE_CHANNEL: its nodes joined, or why they could not. */
export type ChannelJoinStepInput =
  | {
      status: 'JOINED';
      /** Hex of the genesis block's header data hash: the block the org's nodes joined with. */
      genesisDataHash: string;
      /** Whether the org's orderer joined (it is a consenter). */
      orderer: boolean;
    }
  | { status: 'FAILED'; reason: string };

/** A recorded step, stored under `chjoin~proposalId~mspId`; written once, by an admin of `mspId`. */
export type ChannelJoinStep = ChannelJoinStepInput & {
  proposalId: string;
  mspId: string;
  recordedAt: string;
  txId: string;
};

const HEX_DIGEST = /^[0-9a-f]{64}$/;

/** Reads RecordChannelJoin's `step`. */
export function parseChannelJoinStepInput(value: unknown): ChannelJoinStepInput {
  const obj = expectObject(value, 'step', ['status', 'genesisDataHash', 'orderer', 'reason']);
  if (obj.status === 'JOINED') {
    expectObject(value, 'step', ['status', 'genesisDataHash', 'orderer']);
    if (typeof obj.orderer !== 'boolean') {
      throw new OpsError('INVALID_ARGUMENT', 'step.orderer must be a boolean');
    }
    return { status: 'JOINED', genesisDataHash: expectString(obj.genesisDataHash, 'step.genesisDataHash', { pattern: HEX_DIGEST, describe: '64 lower-case hex characters' }), orderer: obj.orderer };
  }
  if (obj.status === 'FAILED') {
    expectObject(value, 'step', ['status', 'reason']);
    return { status: 'FAILED', reason: expectString(obj.reason, 'step.reason', { max: GOVERNANCE_LIMITS.textChars }) };
  }
  throw new OpsError('INVALID_ARGUMENT', 'step.status must be JOINED or FAILED');
}

/**
 * Refuses a JOINED step whose genesis block differs from one already recorded: every org must join the
 * same chain, and two different blocks mean two agents disagree on how to build it.
 */
export function assertSameGenesis(step: ChannelJoinStepInput, recorded: readonly ChannelJoinStep[]): void {
  if (step.status !== 'JOINED') return;
  const other = recorded.find((s) => s.status === 'JOINED' && s.genesisDataHash !== step.genesisDataHash);
  if (other && other.status === 'JOINED') {
    throw new OpsError('GENESIS_MISMATCH', `${other.mspId} joined with genesis data hash ${other.genesisDataHash}, not ${step.genesisDataHash}`);
  }
}

/** True when every member org of the channel has recorded JOINED. */
export function channelCreationComplete(payload: CreateChannelPayload, steps: readonly Pick<ChannelJoinStep, 'mspId' | 'status'>[]): boolean {
  const joined = new Set(steps.filter((s) => s.status === 'JOINED').map((s) => s.mspId));
  return payload.members.every((mspId) => joined.has(mspId));
}
