import { decodeConfigUpdate } from '@opssc/channel-config';
import { designatedAgent } from '../../src/planner/designated-agent';
import { planChannel, type ChannelPlanInput } from '../../src/planner/plan-channel';
import {
  activeMembers, addOrgView, DECIDED_AT, foreignUpdate, honestUpdate, makePlannerOrgs, movedOpsChannel, OPS, opsChannel, PROPOSAL_ID, signatureOf, task, type PlannerOrgs,
} from '../support/planner-fixture';

jest.setTimeout(30_000);

let orgs: PlannerOrgs;
let designated: string;
let other: string;
beforeAll(async () => {
  orgs = await makePlannerOrgs();
  designated = designatedAgent({ proposalId: PROPOSAL_ID, channel: OPS, attempt: 1, members: activeMembers('Org1MSP', 'Org2MSP'), now: new Date(DECIDED_AT), failoverMs: 60_000 }) as string;
  other = designated === 'Org1MSP' ? 'Org2MSP' : 'Org1MSP';
});

const org = (mspId: string) => (mspId === 'Org1MSP' ? orgs.org1 : orgs.org2);

/** The input for an agent of `me` with ops-channel holding Org1 and Org2. */
function input(me: string, over: Partial<ChannelPlanInput> = {}): ChannelPlanInput {
  return { proposal: addOrgView(orgs), channel: OPS, me, members: activeMembers('Org1MSP', 'Org2MSP'), current: opsChannel([orgs.org1, orgs.org2]), now: new Date(DECIDED_AT), failoverMs: 60_000, ...over };
}

function withTasks(me: string, tasks: ReturnType<typeof task>[], over: Partial<ChannelPlanInput> = {}): ChannelPlanInput {
  return input(me, { proposal: addOrgView(orgs, { tasks, ...(over.proposal ?? {}) }), ...over });
}

