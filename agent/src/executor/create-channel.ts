import { ConfigError } from '@opssc/channel-config';
import type { ChannelJoinStepInput, CreateChannelPayload } from '@opssc/core';
import { FabricAdminError } from '../fabric/fabric-admin-error';
import type { StepOutcome } from '../logging/step-log';
import type { ProposalView } from '../planner/proposal-view';
import type { ChannelJoinPort, OrdererJoinPort } from '../ports';
import type { ExecutorDeps } from './executor-deps';
import { blockDataHash, genesisOfProposal, type ProposalGenesis } from './proposal-genesis';

/** One line of the step log. */
export type ChannelStepLog = (record: { step: string; outcome: StepOutcome; detail?: string; waitingFor?: string; problem?: string }) => void;

/** How a join ended for the driver: recorded (done either way), or waiting for something only an operator can fix. */
export type ChannelJoinOutcome = 'recorded' | { waiting: string };

/** The orderer refused the block itself: retrying the same block cannot help. */
function refusedForGood(err: unknown): err is FabricAdminError {
  return err instanceof FabricAdminError && err.code === 'PARTICIPATION_REFUSED' && !err.retryable;
}

/**
 * Carries out this org's part of an approved CREATE_CHANNEL: builds the genesis block from the
 * proposal (every org builds the same bytes), joins its orderer when the org is a consenter, joins its
 * peer, and records JOINED with the block's data hash. Each sub-step is idempotent, so a drive after a
 * crash repeats nothing that counts. An orderer that already serves a different channel of that name,
 * a spec the config library refuses or a block the orderer refuses is recorded as FAILED with the
 * reason, never as joined.
 */
export async function joinNewChannel(
  deps: ExecutorDeps & { channelJoin: ChannelJoinPort },
  proposal: ProposalView,
  me: string,
  log: ChannelStepLog,
): Promise<ChannelJoinOutcome> {
  const payload = proposal.payload as CreateChannelPayload;
  const { channel } = payload;
  const record = async (step: ChannelJoinStepInput) => {
    const written = await deps.client.recordChannelJoin(proposal.id, step);
    const outcome: StepOutcome = step.status === 'FAILED' ? 'failed' : written.kind === 'committed' ? 'done' : 'already-done';
    log({ step: 'RECORD_JOIN', outcome, detail: step.status === 'FAILED' ? step.reason : `JOINED with genesis data hash ${step.genesisDataHash}` });
    return 'recorded' as const;
  };

  let genesis: ProposalGenesis;
  try {
    genesis = genesisOfProposal(proposal);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return record({ status: 'FAILED', reason: `GENESIS_INVALID: ${err.message}` });
  }
  log({ step: 'GENESIS', outcome: 'done', detail: `built block 0 of ${channel}, data hash ${genesis.dataHash}` });

  const consenter = payload.consenters.includes(me);
  if (consenter) {
    if (!deps.ordererJoin) {
      return { waiting: `an orderer admin endpoint (OPSSC_ORDERER_ADMIN_URL) to join ${me}'s orderer, a consenter of ${channel}` };
    }
    const refusal = await joinOrderer(deps.ordererJoin, channel, genesis, log);
    if (refusal) return record({ status: 'FAILED', reason: refusal });
  }

  if ((await deps.channelJoin.joinedChannels()).includes(channel)) {
    log({ step: 'JOIN_PEER', outcome: 'already-done', detail: `the peer had joined ${channel}` });
  } else {
    const joined = await deps.channelJoin.joinPeer(genesis.block);
    log({ step: 'JOIN_PEER', outcome: joined.alreadyJoined ? 'already-done' : 'done', detail: 'joined the peer with the genesis block' });
  }
  return record({ status: 'JOINED', genesisDataHash: genesis.dataHash, orderer: consenter });
}

/** Joins this org's orderer; returns why it cannot (a permanent refusal), or undefined once it serves the channel. */
async function joinOrderer(orderer: OrdererJoinPort, channel: string, genesis: ProposalGenesis, log: ChannelStepLog): Promise<string | undefined> {
  const existing = await orderer.channelStatus(channel);
  if (existing) {
    const served = blockDataHash(await orderer.genesisBlock(channel));
    if (served !== genesis.dataHash) {
      log({ step: 'JOIN_ORDERER', outcome: 'refused', detail: `the orderer serves a ${channel} with genesis data hash ${served}` });
      return `CHANNEL_EXISTS: ${channel} already exists on this org's orderer with another genesis block (data hash ${served}, the proposal's is ${genesis.dataHash})`;
    }
    log({ step: 'JOIN_ORDERER', outcome: 'already-done', detail: `the orderer is a ${existing.consensusRelation} (${existing.status})` });
    return undefined;
  }
  try {
    const joined = await orderer.join(genesis.block);
    log({ step: 'JOIN_ORDERER', outcome: joined.alreadyJoined ? 'already-done' : 'done', detail: 'joined the orderer with the genesis block' });
    return undefined;
  } catch (err) {
    if (!refusedForGood(err)) throw err;
    return `ORDERER_REFUSED: ${err.message}`;
  }
}
