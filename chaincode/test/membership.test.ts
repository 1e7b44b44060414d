import { ConsortiumHarness } from './support/consortium-harness';

describe('initialisation and activation', () => {
  test('when the consortium is initialised, founders are APPROVED, the policy is MAJORITY and ConsortiumInitialized is emitted', async () => {
    const h = await ConsortiumHarness.create({ activate: false });

    const members = await h.query(await h.admin('Org2MSP'), 'ListMembers', '');

    expect(members.map((m: { mspId: string; status: string; founding: boolean }) => [m.mspId, m.status, m.founding])).toEqual([
      ['Org1MSP', 'APPROVED', true],
      ['Org2MSP', 'APPROVED', true],
      ['Org3MSP', 'APPROVED', true],
    ]);
    expect(h.ledger.events.map((e) => e.name)).toEqual(['ConsortiumInitialized']);
    expect(h.ledger.events[0].payload).toMatchObject({ membershipVersion: 1 });
  });

  test('when founders activate one by one, each activation bumps the membership version', async () => {
    const h = await ConsortiumHarness.create({ activate: false });
    const org1 = await h.admin('Org1MSP');

    await h.activate('Org1MSP');
    await h.activate('Org2MSP');

    const snapshot = await h.query(org1, 'GetMembershipSnapshot');
    expect(snapshot.version).toBe(3);
    expect(snapshot.members).toEqual([
      { mspId: 'Org1MSP', status: 'ACTIVE' },
      { mspId: 'Org2MSP', status: 'ACTIVE' },
      { mspId: 'Org3MSP', status: 'APPROVED' },
    ]);
  });

  test('when two founders activate in the same block, one commits and the other must retry with the new version', async () => {
    const h = await ConsortiumHarness.create({ activate: false });
    const a = await h.endorse(await h.admin('Org1MSP'), 'ActivateMember', '1');
    const b = await h.endorse(await h.admin('Org2MSP'), 'ActivateMember', '1');

    expect(h.commit(a, b).map((v) => v.code)).toEqual(['VALID', 'MVCC_READ_CONFLICT']);
    expect((await h.submit(await h.admin('Org2MSP'), 'ActivateMember', '1')).code).toBe('MEMBERSHIP_VERSION_STALE');
    expect((await h.submit(await h.admin('Org2MSP'), 'ActivateMember', '2')).validation?.code).toBe('VALID');
  });

  test('when an active member activates again, it is refused with INVALID_STATUS_TRANSITION', async () => {
    const h = await ConsortiumHarness.create();
    expect((await h.submit(await h.admin('Org1MSP'), 'ActivateMember', '4')).code).toBe('INVALID_STATUS_TRANSITION');
  });

  test('when a member updates its metadata, the record changes, the membership version does not', async () => {
    const h = await ConsortiumHarness.create();
    const org1 = await h.admin('Org1MSP');
    const before = await h.query(org1, 'GetMembershipSnapshot');

    const outcome = await h.submit(org1, 'UpdateMemberMetadata', JSON.stringify({ apiUrl: 'https://api.org1.example.com', contacts: [{ name: 'Ops', email: 'ops@org1.example.com' }] }));

    expect(outcome.validation?.event).toMatchObject({ name: 'MemberMetadataUpdated', payload: { mspId: 'Org1MSP' } });
    expect((await h.member('Org1MSP')).metadata.apiUrl).toBe('https://api.org1.example.com');
    expect(await h.query(org1, 'GetMembershipSnapshot')).toEqual(before);
  });

  test('when a member is looked up, its history lists every status change', async () => {
    const h = await ConsortiumHarness.create();
    expect((await h.member('Org2MSP')).history.map((e: { action: string; toStatus?: string }) => [e.action, e.toStatus])).toEqual([
      ['founded', 'APPROVED'],
      ['activated', 'ACTIVE'],
    ]);
  });

  test('when members are listed with an unknown status, it is refused with INVALID_ARGUMENT', async () => {
    const h = await ConsortiumHarness.create();
    await expect(h.query(await h.admin('Org1MSP'), 'ListMembers', 'SLEEPING')).rejects.toThrow(/^INVALID_ARGUMENT/);
  });
});

describe('invitations', () => {
  const invitation = (invitationId: string, expiresAt = '2030-01-01T06:00:00.000Z') =>
    JSON.stringify({ invitationId, mspId: 'Org9MSP', expiresAt, tokenHmac: 'b'.repeat(64) });

  test('when an admin issues an invitation, the result hides tokenHmac but GetInvitation shows it to its issuer', async () => {
    const h = await ConsortiumHarness.create();
    const org1 = await h.admin('Org1MSP');

    const outcome = await h.submit(org1, 'IssueInvitation', invitation('inv-00000001'));

    expect(outcome.result).toEqual(expect.objectContaining({ invitationId: 'inv-00000001', issuerMspId: 'Org1MSP', status: 'ISSUED' }));
    expect(outcome.result.tokenHmac).toBeUndefined();
    expect(outcome.validation?.event).toMatchObject({ name: 'InvitationIssued', payload: { mspId: 'Org9MSP' } });
    expect((await h.query(org1, 'GetInvitation', 'inv-00000001')).tokenHmac).toBe('b'.repeat(64));
    expect((await h.query(org1, 'ListInvitations'))[0].tokenHmac).toBeUndefined();
  });

  test('when another org asks for an invitation, it is not found: invitations are kept per issuer', async () => {
    const h = await ConsortiumHarness.create();
    await h.must(await h.admin('Org1MSP'), 'IssueInvitation', invitation('inv-00000001'));

    await expect(h.query(await h.admin('Org2MSP'), 'GetInvitation', 'inv-00000001')).rejects.toThrow(/^INVITATION_NOT_FOUND/);
  });

  test('when an invitation id is issued twice, it is refused with INVITATION_EXISTS', async () => {
    const h = await ConsortiumHarness.create();
    await h.must(await h.admin('Org1MSP'), 'IssueInvitation', invitation('inv-00000001'));

    expect((await h.submit(await h.admin('Org1MSP'), 'IssueInvitation', invitation('inv-00000001'))).code).toBe('INVITATION_EXISTS');
  });

  test('when an active member is invited, it is refused with MEMBER_EXISTS', async () => {
    const h = await ConsortiumHarness.create();
    const body = JSON.stringify({ invitationId: 'inv-00000002', mspId: 'Org2MSP', expiresAt: '2030-01-01T06:00:00.000Z', tokenHmac: 'b'.repeat(64) });

    expect((await h.submit(await h.admin('Org1MSP'), 'IssueInvitation', body)).code).toBe('MEMBER_EXISTS');
  });

  test('when an invitation is revoked, it is REVOKED and InvitationRevoked is emitted; a second revoke is refused', async () => {
    const h = await ConsortiumHarness.create();
    const org1 = await h.admin('Org1MSP');
    await h.must(org1, 'IssueInvitation', invitation('inv-00000001'));

    const outcome = await h.submit(org1, 'RevokeInvitation', 'inv-00000001');

    expect(outcome.result).toMatchObject({ status: 'REVOKED', revokedAt: '2030-01-01T00:00:00.000Z' });
    expect(outcome.validation?.event?.name).toBe('InvitationRevoked');
    expect((await h.submit(org1, 'RevokeInvitation', 'inv-00000001')).code).toBe('INVITATION_REVOKED');
  });
});