describe('the channel planner: on-chain state and current config → next action', () => {
  const current = () => opsChannel([orgs.org1, orgs.org2]);

  it.each<[string, () => Promise<ChannelPlanInput> | ChannelPlanInput, (a: ReturnType<typeof planChannel>) => void]>([
    ['no update recorded and this org is designated → it records the computed update', () => input(designated), (a) => {
      expect(a).toMatchObject({ kind: 'RECORD_UPDATE', attempt: 1 });
      const update = decodeConfigUpdate((a as { update: Uint8Array }).update);
      expect(update.getWriteSet()?.getGroupsMap().get('Application').getGroupsMap().has('Org3MSP')).toBe(true);
      expect(update.getWriteSet()?.getGroupsMap().get('Orderer').getGroupsMap().has('Org3MSP')).toBe(true);
    }],
    ['no update recorded and another org is designated → it waits for that org', () => input(other), (a) =>
      expect(a).toEqual({ kind: 'WAIT', attempt: 1, waitingFor: `${designated} (designated) to record the config update of attempt 1` })],
    ['the designated org has been silent longer than the failover time → the next candidate records', () => input(other, { now: new Date(Date.parse(DECIDED_AT) + 60_001) }), (a) =>
      expect(a).toMatchObject({ kind: 'RECORD_UPDATE', attempt: 1 })],
    ['an honest update is recorded and this org has not signed → it signs the recorded bytes', () => withTasks(other, [task(honestUpdate(orgs, current()), designated)]), (a) =>
      expect(a).toMatchObject({ kind: 'SIGN', attempt: 1, update: Buffer.from(honestUpdate(orgs, current())) })],
    ['the recorded update adds another MSP → it never signs and names the difference', () => withTasks(other, [task(foreignUpdate(orgs, current()), designated)]), (a) =>
      expect(a).toMatchObject({ kind: 'WAIT', attempt: 1, problem: expect.stringContaining(`refusing to sign attempt 1 recorded by ${designated}: it differs from the approved change`) })],
    ['this org signed, the other has not → it waits for the other\'s signature', async () => {
      const update = honestUpdate(orgs, current());
      return withTasks(other, [task(update, designated)], { proposal: addOrgView(orgs, { tasks: [task(update, designated)], signatures: [await signatureOf(org(other), update)] }) });
    }, (a) => expect(a).toEqual({ kind: 'WAIT', attempt: 1, waitingFor: `signatures from ${designated}` })],
    ['both orgs signed and this org recorded the update → it submits', async () => {
      const update = honestUpdate(orgs, current());
      const signatures = [await signatureOf(orgs.org1, update), await signatureOf(orgs.org2, update)];
      return withTasks(designated, [], { proposal: addOrgView(orgs, { tasks: [task(update, designated)], signatures }) });
    }, (a) => expect(a).toMatchObject({ kind: 'SUBMIT', attempt: 1, signers: ['Org1MSP', 'Org2MSP'] })],
    ['both orgs signed and another org recorded the update → it waits for that org to submit', async () => {
      const update = honestUpdate(orgs, current());
      const signatures = [await signatureOf(orgs.org1, update), await signatureOf(orgs.org2, update)];
      return withTasks(other, [], { proposal: addOrgView(orgs, { tasks: [task(update, designated)], signatures }) });
    }, (a) => expect(a).toEqual({ kind: 'WAIT', attempt: 1, waitingFor: `${designated} to submit attempt 1 to the orderer` })],
    ['a recorded signature does not verify (signed other bytes) → it does not count', async () => {
      const update = honestUpdate(orgs, current());
      const forged = { ...(await signatureOf(org(other), foreignUpdate(orgs, current()))) };
      return withTasks(designated, [], { proposal: addOrgView(orgs, { tasks: [task(update, designated)], signatures: [await signatureOf(org(designated), update), forged] }) });
    }, (a) => expect(a).toEqual({ kind: 'WAIT', attempt: 1, waitingFor: `signatures from ${other}`, problem: `invalid signatures ignored: ${other} (the signature does not verify)` })],
    ['the config already contains the change and this org recorded the update → COMMITTED at the latest config block', () => {
      const after = opsChannel([orgs.org1, orgs.org2, orgs.org3], 9, 3);
      return withTasks(designated, [task(honestUpdate(orgs, current()), designated)], { current: after });
    }, (a) => expect(a).toEqual({ kind: 'RECORD_RESULT', attempt: 1, result: { status: 'COMMITTED', blockNumber: 9 } })],
    ['the config moved under the recorded update and this org recorded it → STALE with where it moved', () => {
      return withTasks(designated, [task(honestUpdate(orgs, current()), designated)], { current: movedOpsChannel([orgs.org1, orgs.org2], 'Org1MSP') });
    }, (a) => expect(a).toEqual({ kind: 'RECORD_RESULT', attempt: 1, result: { status: 'STALE', reason: expect.stringContaining('/Channel/Application/Org1MSP is at version 1, the update read version 0') } })],
    ['the config moved and another org recorded the update → it waits and does not sign', () => {
      return withTasks(other, [task(honestUpdate(orgs, current()), designated)], { current: movedOpsChannel([orgs.org1, orgs.org2], 'Org1MSP') });
    }, (a) => expect(a).toMatchObject({ kind: 'WAIT', attempt: 1, waitingFor: expect.stringContaining(`${designated} to record attempt 1 as STALE`) })],
    ['attempt 1 ended STALE → attempt 2 starts with its own designation', () => {
      const d2 = designatedAgent({ proposalId: PROPOSAL_ID, channel: OPS, attempt: 2, members: activeMembers('Org1MSP', 'Org2MSP'), now: new Date(DECIDED_AT), failoverMs: 60_000 }) as string;
      return withTasks(d2, [task(honestUpdate(orgs, current()), designated, 1, { status: 'STALE', reason: 'moved' })]);
    }, (a) => expect(a).toMatchObject({ kind: 'RECORD_UPDATE', attempt: 2 })],
    ['a COMMITTED result exists → done', () => withTasks(other, [task(honestUpdate(orgs, current()), designated, 1, { status: 'COMMITTED', blockNumber: 9 })]), (a) =>
      expect(a).toEqual({ kind: 'DONE' })],
    ['this org cannot read the channel → it waits, saying so', () => input(other, { current: undefined }), (a) =>
      expect(a).toEqual({ kind: 'WAIT', waitingFor: `read access to ops-channel's config (is ${other} on the channel?)` })],
    ['the change is already in the config with no attempt → the designated org records a witness update', () => input(designated, { current: opsChannel([orgs.org1, orgs.org2, orgs.org3], 9, 3) }), (a) =>
      expect(a).toMatchObject({ kind: 'RECORD_UPDATE', attempt: 1, reason: 'the channel already has the change; recording a witness so that the result can be recorded' })],
  ])('%s', async (_name, build, check) => {
    check(planChannel(await build()));
  });
});
