import { createHash } from 'node:crypto';
import type { MemberSummary } from './proposal-view';

/** What the designation rule looks at; all of it is on the chain, so every agent computes the same answer. */
export interface DesignationInput {
  proposalId: string;
  channel: string;
  attempt: number;
  members: readonly MemberSummary[];
  /** An org that may not be designated: the subject of a removal (it may be gone, or unwilling). */
  exclude?: string;
  /** When the attempt became due: the decision, or the previous result (on-chain timestamps). */
  dueSince?: Date;
  now: Date;
  /** How long a designated agent has before the next candidate takes over. */
  failoverMs: number;
}

/**
 * The candidates, sorted: the ACTIVE members that are on the channel (by their member record), minus the
 * excluded org. When no active member lists the channel, every active member is a candidate.
 */
export function designationCandidates(members: readonly MemberSummary[], channel: string, exclude?: string): string[] {
  const active = members.filter((m) => m.status === 'ACTIVE' && m.mspId !== exclude);
  const onChannel = active.filter((m) => m.channels.includes(channel));
  return (onChannel.length > 0 ? onChannel : active).map((m) => m.mspId).sort();
}

/**
 * The org whose agent computes and records the config update of one attempt, and therefore also submits
 * it and records its result (consortium_ops lets only the recording org record the result).
 *
 * Rule: with the n candidates sorted, the designated org is the one at index
 * `(sha256("<proposalId>|<channel>|<attempt>") mod n + k) mod n`, where k = floor(time since the attempt
 * became due / failoverMs). The hash spreads the work over the orgs and changes with every attempt, so a
 * stale attempt usually moves to another org; k hands the job to the next candidate when the designated
 * agent stays silent. Two agents that disagree (clock skew) are harmless: the chaincode accepts one update
 * per attempt and refuses the second with CONFIG_UPDATE_EXISTS.
 */
export function designatedAgent(input: DesignationInput): string | undefined {
  const candidates = designationCandidates(input.members, input.channel, input.exclude);
  if (candidates.length === 0) return undefined;
  const digest = createHash('sha256').update(`${input.proposalId}|${input.channel}|${input.attempt}`).digest('hex');
  const base = Number(BigInt(`0x${digest}`) % BigInt(candidates.length));
  const waited = input.dueSince ? Math.max(0, input.now.getTime() - input.dueSince.getTime()) : 0;
  const shift = Math.floor(waited / Math.max(1, input.failoverMs));
  return candidates[(base + shift) % candidates.length];
}
