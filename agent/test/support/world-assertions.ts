import { readRaftConsenters, setAnchorPeers } from '@opssc/channel-config';
import { compositeKey, Keys } from '@opssc/core';
import type { common } from '@hyperledger/fabric-protos';
import { channelOrgs, sectionOrgs } from '../../src/planner/channel-orgs';
import { OPS, type ConsortiumWorld } from './consortium-world';

/** The ledger keys under a partial composite key. */
export function keysUnder(world: ConsortiumWorld, prefix: { objectType: string; attributes: string[] }): string[] {
  const start = compositeKey(prefix);
  return [...world.harness.ledger.dump().keys()].filter((k) => k.startsWith(start));
}

/** ops-channel's config on the fake orderer now. */
export function opsConfig(world: ConsortiumWorld): common.Config {
  const fetched = world.orderer.fetchLatestConfig(OPS);
  if (!fetched) throw new Error('no ops-channel');
  return fetched.config;
}

/** Org groups and consenters of ops-channel, for compact assertions. */
export function opsMembership(world: ConsortiumWorld) {
  const config = opsConfig(world);
  return { application: sectionOrgs(config, 'Application'), orderer: sectionOrgs(config, 'Orderer'), consenters: readRaftConsenters(config).length, orgs: channelOrgs(config) };
}

/**
 * The exactly-once invariants of an applied proposal on ops-channel: APPLIED; exactly one agent-made config
 * change on the orderer; one task and one result record, COMMITTED at that change's block; at most one
 * signature per org, and at least `minSigners` of them.
 */
export async function expectAppliedExactlyOnce(world: ConsortiumWorld, proposalId: string, minSigners: number): Promise<void> {
  const proposal = await world.harness.proposal(proposalId);
  const changes = world.orderer.committed.filter((c) => !c.outOfBand);
  expect(proposal.status).toBe('APPLIED');
  expect(changes).toHaveLength(1);
  expect(keysUnder(world, Keys.tasksOf(proposalId))).toHaveLength(1);
  expect(keysUnder(world, Keys.taskResultsOf(proposalId))).toHaveLength(1);
  expect(proposal.tasks).toEqual([expect.objectContaining({ channel: OPS, attempt: 1, status: 'COMMITTED', result: expect.objectContaining({ blockNumber: changes[0].blockNumber }) })]);
  const signers: string[] = proposal.signatures.map((s: { mspId: string }) => s.mspId);
  expect(new Set(signers).size).toBe(signers.length);
  expect(signers.length).toBeGreaterThanOrEqual(minSigners);
}

/**
 * An unrelated admin change that bumps the org group's version: dropping its anchor peers removes a value,
 * which changes the group's membership. (Changing an anchor peer would only bump the value's version,
 * which an ADD_ORG update does not read.)
 */
export function dropAnchorPeers(mspId: string) {
  return (config: common.Config): common.Config => setAnchorPeers(config, mspId, []);
}
