import { Keys, OpsError, type ConsortiumRecord, type MembershipVersion, type VotingPolicy } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { getJson, putJson } from './state';

/** The `meta~consortium` record, or NOT_INITIALIZED. */
export async function requireConsortium(tx: TxContext): Promise<ConsortiumRecord> {
  const record = await getJson<ConsortiumRecord>(tx.stub, Keys.meta('consortium'));
  if (!record) {
    throw new OpsError('NOT_INITIALIZED', 'InitConsortium has not run on this channel');
  }
  return record;
}

/** The voting policy in force. */
export async function getVotingPolicy(tx: TxContext): Promise<VotingPolicy> {
  const policy = await getJson<VotingPolicy>(tx.stub, Keys.meta('voting-policy'));
  if (!policy) {
    throw new OpsError('NOT_INITIALIZED', 'no voting policy is set');
  }
  return policy;
}

/** Replaces the voting policy. */
export async function putVotingPolicy(tx: TxContext, policy: VotingPolicy): Promise<void> {
  await putJson(tx.stub, Keys.meta('voting-policy'), policy);
}

/** The current membership version (0 before initialisation). */
export async function getMembershipVersion(tx: TxContext): Promise<number> {
  return (await getJson<MembershipVersion>(tx.stub, Keys.meta('membership-version')))?.version ?? 0;
}

/**
 * Increments the membership version, once per transaction. Every membership-changing transaction reads
 * and writes this one key, so two of them in the same block conflict and one is retried: membership
 * changes are serialised, and the version is a gap-free count of them.
 */
export async function bumpMembershipVersion(tx: TxContext): Promise<number> {
  if (tx.bumpedMembershipVersion === undefined) {
    const version = (await getMembershipVersion(tx)) + 1;
    await putJson(tx.stub, Keys.meta('membership-version'), { version, updatedAt: tx.nowIso, txId: tx.txId } satisfies MembershipVersion);
    tx.bumpedMembershipVersion = version;
  }
  return tx.bumpedMembershipVersion;
}
