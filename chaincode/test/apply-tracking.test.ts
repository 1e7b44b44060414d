import { ConsortiumHarness } from './support/consortium-harness';
import { makeTestOrg } from '../../core/test/support';

const UPDATE = Buffer.from('a serialized common.ConfigUpdate').toString('base64');
const SIGNATURE = JSON.stringify({ signatureHeader: Buffer.from('header').toString('base64'), signature: Buffer.from('sig').toString('base64') });
const committed = (blockNumber: number) => JSON.stringify({ status: 'COMMITTED', blockNumber });

/** A consortium of three with Org4's ADD_ORG approved (asking for `channels` besides the ops channel). */
async function approvedJoin(channels: string[] = []) {
  const h = await ConsortiumHarness.create();
  const invitationId = await h.invite('Org1MSP', 'Org4MSP');
  const request = await h.joinRequest('Org4MSP', { channels: ['ops-channel', ...channels] });
  const { proposalId } = await h.must(await h.admin('Org1MSP'), 'SubmitJoinRequest', invitationId, JSON.stringify(request));
  await h.vote(proposalId, 'approve', 'Org2MSP', 'Org3MSP');
  const decided = await h.submit(await h.admin('Org3MSP'), 'TallyProposal', proposalId);
  return { h, proposalId, decided };
}

