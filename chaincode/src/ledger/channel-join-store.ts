import { Keys, type ChannelJoinStep } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { listJson, putJson } from './state';

/** Writes an org's channel-join step under its own key. */
export async function putChannelJoinStep(tx: TxContext, step: ChannelJoinStep): Promise<void> {
  await putJson(tx.stub, Keys.channelJoinStep(step.proposalId, step.mspId), step);
}

/** Every org's join step of a CREATE_CHANNEL proposal (a phantom-protected range read). */
export async function listChannelJoinSteps(tx: TxContext, proposalId: string): Promise<ChannelJoinStep[]> {
  return listJson<ChannelJoinStep>(tx.stub, Keys.channelJoinStepsOf(proposalId));
}
