import {
  canonicalJson,
  EventNames,
  GOVERNANCE_LIMITS,
  Keys,
  OpsError,
  parseFoundingInput,
  parseJsonArgument,
  type ConsortiumRecord,
  type Member,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { callerRole } from '../context/caller-role';
import { emitEvent } from '../context/emit-event';
import { txContext } from '../context/tx-context';
import { bumpMembershipVersion, putVotingPolicy } from '../ledger/consortium-store';
import { saveMember } from '../ledger/member-store';
import { getJson, putJson } from '../ledger/state';

/**
 * Registers the founding members (APPROVED; each activates itself) and the voting policy, once.
 * Only an admin of one of the founding orgs may call it.
 */
export async function initConsortium(ctx: Context, foundingJson: string): Promise<string> {
  const tx = txContext(ctx);
  const founding = parseFoundingInput(parseJsonArgument('founding', foundingJson, GOVERNANCE_LIMITS.mspArgumentBytes), tx.channel);
  const own = founding.members.find((m) => m.mspId === tx.callerMspId);
  if (!own) {
    throw new OpsError('NOT_A_MEMBER', `${tx.callerMspId} is not among the founding members`);
  }
  if (callerRole(tx, own.msp) !== 'admin') {
    throw new OpsError('NOT_AN_ADMIN', `only an admin of ${tx.callerMspId} may initialise the consortium`);
  }
  if (await getJson<ConsortiumRecord>(tx.stub, Keys.meta('consortium'))) {
    throw new OpsError('ALREADY_INITIALIZED', 'the consortium is already initialised');
  }

  const record: ConsortiumRecord = {
    opsChannel: tx.channel,
    settings: founding.settings,
    initializedAt: tx.nowIso,
    initializedBy: tx.callerMspId,
    txId: tx.txId,
  };
  await putJson(tx.stub, Keys.meta('consortium'), record);
  await putVotingPolicy(tx, founding.votingPolicy);
  for (const m of founding.members) {
    const member: Member = { ...m, status: 'APPROVED', founding: true, createdAt: tx.nowIso, updatedAt: tx.nowIso, updatedTxId: tx.txId };
    await saveMember(tx, undefined, member, 'founded');
  }
  const version = await bumpMembershipVersion(tx);
  emitEvent(tx, { name: EventNames.ConsortiumInitialized, status: 'INITIALIZED', membershipVersion: version });
  return canonicalJson({ version });
}
