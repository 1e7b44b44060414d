import { BootstrapError } from './bootstrap-error';
import type { BlockBytes, MemberNetwork, OwnOrdererPort, OwnPeerPort } from './bootstrap-ports';
import { configBlockOf, inspectOrg } from './config-inspection';
import { runStep, type BootstrapContext, type StepResult } from './step-runner';

/** This org's nodes, as the channel steps use them. */
export interface OwnNodes {
  peer: OwnPeerPort;
  /** Absent when the org runs no orderer (or its admin endpoint is not configured). */
  orderer?: OwnOrdererPort;
}

/** The channel's latest config block from a member orderer; waits (retryably) while this org cannot read it. */
async function latestConfig(net: MemberNetwork, channel: string): Promise<BlockBytes> {
  const block = await net.fetchLatestConfigBlock(channel);
  if (!block) {
    throw new BootstrapError('NOT_IN_CHANNEL_YET', `the members' orderers do not let this org read ${channel} yet`, true);
  }
  return block;
}

/** Polls the peer's height until it reaches the member orderer's height as read at the start. */
async function waitForHeight(ctx: BootstrapContext, peer: OwnPeerPort, net: MemberNetwork, channel: string): Promise<StepResult> {
  const target = await net.ordererHeight(channel);
  const deadline = ctx.clock.now().getTime() + ctx.options.catchUpTimeoutMs;
  for (;;) {
    const height = await peer.height(channel);
    if (height !== undefined && height >= target) return { outcome: 'done', detail: `peer height ${height} reached the orderer's ${target}` };
    if (ctx.clock.now().getTime() >= deadline || ctx.options.signal?.aborted) {
      const where = height === undefined ? 'has not yet reached the config block that admits this org' : `is at height ${height}`;
      throw new BootstrapError('CATCH_UP_TIMEOUT', `the peer ${where} on ${channel}; the orderer is at ${target}`, true);
    }
    await ctx.clock.sleep(ctx.options.catchUpPollMs, ctx.options.signal);
  }
}

/**
 * Brings this org's nodes into one channel whose config now includes the org: checks that config,
 * joins the orderer with the latest config block (it replicates the chain, as a consenter when the
 * config lists it, otherwise as a follower), joins the peer with block 0 (cscc JoinChain needs the
 * genesis block), waits until the peer has caught up, and checks the org's anchor peers.
 */
export async function joinChannelNodes(ctx: BootstrapContext, nodes: OwnNodes, net: MemberNetwork, channel: string): Promise<void> {
  const mspId = ctx.options.mspId;
  await runStep(ctx, `config:${channel}`, { step: 'check-config', channel }, async () => {
    const block = await latestConfig(net, channel);
    const org = inspectOrg(block.bytes, mspId);
    if (org.channelId !== channel || !org.application) {
      throw new BootstrapError('NOT_IN_CHANNEL_YET', `the config of ${channel} (block ${block.number}) does not list ${mspId} yet`, true);
    }
    return { outcome: 'done', detail: `config block ${block.number} lists ${mspId}${org.orderer ? ' as an application and an orderer org' : ''}` };
  });

  const orderer = nodes.orderer;
  await runStep(ctx, `orderer:${channel}`, { step: 'orderer-join', channel }, async () => {
    if (!orderer) return { outcome: 'done', detail: 'no orderer admin endpoint is configured: skipped' };
    const existing = await orderer.getChannel(channel);
    if (existing) return { outcome: 'already-done', detail: `the orderer is a ${existing.consensusRelation} (${existing.status})` };
    const block = await latestConfig(net, channel);
    const joined = await orderer.join(block.bytes);
    return { outcome: joined.alreadyJoined ? 'already-done' : 'done', detail: `joined with config block ${block.number} as a ${joined.channel.consensusRelation} (${joined.channel.status})` };
  });

  await runStep(ctx, `peer:${channel}`, { step: 'peer-join', channel }, async () => {
    if ((await nodes.peer.listChannels()).includes(channel)) return { outcome: 'already-done', detail: 'the peer had joined' };
    const genesis = await net.fetchBlock(channel, 0);
    const block = configBlockOf(genesis.bytes);
    if (block.channelId !== channel || block.number !== 0) {
      throw new Error(`the orderer answered block ${block.number} of ${block.channelId} for the genesis block of ${channel}`);
    }
    const joined = await nodes.peer.joinChannel(genesis.bytes);
    return { outcome: joined.alreadyJoined ? 'already-done' : 'done', detail: 'joined with the genesis block' };
  });

  await runStep(ctx, `caught-up:${channel}`, { step: 'peer-catch-up', channel }, () => waitForHeight(ctx, nodes.peer, net, channel));

  await runStep(ctx, `anchor-peers:${channel}`, { step: 'anchor-peers', channel }, async () => {
    const org = inspectOrg((await latestConfig(net, channel)).bytes, mspId);
    if (org.anchorPeers.length > 0) return { outcome: 'done', detail: `the channel config lists anchor peers ${org.anchorPeers.join(', ')}` };
    // Setting them is a config update of the channel, which needs the members' signatures: only reported here.
    return { outcome: 'done', problem: `${channel}'s config lists no anchor peer of ${mspId}; setting them needs a config update of ${channel}` };
  });
}
