import { OpsError } from '../errors';
import type { ContactMetadata, MspDefinition, NodeEndpoints } from '../msp/types';
import { assertChannelName, assertMspId } from './identifiers';
import { expectArray, expectInteger, expectObject } from './input-shape';
import { admissionChannels } from './join-request-shape';
import { GOVERNANCE_LIMITS } from './limits';
import { parseContactMetadata, parseMspDefinitionShape, parseNodeEndpoints } from './member-input';
import { assertPolicySatisfiable, DEFAULT_VOTING_POLICY, parseVotingPolicy, type VotingPolicy } from './voting-policy';

/** Consortium-wide settings, fixed at initialisation. */
export interface ConsortiumSettings {
  /** Certificates of a joining MSP must stay valid at least this long after the transaction time. */
  minCertLifetimeSeconds: number;
}

/**
 * The `meta~consortium` record: present once InitConsortium has run. Every transaction reads it, so it
 * stays small (founders are flagged on their member records instead of listed here).
 */
export interface ConsortiumRecord {
  /** The channel consortium_ops runs on; every admitted org joins it first. */
  opsChannel: string;
  settings: ConsortiumSettings;
  initializedAt: string;
  initializedBy: string;
  txId: string;
}

/** One founding member as InitConsortium receives it. */
export interface FoundingMember {
  mspId: string;
  msp: MspDefinition;
  nodes: NodeEndpoints;
  metadata: ContactMetadata;
  channels: string[];
}

/** The validated InitConsortium argument. */
export interface FoundingInput {
  members: FoundingMember[];
  votingPolicy: VotingPolicy;
  settings: ConsortiumSettings;
}

/**
 * Reads InitConsortium's `founding` argument. Founding MSPs are already in the channel configs the
 * network was created with, so they are checked for shape only; newcomers get the full MSP validation.
 * The voting policy must be satisfiable by the founders, who are the voters once they activate.
 */
export function parseFoundingInput(value: unknown, opsChannel: string): FoundingInput {
  const obj = expectObject(value, 'founding', ['members', 'votingPolicy', 'settings']);
  const members = expectArray(obj.members, 'founding.members', GOVERNANCE_LIMITS.members, (v, p) => {
    const m = expectObject(v, p, ['mspId', 'msp', 'nodes', 'metadata', 'channels']);
    const mspId = assertMspId(m.mspId, `${p}.mspId`);
    const channels = m.channels === undefined ? [] : expectArray(m.channels, `${p}.channels`, 64, (c, cp) => assertChannelName(c, cp), true);
    return {
      mspId,
      msp: parseMspDefinitionShape(m.msp, `${p}.msp`, mspId),
      nodes: parseNodeEndpoints(m.nodes ?? { peers: [], anchorPeers: [], orderers: [] }, `${p}.nodes`),
      metadata: parseContactMetadata(m.metadata, `${p}.metadata`),
      channels: admissionChannels(opsChannel, channels),
    };
  });
  if (members.length === 0) {
    throw new OpsError('INVALID_ARGUMENT', 'founding.members must name at least one org');
  }
  const ids = members.map((m) => m.mspId);
  if (new Set(ids).size !== ids.length) {
    throw new OpsError('INVALID_ARGUMENT', 'founding.members has a duplicate mspId');
  }
  const votingPolicy = obj.votingPolicy === undefined ? DEFAULT_VOTING_POLICY : parseVotingPolicy(obj.votingPolicy, 'founding.votingPolicy');
  assertPolicySatisfiable(votingPolicy, ids);
  const settings = expectObject(obj.settings ?? {}, 'founding.settings', ['minCertLifetimeSeconds']);
  const minCertLifetimeSeconds =
    settings.minCertLifetimeSeconds === undefined
      ? GOVERNANCE_LIMITS.defaultMinCertLifetimeSeconds
      : expectInteger(settings.minCertLifetimeSeconds, 'founding.settings.minCertLifetimeSeconds', 0, 365 * 24 * 3600);
  return { members, votingPolicy: { ...votingPolicy }, settings: { minCertLifetimeSeconds } };
}
