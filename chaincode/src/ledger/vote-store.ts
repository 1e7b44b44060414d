import { Keys, type Attestation, type AttestationMismatch, type Vote } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { getJson, listJson, putJson } from './state';

/** The vote of `mspId` on `proposalId`, or undefined. */
export async function getVote(tx: TxContext, proposalId: string, mspId: string): Promise<Vote | undefined> {
  return getJson<Vote>(tx.stub, Keys.vote(proposalId, mspId));
}

/** Writes a vote under its own key: the only key CastVote writes. */
export async function putVote(tx: TxContext, vote: Vote): Promise<void> {
  await putJson(tx.stub, Keys.vote(vote.proposalId, vote.mspId), vote);
}

/** All votes on `proposalId` (a phantom-protected range read). */
export async function listVotes(tx: TxContext, proposalId: string): Promise<Vote[]> {
  return listJson<Vote>(tx.stub, Keys.votesOf(proposalId));
}

/** The attestation of `mspId` on `proposalId`, or undefined. */
export async function getAttestation(tx: TxContext, proposalId: string, mspId: string): Promise<Attestation | undefined> {
  return getJson<Attestation>(tx.stub, Keys.attestation(proposalId, mspId));
}

/** Writes an attestation under its own key. */
export async function putAttestation(tx: TxContext, attestation: Attestation): Promise<void> {
  await putJson(tx.stub, Keys.attestation(attestation.proposalId, attestation.mspId), attestation);
}

/** Writes a digest mismatch under its own key. */
export async function putMismatch(tx: TxContext, mismatch: AttestationMismatch): Promise<void> {
  await putJson(tx.stub, Keys.mismatch(mismatch.proposalId, mismatch.mspId, mismatch.txId), mismatch);
}

/** Attestations and mismatches of a proposal. */
export async function listAttestations(tx: TxContext, proposalId: string): Promise<{ attestations: Attestation[]; mismatches: AttestationMismatch[] }> {
  return {
    attestations: await listJson<Attestation>(tx.stub, Keys.attestationsOf(proposalId)),
    mismatches: await listJson<AttestationMismatch>(tx.stub, Keys.mismatchesOf(proposalId)),
  };
}