describe('applying an approved join', () => {
  test('when an ADD_ORG is approved, the org becomes APPROVED and the proposal waits for its channel updates', async () => {
    const { h, proposalId, decided } = await approvedJoin();

    expect(decided.result).toMatchObject({ status: 'APPROVED', channels: ['ops-channel'] });
    expect(decided.validation?.event).toMatchObject({ name: 'ProposalDecided', payload: { status: 'APPROVED', decision: 'APPROVED', mspId: 'Org4MSP' } });
    expect((await h.member('Org4MSP')).status).toBe('APPROVED');
    expect((await h.proposal(proposalId)).history.map((e: { toStatus?: string }) => e.toStatus)).toEqual(['OPEN', 'APPROVED']);
  });

  test('when the approved org activates before its channel updates are applied, it is refused with INVALID_STATUS_TRANSITION', async () => {
    const { h } = await approvedJoin();
    const snapshot = await h.query(await h.admin('Org1MSP'), 'GetMembershipSnapshot');

    const outcome = await h.submit(await h.admin('Org4MSP'), 'ActivateMember', String(snapshot.version));

    expect(outcome.code).toBe('INVALID_STATUS_TRANSITION');
  });

  test('when the config update, signatures and a COMMITTED result are recorded, the proposal is APPLIED and the org can activate', async () => {
    const { h, proposalId } = await approvedJoin();
    const org1 = await h.admin('Org1MSP');

    const update = await h.submit(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');
    await h.must(org1, 'RecordConfigSignature', proposalId, 'ops-channel', '1', SIGNATURE);
    await h.must(await h.admin('Org2MSP'), 'RecordConfigSignature', proposalId, 'ops-channel', '1', SIGNATURE);
    const result = await h.submit(org1, 'RecordTaskResult', proposalId, 'ops-channel', '1', committed(42));

    expect(update.validation?.event).toMatchObject({ name: 'ConfigUpdateRecorded', payload: { channel: 'ops-channel', attempt: 1, status: 'PENDING' } });
    expect(result.result).toMatchObject({ status: 'COMMITTED', result: { blockNumber: 42 } });
    expect(result.validation?.event).toMatchObject({ name: 'ProposalApplied', payload: { proposalId, status: 'APPLIED', channel: 'ops-channel' } });
    const proposal = await h.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.signatures.map((s: { mspId: string }) => s.mspId)).toEqual(['Org1MSP', 'Org2MSP']);
    expect(proposal.tasks).toEqual([expect.objectContaining({ channel: 'ops-channel', attempt: 1, status: 'COMMITTED', recordedBy: 'Org1MSP' })]);

    const { version } = await h.query(org1, 'GetMembershipSnapshot');
    const activated = await h.submit(await h.admin('Org4MSP'), 'ActivateMember', String(version));
    expect(activated.validation?.event).toMatchObject({ name: 'MemberActivated', payload: { mspId: 'Org4MSP', status: 'ACTIVE', membershipVersion: version + 1 } });
    expect((await h.query(org1, 'GetMembershipSnapshot')).members).toContainEqual({ mspId: 'Org4MSP', status: 'ACTIVE' });
  });

  test('when the org acknowledges an old membership version, activation is refused with MEMBERSHIP_VERSION_STALE', async () => {
    const { h, proposalId } = await approvedJoin();
    const org1 = await h.admin('Org1MSP');
    await h.must(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');
    await h.must(org1, 'RecordTaskResult', proposalId, 'ops-channel', '1', committed(42));
    const { version } = await h.query(org1, 'GetMembershipSnapshot');

    expect((await h.submit(await h.admin('Org4MSP'), 'ActivateMember', String(version - 1))).code).toBe('MEMBERSHIP_VERSION_STALE');
  });

  test('when a proposal changes two channels, it is APPLIED only once both have committed', async () => {
    const { h, proposalId } = await approvedJoin(['app-channel']);
    const org1 = await h.admin('Org1MSP');
    const org2 = await h.admin('Org2MSP');
    await h.must(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');
    await h.must(org2, 'RecordConfigUpdate', proposalId, 'app-channel', UPDATE, '1');

    const first = await h.submit(org1, 'RecordTaskResult', proposalId, 'ops-channel', '1', committed(10));
    const second = await h.submit(org2, 'RecordTaskResult', proposalId, 'app-channel', '1', committed(3));

    expect(first.validation?.event?.name).toBe('TaskResultRecorded');
    expect(second.validation?.event?.name).toBe('ProposalApplied');
  });

  test('when a result is FAILED, the proposal is FAILED; a new attempt brings it back to APPLYING and can complete it', async () => {
    const { h, proposalId } = await approvedJoin();
    const org1 = await h.admin('Org1MSP');
    await h.must(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');

    const failed = await h.submit(org1, 'RecordTaskResult', proposalId, 'ops-channel', '1', JSON.stringify({ status: 'FAILED', reason: 'BAD_REQUEST from orderer' }));
    expect(failed.validation?.event).toMatchObject({ name: 'ProposalFailed', payload: { status: 'FAILED' } });
    expect((await h.proposal(proposalId)).status).toBe('FAILED');

    await h.must(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '2');
    expect((await h.proposal(proposalId)).status).toBe('APPLYING');
    await h.must(org1, 'RecordTaskResult', proposalId, 'ops-channel', '2', committed(43));
    expect((await h.proposal(proposalId)).status).toBe('APPLIED');
  });

  test('when a result is STALE, the proposal stays APPLYING and the next attempt is expected', async () => {
    const { h, proposalId } = await approvedJoin();
    const org1 = await h.admin('Org1MSP');
    await h.must(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');

    const stale = await h.submit(org1, 'RecordTaskResult', proposalId, 'ops-channel', '1', JSON.stringify({ status: 'STALE', reason: 'config sequence moved' }));

    expect(stale.validation?.event).toMatchObject({ name: 'TaskResultRecorded', payload: { status: 'STALE' } });
    expect((await h.proposal(proposalId)).status).toBe('APPLYING');
    expect((await h.submit(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '3')).code).toBe('INVALID_ARGUMENT');
    expect((await h.submit(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '2')).ok).toBe(true);
  });

  test('when a failure is reported with a block number, it is refused with INVALID_ARGUMENT and nothing is recorded', async () => {
    const { h, proposalId } = await approvedJoin();
    const org1 = await h.admin('Org1MSP');
    await h.must(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');
    const before = h.ledger.dump();

    const outcome = await h.submit(org1, 'RecordTaskResult', proposalId, 'ops-channel', '1', JSON.stringify({ status: 'FAILED', blockNumber: 9, reason: 'x' }));

    expect(outcome.code).toBe('INVALID_ARGUMENT');
    expect(h.ledger.dump()).toEqual(before);
  });

  test.each([
    ['a result from an org that did not record the task', 'Org2MSP', 'RecordTaskResult', ['ops-channel', '1', committed(1)], 'FORBIDDEN'],
    ['a result for an attempt never recorded', 'Org1MSP', 'RecordTaskResult', ['ops-channel', '2', committed(1)], 'TASK_NOT_FOUND'],
    ['a second config update for the same attempt', 'Org2MSP', 'RecordConfigUpdate', ['ops-channel', UPDATE, '1'], 'CONFIG_UPDATE_EXISTS'],
    ['a config update for a channel the proposal does not change', 'Org1MSP', 'RecordConfigUpdate', ['other-channel', UPDATE, '1'], 'INVALID_ARGUMENT'],
    ['a config update that is not base64', 'Org1MSP', 'RecordConfigUpdate', ['ops-channel', 'not base64!', '2'], 'INVALID_ARGUMENT'],
    ['a signature for an attempt never recorded', 'Org2MSP', 'RecordConfigSignature', ['ops-channel', '5', SIGNATURE], 'TASK_NOT_FOUND'],
  ])('when an agent records %s, it is refused with %s', async (_what, by, fcn, args, code) => {
    const { h, proposalId } = await approvedJoin();
    await h.must(await h.admin('Org1MSP'), 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');

    expect((await h.submit(await h.admin(by), fcn, proposalId, ...args)).code).toBe(code);
  });

  test('when an org signs the same attempt twice, or a result is recorded twice, the second is refused', async () => {
    const { h, proposalId } = await approvedJoin();
    const org1 = await h.admin('Org1MSP');
    await h.must(org1, 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');
    await h.must(org1, 'RecordConfigSignature', proposalId, 'ops-channel', '1', SIGNATURE);
    expect((await h.submit(org1, 'RecordConfigSignature', proposalId, 'ops-channel', '1', SIGNATURE)).code).toBe('SIGNATURE_EXISTS');

    await h.must(org1, 'RecordTaskResult', proposalId, 'ops-channel', '1', JSON.stringify({ status: 'STALE', reason: 'moved' }));
    expect((await h.submit(org1, 'RecordTaskResult', proposalId, 'ops-channel', '1', committed(1))).code).toBe('RESULT_EXISTS');
  });

  test('when signatures of two orgs for one attempt are in one block, both commit', async () => {
    const { h, proposalId } = await approvedJoin();
    await h.must(await h.admin('Org1MSP'), 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');
    const a = await h.endorse(await h.admin('Org2MSP'), 'RecordConfigSignature', proposalId, 'ops-channel', '1', SIGNATURE);
    const b = await h.endorse(await h.admin('Org3MSP'), 'RecordConfigSignature', proposalId, 'ops-channel', '1', SIGNATURE);

    expect(h.commit(a, b).map((v) => v.code)).toEqual(['VALID', 'VALID']);
  });

  test('when a config update is recorded for an OPEN proposal, it is refused with INVALID_STATUS_TRANSITION', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.propose('Org4MSP');

    expect((await h.submit(await h.admin('Org1MSP'), 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1')).code).toBe('INVALID_STATUS_TRANSITION');
  });
});

describe('applying other proposals', () => {
  test('when a REMOVE_ORG is approved, the org stays in quorums until its channel updates commit, then it is REMOVED', async () => {
    const h = await ConsortiumHarness.create({ founders: ['Org1MSP', 'Org2MSP', 'Org3MSP', 'Org4MSP'] });
    const proposalId = await h.create('Org1MSP', 'REMOVE_ORG', { mspId: 'Org4MSP' });
    await h.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
    expect((await h.tally(proposalId)).status).toBe('APPROVED');
    expect((await h.member('Org4MSP')).status).toBe('ACTIVE');
    const { version } = await h.query(await h.admin('Org1MSP'), 'GetMembershipSnapshot');

    await h.must(await h.admin('Org2MSP'), 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');
    const applied = await h.submit(await h.admin('Org2MSP'), 'RecordTaskResult', proposalId, 'ops-channel', '1', committed(50));

    expect(applied.validation?.event?.payload).toMatchObject({ membershipVersion: version + 1 });
    expect((await h.member('Org4MSP')).status).toBe('REMOVED');
  });

  test('when an UPDATE_ORG_MSP is applied, the member’s MSP is replaced', async () => {
    const h = await ConsortiumHarness.create();
    const rotated = await makeTestOrg('Org3MSP', { now: new Date('2030-01-01T00:00:00Z') });
    const proposalId = await h.create('Org3MSP', 'UPDATE_ORG_MSP', { mspId: 'Org3MSP', msp: rotated.msp });
    expect((await h.proposal(proposalId)).validationReport.ok).toBe(true);
    await h.vote(proposalId, 'approve', 'Org1MSP', 'Org3MSP');
    await h.tally(proposalId);

    await h.must(await h.admin('Org3MSP'), 'RecordConfigUpdate', proposalId, 'ops-channel', UPDATE, '1');
    await h.must(await h.admin('Org3MSP'), 'RecordTaskResult', proposalId, 'ops-channel', '1', committed(51));

    expect((await h.member('Org3MSP')).msp.rootCerts).toEqual(rotated.msp.rootCerts);
  });
});
