import { readRaftConsenters } from '@opssc/channel-config';
import { common, peer } from '@hyperledger/fabric-protos';
import type { CommittedDefinition } from '../ports';
import { sectionOrgs } from './channel-orgs';
import { configPolicySatisfied, resolvePolicy, signaturePolicySatisfied, type PrincipalTest } from './policy-evaluation';

/** What the removal pre-check looks at. */
export interface RemovalCheckInput {
  subject: string;
  current: common.Config;
  /** The config the removal leads to. */
  updated: common.Config;
  /** The chaincode definitions committed on the channel. */
  committed: readonly CommittedDefinition[];
}

const endpoint = (c: { getHost(): string; getPort(): number }) => `${c.getHost()}:${c.getPort()}`;

/**
 * Raft safety. With C the current consenters and R those the removal takes out, the removal is unsafe when
 * - it takes out more than one consenter (etcdraft changes one member at a time), or
 * - the consenters that remain are not a majority of C (|C| - |R| < floor(|C|/2) + 1): the config change
 *   itself, and every block after it until the cluster shrinks, would then need the removed org's orderer
 *   to reach quorum. A removed org must never be needed, so it is refused. E.g. 3 → 2 is safe, 2 → 1 is not.
 */
export function raftProblem(input: RemovalCheckInput): string | undefined {
  let before: string[];
  let after: Set<string>;
  try {
    before = readRaftConsenters(input.current).map(endpoint);
    after = new Set(readRaftConsenters(input.updated).map(endpoint));
  } catch {
    return undefined; // not a Raft channel: the consenter set is not this check's business
  }
  const removed = before.filter((c) => !after.has(c));
  if (removed.length === 0) return undefined;
  if (removed.length > 1) {
    return `removing ${input.subject} would take out ${removed.length} Raft consenters (${removed.join(', ')}) at once; Raft changes one consenter at a time`;
  }
  const remaining = before.length - removed.length;
  const quorum = Math.floor(before.length / 2) + 1;
  if (remaining < quorum) {
    return `removing ${input.subject} would leave ${remaining} of ${before.length} Raft consenters, fewer than the ${quorum} needed for a quorum without ${input.subject}'s orderer`;
  }
  return undefined;
}

function endorsable(definition: CommittedDefinition, config: common.Config, orgs: Set<string>): boolean | undefined {
  let policy: peer.ApplicationPolicy;
  try {
    policy = peer.ApplicationPolicy.deserializeBinary(definition.validationParameter);
  } catch {
    return undefined;
  }
  // any identity of a channel org (its peers) may endorse
  const test: PrincipalTest = (p) => p.mspId !== undefined && orgs.has(p.mspId);
  const signature = policy.getSignaturePolicy();
  if (signature) return signaturePolicySatisfied(signature, test);
  const reference = policy.getChannelConfigPolicyReference();
  if (!reference) return undefined;
  const { groupPath, name } = resolvePolicy([], reference);
  return configPolicySatisfied(config, groupPath, name, test);
}

/**
 * Committed chaincodes whose endorsement policy the remaining application orgs could no longer satisfy,
 * e.g. `AND('Org1MSP.peer','Org2MSP.peer')` when Org2 leaves. A policy that was already unsatisfiable
 * before is not this removal's doing and is not reported.
 */
export function endorsementProblems(input: RemovalCheckInput): string[] {
  const before = new Set(sectionOrgs(input.current, 'Application'));
  const after = new Set(sectionOrgs(input.updated, 'Application'));
  return input.committed
    .filter((d) => endorsable(d, input.current, before) === true && endorsable(d, input.updated, after) === false)
    .map((d) => `chaincode ${d.name}'s endorsement policy could no longer be satisfied without ${input.subject}`);
}

/** Every reason the removal is unsafe; empty when it may go ahead. */
export function removalProblems(input: RemovalCheckInput): string[] {
  const raft = raftProblem(input);
  return [...(raft ? [raft] : []), ...endorsementProblems(input)];
}
