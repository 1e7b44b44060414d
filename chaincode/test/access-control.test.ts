import { ConsortiumContract, ConsortiumHarness } from './support/consortium-harness';
import { fakeIdentity } from './support/fake-ledger';

/** A proposal any member may vote on: suspend Org3. */
async function openProposal(h: ConsortiumHarness): Promise<string> {
  return h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org3MSP' });
}

describe('access control', () => {
  test('when a non-member votes, it is refused with NOT_A_MEMBER and nothing changes', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await openProposal(h);
    const before = h.ledger.dump();

    const outcome = await h.submit(await h.admin('Org9MSP'), 'CastVote', proposalId, 'approve', '');

    expect(outcome.code).toBe('NOT_A_MEMBER');
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when a client identity of a member votes, it is refused with NOT_AN_ADMIN and nothing changes', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await openProposal(h);
    const before = h.ledger.dump();

    const outcome = await h.submit((await h.org('Org2MSP')).client, 'CastVote', proposalId, 'approve', '');

    expect(outcome.code).toBe('NOT_AN_ADMIN');
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when a peer identity of a member creates a proposal, it is refused with NOT_AN_ADMIN and nothing changes', async () => {
    const h = await ConsortiumHarness.create();
    const before = h.ledger.dump();

    const outcome = await h.submit((await h.org('Org2MSP')).peer, 'CreateProposal', 'SUSPEND_ORG', '{"mspId":"Org3MSP"}', '');

    expect(outcome.code).toBe('NOT_AN_ADMIN');
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when a founder that has not activated itself votes, it is refused with MEMBER_NOT_ACTIVE and nothing changes', async () => {
    const h = await ConsortiumHarness.create({ activate: false });
    await h.activate('Org1MSP');
    const proposalId = await h.create('Org1MSP', 'SET_VOTING_POLICY', { policy: { rule: 'ALL' } });
    const before = h.ledger.dump();

    const outcome = await h.submit(await h.admin('Org2MSP'), 'CastVote', proposalId, 'approve', '');

    expect(outcome.code).toBe('MEMBER_NOT_ACTIVE');
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when a suspended member issues an invitation, it is refused with MEMBER_NOT_ACTIVE and nothing changes', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await openProposal(h);
    await h.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await h.tally(proposalId);
    const before = h.ledger.dump();

    const outcome = await h.submit(await h.admin('Org3MSP'), 'IssueInvitation', JSON.stringify({ invitationId: 'inv-00000001', mspId: 'Org9MSP', expiresAt: '2030-01-02T00:00:00Z', tokenHmac: 'a'.repeat(64) }));

    expect(outcome.code).toBe('MEMBER_NOT_ACTIVE');
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when a client identity of a member queries, it is answered', async () => {
    const h = await ConsortiumHarness.create();

    const policy = await h.query((await h.org('Org2MSP')).client, 'GetVotingPolicy');

    expect(policy).toEqual({ rule: 'MAJORITY', vetoMspIds: [] });
  });

  test('when a peer identity queries, it is refused with FORBIDDEN', async () => {
    const h = await ConsortiumHarness.create();

    const outcome = await h.endorse((await h.org('Org2MSP')).peer, 'ListMembers', '');

    expect(outcome.code).toBe('FORBIDDEN');
  });

  test('when anything but InitConsortium runs before initialisation, it is refused with NOT_INITIALIZED', async () => {
    const h = await ConsortiumHarness.create({ founders: [] });

    const outcome = await h.endorse(await h.admin('Org1MSP'), 'GetMembershipSnapshot');

    expect(outcome.code).toBe('NOT_INITIALIZED');
  });

  test('when a client identity of a founding org initialises the consortium, it is refused with NOT_AN_ADMIN', async () => {
    const h = await ConsortiumHarness.create({ founders: [] });
    const org1 = await h.org('Org1MSP');
    const founding = { members: [{ mspId: 'Org1MSP', msp: org1.tree.msp, metadata: {} }] };

    const outcome = await h.submit(org1.client, 'InitConsortium', JSON.stringify(founding));

    expect(outcome.code).toBe('NOT_AN_ADMIN');
    expect(h.ledger.size).toBe(0);
  });

  test('when an org outside the founding list initialises the consortium, it is refused with NOT_A_MEMBER', async () => {
    const h = await ConsortiumHarness.create({ founders: [] });
    const org1 = await h.org('Org1MSP');

    const outcome = await h.submit(await h.admin('Org9MSP'), 'InitConsortium', JSON.stringify({ members: [{ mspId: 'Org1MSP', msp: org1.tree.msp, metadata: {} }] }));

    expect(outcome.code).toBe('NOT_A_MEMBER');
  });

  test('when the consortium is initialised twice, the second is refused with ALREADY_INITIALIZED', async () => {
    const h = await ConsortiumHarness.create({ founders: ['Org1MSP'] });
    const org1 = await h.org('Org1MSP');

    const outcome = await h.submit(org1.admin, 'InitConsortium', JSON.stringify({ members: [{ mspId: 'Org1MSP', msp: org1.tree.msp, metadata: {} }] }));

    expect(outcome.code).toBe('ALREADY_INITIALIZED');
  });

  test('when the admin certificate has an extra client OU, it is not treated as an admin', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await openProposal(h);
    const sneaky = await (await h.org('Org2MSP')).tree.issueIdentity('admin, OU=client', 'sneaky');

    const outcome = await h.submit({ mspId: 'Org2MSP', certPem: sneaky.certPem }, 'CastVote', proposalId, 'approve', '');

    expect(outcome.code).toBe('NOT_AN_ADMIN');
  });

  test('when the caller id comes in the Go comma form, its admin OU is still recognised', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await openProposal(h);
    const contract = new ConsortiumContract();

    const { validation } = await h.ledger.submit(fakeIdentity('Org2MSP', 'admin', { idFormat: 'comma', extraOus: ['org2'] }), (ctx) =>
      contract.CastVote(ctx, proposalId, 'approve', 'comma form'),
    );

    expect(validation.code).toBe('VALID');
    expect(validation.event?.name).toBe('VoteCast');
  });
});
