import { buildConfigUpdateEnvelope, buildConfigUpdateTransaction } from '@opssc/channel-config';
import { common } from '@hyperledger/fabric-protos';
import { classifyBroadcast } from '../ledger/classify-failure';
import type { ChannelAction } from '../planner/actions';
import type { ProposalView } from '../planner/proposal-view';
import type { FetchedConfig } from '../ports';
import { awaitConfigCommit } from './await-config-commit';
import type { ExecutorDeps } from './executor-deps';

type Submit = Extract<ChannelAction, { kind: 'SUBMIT' }>;

/** What a submission led to, for the step log. */
export interface SubmitOutcome {
  outcome: 'done' | 'refused';
  detail: string;
}

function configSignatures(proposal: ProposalView, channel: string, action: Submit): common.ConfigSignature[] {
  return proposal.signatures
    .filter((s) => s.channel === channel && s.attempt === action.attempt && action.signers.includes(s.mspId))
    .map((s) => {
      const signature = new common.ConfigSignature();
      signature.setSignatureHeader(Buffer.from(s.signatureHeader, 'base64'));
      signature.setSignature(Buffer.from(s.signature, 'base64'));
      return signature;
    });
}

/**
 * Wraps the recorded update bytes and the valid recorded signatures into a CONFIG_UPDATE envelope signed
 * by this org, broadcasts it, and waits for the new config block. The result is not recorded here when
 * the orderer accepted: the next planning pass sees the change in the config and records COMMITTED with
 * the config block's number, which is the same path a restart after a crash takes.
 * A refusal is recorded here unless the config moved meanwhile (then the planner decides): a version
 * conflict is STALE (a new attempt recomputes; the votes stand), anything else FAILED with the orderer's
 * reason. Transport failures propagate as transient: the next pass looks at the config first.
 */
export async function submitConfigUpdate(deps: ExecutorDeps, proposal: ProposalView, channel: string, action: Submit, before: FetchedConfig): Promise<SubmitOutcome> {
  const envelope = await buildConfigUpdateTransaction({
    channelId: channel,
    configUpdateEnvelope: buildConfigUpdateEnvelope(action.update, configSignatures(proposal, channel, action)),
    signatureHeader: deps.signer.newSignatureHeader(),
    timestamp: deps.clock.now(),
    sign: (message) => deps.signer.sign(message),
  });
  const answer = classifyBroadcast(await deps.broadcaster.broadcast(envelope.serializeBinary()));
  if (answer.kind === 'accepted') {
    const latest = await awaitConfigCommit(deps, channel, before.sequence);
    return { outcome: 'done', detail: `accepted; config block ${latest.blockNumber} has sequence ${latest.sequence}` };
  }
  const latest = await deps.configFetcher.fetchLatestConfig(channel);
  if (latest && latest.sequence !== before.sequence) {
    return { outcome: 'refused', detail: `${answer.reason}; the config moved to sequence ${latest.sequence}, planning again` };
  }
  const result = answer.kind === 'stale' ? { status: 'STALE' as const, reason: answer.reason } : { status: 'FAILED' as const, reason: answer.reason };
  const recorded = await deps.client.recordTaskResult(proposal.id, channel, action.attempt, result);
  return { outcome: 'refused', detail: `${answer.reason}; recorded ${result.status} (${recorded.kind})` };
}
