import { createHash } from 'node:crypto';
import { common } from '@hyperledger/fabric-protos';
import { buildGenesisBlock, type ChannelGenesisSpec } from '@opssc/channel-config';
import type { CreateChannelPayload } from '@opssc/core';

/** A channel's genesis block and the hex of its header's data hash (what orgs record and compare). */
export interface ProposalGenesis {
  block: Uint8Array;
  dataHash: string;
}

/** The genesis spec a CREATE_CHANNEL payload states: its org snapshots, policies and batch parameters. */
export function genesisSpecOf(payload: CreateChannelPayload): ChannelGenesisSpec {
  const orgs = payload.orgs ?? [];
  return {
    channelId: payload.channel,
    applicationOrgs: orgs.map((org) => ({ msp: org.msp, anchorPeers: org.anchorPeers })),
    ordererOrgs: orgs.filter((org) => payload.consenters.includes(org.mspId)).map((org) => ({ msp: org.msp, orderers: org.orderers })),
    batch: payload.batch,
    policies: payload.policies,
  };
}

/** The data hash of a serialized block, hex. */
export function blockDataHash(block: Uint8Array): string {
  return Buffer.from(common.Block.deserializeBinary(block).getHeader()?.getDataHash_asU8() ?? new Uint8Array()).toString('hex');
}

/**
 * The genesis block of an approved CREATE_CHANNEL, built from the proposal alone so that every org's
 * agent builds the same bytes: the header's timestamp is the decision time recorded on-chain, and its
 * nonce is derived from the proposal id.
 */
export function genesisOfProposal(proposal: { id: string; decidedAt?: string; createdAt: string; payload: unknown }): ProposalGenesis {
  const payload = proposal.payload as CreateChannelPayload;
  const timestamp = new Date(proposal.decidedAt ?? proposal.createdAt);
  const nonce = createHash('sha256').update(`opssc/genesis/${proposal.id}`).digest().subarray(0, 24);
  const block = buildGenesisBlock(genesisSpecOf(payload), { timestamp, nonce });
  return { block, dataHash: blockDataHash(block) };
}
