import {
  addApplicationOrg,
  addConsenter,
  addOrdererOrg,
  computeConfigUpdate,
  ConfigError,
  mspValueBytes,
  readRaftConsenters,
  removeOrdererOrg,
  removeOrg,
  replaceOrgMsp,
  setAnchorPeers,
  setBatchSize,
  setBatchTimeout,
} from '@opssc/channel-config';
import type { common } from '@hyperledger/fabric-protos';
import type { AddOrgPayload, Proposal, RemoveOrgPayload, UpdateChannelPayload, UpdateOrgMspPayload } from '@opssc/core';
import { groupAt, valuesOf } from './config-maps';

/** What an approved proposal asks of one channel's current config. */
export type ApprovedChange =
  /** The config already has the change: nothing to send. */
  | { kind: 'APPLIED' }
  /** The update that makes the change, and the config it leads to. */
  | { kind: 'UPDATE'; update: common.ConfigUpdate; updated: common.Config }
  /** The change cannot be made to this config (e.g. it would remove the last consenter). */
  | { kind: 'INVALID'; reason: string }
  /** This agent does not carry out this proposal type on channels. */
  | { kind: 'UNSUPPORTED'; reason: string };

/** Proposal types whose channel change is taking an org out of the channel. */
export const REMOVAL_TYPES: readonly string[] = ['REMOVE_ORG', 'SUSPEND_ORG'];

/**
 * The org a proposal takes out of a channel (or out of its Raft cluster), if it does: the subject of a
 * removal type, or the org of an UPDATE_CHANNEL REMOVE_ORG or REMOVE_CONSENTER. Such a change is checked
 * for safety first (removal-safety.ts).
 */
export function removedOrg(proposal: Pick<Proposal, 'type' | 'payload'>): string | undefined {
  if (REMOVAL_TYPES.includes(proposal.type)) return (proposal.payload as RemoveOrgPayload).mspId;
  if (proposal.type === 'UPDATE_CHANNEL') {
    const { change } = proposal.payload as UpdateChannelPayload;
    if (change.kind === 'REMOVE_ORG' || change.kind === 'REMOVE_CONSENTER') return change.mspId;
  }
  return undefined;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

// Skips a part that is already there; a different MSP under the same name is not "already there".
function unlessPresent(config: common.Config, section: string, mspId: string, expectedMsp: Uint8Array, add: () => common.Config): common.Config {
  const existing = groupAt(config, [section, mspId]);
  if (existing) {
    const msp = valuesOf(existing).get('MSP')?.getValue_asU8();
    if (msp && !bytesEqual(msp, expectedMsp)) {
      throw new ConfigError('ORG_EXISTS', `${mspId} is already a ${section} org of this channel with a different MSP definition`);
    }
    return config;
  }
  try {
    return add();
  } catch (err) {
    // an org group under another name carries this MSP ID: the change is there already
    if (err instanceof ConfigError && err.reason === 'ORG_EXISTS') return config;
    throw err;
  }
}

function addOrgConfig(config: common.Config, payload: AddOrgPayload): common.Config {
  const { msp, nodes } = payload.request;
  const mspBytes = mspValueBytes(msp);
  let updated = unlessPresent(config, 'Application', msp.mspId, mspBytes, () => addApplicationOrg(config, { msp, anchorPeers: nodes.anchorPeers }));
  // the joiner becomes an orderer org only when it brings a consenter, as the join request states
  if (nodes.orderers.some((o) => o.consenter)) {
    const base = updated;
    updated = unlessPresent(base, 'Orderer', msp.mspId, mspBytes, () => addOrdererOrg(base, { msp, orderers: nodes.orderers }));
  }
  return updated;
}

function removeOrgConfig(config: common.Config, mspId: string): common.Config {
  try {
    return removeOrg(config, mspId);
  } catch (err) {
    if (err instanceof ConfigError && err.reason === 'ORG_NOT_FOUND') return config;
    throw err;
  }
}

/**
 * An UPDATE_CHANNEL's change: ADD_ORG adds the member as an application org with its anchor peers (as
 * recorded on the proposal by CreateProposal; its orderer is not made a consenter); ADD_CONSENTER adds
 * its orderer org (unless there) and its one consenter; REMOVE_CONSENTER takes out its orderer org and
 * consenters and leaves its application org; the others map to the config library's builders one to one.
 */
function channelUpdateConfig(config: common.Config, payload: UpdateChannelPayload): common.Config {
  const { change } = payload;
  switch (change.kind) {
    case 'ADD_ORG': {
      if (!change.msp) throw new ConfigError('INVALID_VALUE', `the proposal carries no MSP for ${change.mspId}`);
      const msp = change.msp;
      return unlessPresent(config, 'Application', change.mspId, mspValueBytes(msp), () => addApplicationOrg(config, { msp, anchorPeers: change.anchorPeers ?? [] }));
    }
    case 'REMOVE_ORG':
      return removeOrgConfig(config, change.mspId);
    case 'ADD_CONSENTER': {
      const { msp, orderer } = change;
      if (!msp || !orderer) throw new ConfigError('INVALID_VALUE', `the proposal carries no MSP or orderer for ${change.mspId}`);
      const withOrg = unlessPresent(config, 'Orderer', change.mspId, mspValueBytes(msp), () => addOrdererOrg(config, { msp, orderers: [orderer] }));
      const present = readRaftConsenters(withOrg).some((c) => c.getHost() === orderer.host && c.getPort() === orderer.port);
      return present ? withOrg : addConsenter(withOrg, orderer);
    }
    case 'REMOVE_CONSENTER':
      try {
        return removeOrdererOrg(config, change.mspId);
      } catch (err) {
        if (err instanceof ConfigError && err.reason === 'ORG_NOT_FOUND') return config;
        throw err;
      }
    case 'SET_BATCH_TIMEOUT':
      return setBatchTimeout(config, change.timeout);
    case 'SET_BATCH_SIZE': {
      const { maxMessageCount, absoluteMaxBytes, preferredMaxBytes } = change;
      return setBatchSize(config, { maxMessageCount, absoluteMaxBytes, preferredMaxBytes });
    }
    case 'SET_ANCHOR_PEERS':
      return setAnchorPeers(config, change.mspId, change.peers);
  }
}

/**
 * The change `proposal` makes to `channelId`, computed from the channel's CURRENT config and the approved
 * payload only. Every agent computes it independently: the designated one records it, the others compare
 * the recorded update with their own result before signing. ADD_ORG adds the application org with its
 * anchor peers, and its orderer org and consenters when it brings a consenter; REMOVE_ORG and SUSPEND_ORG
 * (when the chain lists channels for it) remove the org and its consenters; UPDATE_ORG_MSP replaces the
 * org's MSP value in its application and orderer groups; UPDATE_CHANNEL makes its one change
 * (channelUpdateConfig).
 */
export function approvedChange(proposal: Proposal, channelId: string, config: common.Config): ApprovedChange {
  let updated: common.Config;
  try {
    if (proposal.type === 'ADD_ORG') {
      updated = addOrgConfig(config, proposal.payload as AddOrgPayload);
    } else if (proposal.type === 'UPDATE_CHANNEL') {
      updated = channelUpdateConfig(config, proposal.payload as UpdateChannelPayload);
    } else if (proposal.type === 'UPDATE_ORG_MSP') {
      updated = replaceOrgMsp(config, (proposal.payload as UpdateOrgMspPayload).msp);
    } else if (REMOVAL_TYPES.includes(proposal.type)) {
      updated = removeOrgConfig(config, (proposal.payload as RemoveOrgPayload).mspId);
    } else {
      return { kind: 'UNSUPPORTED', reason: `${proposal.type} is not carried out on channels by this agent` };
    }
    return { kind: 'UPDATE', update: computeConfigUpdate(channelId, config, updated), updated };
  } catch (err) {
    if (err instanceof ConfigError && err.reason === 'NO_CHANGE') return { kind: 'APPLIED' };
    if (err instanceof ConfigError) return { kind: 'INVALID', reason: err.message };
    throw err;
  }
}
