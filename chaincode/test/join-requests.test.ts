import { joinRequestDigest } from '@opssc/core';
import { ConsortiumHarness } from './support/consortium-harness';
import { makeSignedJoinRequest, makeTestOrg } from '../../core/test/support';

async function relay(h: ConsortiumHarness, invitationId: string, request: unknown, by = 'Org1MSP') {
  return h.submit(await h.admin(by), 'SubmitJoinRequest', invitationId, JSON.stringify(request));
}

describe('submitting a join request', () => {
  test('when a member relays a valid join request, an ADD_ORG proposal by the joining org is created and the invitation consumed', async () => {
    const h = await ConsortiumHarness.create();
    const invitationId = await h.invite('Org1MSP', 'Org4MSP');
    const request = await h.joinRequest('Org4MSP');

    const outcome = await relay(h, invitationId, request);

    const { proposalId } = outcome.result;
    expect(proposalId).toBe(`p-${outcome.tx.txId.slice(0, 16)}`);
    expect(outcome.result.digest).toBe(joinRequestDigest(request));
    expect(outcome.validation?.event).toMatchObject({ name: 'ProposalCreated', payload: { proposalId, mspId: 'Org4MSP', status: 'OPEN' } });
    const proposal = await h.proposal(proposalId);
    expect(proposal).toMatchObject({
      type: 'ADD_ORG',
      status: 'OPEN',
      proposer: 'Org4MSP',
      relayedBy: 'Org1MSP',
      invitationId,
      subjectMspId: 'Org4MSP',
      channels: ['ops-channel'],
      validationReport: { ok: true },
      attestations: [{ mspId: 'Org1MSP', kind: 'RELAY', digest: outcome.result.digest }],
    });
    expect((await h.member('Org4MSP')).status).toBe('PROPOSED');
    expect(await h.query(await h.admin('Org1MSP'), 'GetInvitation', invitationId)).toMatchObject({ status: 'USED', usedFor: proposalId });
  });

  test('when the join request fails MSP validation, it is refused with MSP_VALIDATION_FAILED naming the checks and nothing is written', async () => {
    const h = await ConsortiumHarness.create();
    const invitationId = await h.invite('Org1MSP', 'Org4MSP');
    const org4 = await h.org('Org4MSP');
    const signedByClient = makeSignedJoinRequest(org4.tree, { signer: { certPem: org4.tree.clientCertPem, key: org4.tree.clientKey } });
    const before = h.ledger.dump();

    const outcome = await relay(h, invitationId, signedByClient);

    expect(outcome.code).toBe('MSP_VALIDATION_FAILED');
    expect(outcome.message).toMatch(/^MSP_VALIDATION_FAILED: [a-z-]+/);
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when the joining org reuses a member root CA, it is refused with MSP_VALIDATION_FAILED', async () => {
    const h = await ConsortiumHarness.create();
    const invitationId = await h.invite('Org1MSP', 'Org4MSP');
    const org1 = await h.org('Org1MSP');
    const copycat = await h.joinRequest('Org4MSP', { msp: { ...org1.tree.msp, mspId: 'Org4MSP' } });

    expect((await relay(h, invitationId, copycat)).code).toBe('MSP_VALIDATION_FAILED');
  });

  test.each([
    ['expired', async (h: ConsortiumHarness) => { const id = await h.invite('Org1MSP', 'Org4MSP', 'inv-expiring', 60); h.ledger.advance(61); return id; }, 'INVITATION_EXPIRED'],
    ['revoked', async (h: ConsortiumHarness) => { const id = await h.invite('Org1MSP', 'Org4MSP'); await h.must(await h.admin('Org1MSP'), 'RevokeInvitation', id); return id; }, 'INVITATION_REVOKED'],
    ['for another MSP', async (h: ConsortiumHarness) => h.invite('Org1MSP', 'Org5MSP'), 'INVITATION_MSP_MISMATCH'],
    ['issued by another org', async (h: ConsortiumHarness) => h.invite('Org2MSP', 'Org4MSP'), 'INVITATION_NOT_FOUND'],
  ])('when the invitation is %s, it is refused with %s', async (_what, arrange, code) => {
    const h = await ConsortiumHarness.create();
    const invitationId = await arrange(h);

    expect((await relay(h, invitationId, await h.joinRequest('Org4MSP'))).code).toBe(code);
  });

  test('when an invitation is used twice in one block, exactly one proposal is created', async () => {
    const h = await ConsortiumHarness.create();
    const invitationId = await h.invite('Org1MSP', 'Org4MSP');
    const request = JSON.stringify(await h.joinRequest('Org4MSP'));
    const first = await h.endorse(await h.admin('Org1MSP'), 'SubmitJoinRequest', invitationId, request);
    const second = await h.endorse(await h.admin('Org1MSP'), 'SubmitJoinRequest', invitationId, request);

    expect(h.commit(first, second).map((v) => v.code)).toEqual(['VALID', 'MVCC_READ_CONFLICT']);
    const list = await h.query(await h.admin('Org2MSP'), 'ListProposals', JSON.stringify({ type: 'ADD_ORG' }));
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([first.result.proposalId]);
  });

  test('when two orgs’ join requests are in one block, one commits and the other must be retried', async () => {
    const h = await ConsortiumHarness.create();
    const forOrg4 = await h.invite('Org1MSP', 'Org4MSP');
    const forOrg5 = await h.invite('Org2MSP', 'Org5MSP');
    const a = await h.endorse(await h.admin('Org1MSP'), 'SubmitJoinRequest', forOrg4, JSON.stringify(await h.joinRequest('Org4MSP')));
    const b = await h.endorse(await h.admin('Org2MSP'), 'SubmitJoinRequest', forOrg5, JSON.stringify(await h.joinRequest('Org5MSP')));

    expect(h.commit(a, b).map((v) => v.code)).toEqual(['VALID', 'PHANTOM_READ_CONFLICT']);
    expect((await relay(h, forOrg5, await h.joinRequest('Org5MSP'), 'Org2MSP')).validation?.code).toBe('VALID');
  });

  test('when an invitation is used again in a later block, it is refused with INVITATION_USED', async () => {
    const h = await ConsortiumHarness.create();
    const invitationId = await h.invite('Org1MSP', 'Org4MSP');
    await relay(h, invitationId, await h.joinRequest('Org4MSP'));

    expect((await relay(h, invitationId, await h.joinRequest('Org4MSP'))).code).toBe('INVITATION_USED');
  });

  test('when an org with an open join request applies again, it is refused with MEMBER_EXISTS', async () => {
    const h = await ConsortiumHarness.create();
    await h.propose('Org4MSP');
    const second = await h.invite('Org2MSP', 'Org4MSP');

    expect((await relay(h, second, await h.joinRequest('Org4MSP'), 'Org2MSP')).code).toBe('MEMBER_EXISTS');
  });

  test('when a rejected org applies again with a new invitation, a new proposal is created', async () => {
    const h = await ConsortiumHarness.create();
    const first = await h.propose('Org4MSP');
    await h.vote(first, 'reject', 'Org2MSP', 'Org3MSP');
    await h.tally(first);
    expect((await h.member('Org4MSP')).status).toBe('REJECTED');

    const second = await h.propose('Org4MSP', 'Org2MSP');

    expect(second).not.toBe(first);
    expect((await h.member('Org4MSP')).status).toBe('PROPOSED');
  });

  test('when the request argument is over the size limit, it is refused with PAYLOAD_TOO_LARGE', async () => {
    const h = await ConsortiumHarness.create();
    const invitationId = await h.invite('Org1MSP', 'Org4MSP');
    const request = { ...(await h.joinRequest('Org4MSP')), metadata: { description: 'x'.repeat(1024 * 1024) } };

    expect((await relay(h, invitationId, request)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('when the request argument is not JSON, it is refused with INVALID_ARGUMENT', async () => {
    const h = await ConsortiumHarness.create();
    const invitationId = await h.invite('Org1MSP', 'Org4MSP');

    expect((await h.submit(await h.admin('Org1MSP'), 'SubmitJoinRequest', invitationId, '{"format":')).code).toBe('INVALID_ARGUMENT');
  });

  test('when the relaying org withdraws the join request on the joining org’s behalf, it is WITHDRAWN and the org REJECTED', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.propose('Org4MSP');

    expect((await h.must(await h.admin('Org1MSP'), 'WithdrawProposal', proposalId)).status).toBe('WITHDRAWN');
    expect((await h.member('Org4MSP')).status).toBe('REJECTED');
  });

  test('when the joining org itself votes, it is refused with MEMBER_NOT_ACTIVE', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.propose('Org4MSP');

    expect((await h.submit(await h.admin('Org4MSP'), 'CastVote', proposalId, 'approve', '')).code).toBe('MEMBER_NOT_ACTIVE');
  });
});

describe('attesting a join request', () => {
  test('when another member received the same request, its attestation is recorded', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.propose('Org4MSP');
    const invitationId = await h.invite('Org2MSP', 'Org4MSP');

    const outcome = await h.submit(await h.admin('Org2MSP'), 'AttestJoinRequest', invitationId, JSON.stringify(await h.joinRequest('Org4MSP')));

    expect(outcome.result).toMatchObject({ proposalId, attested: true });
    expect(outcome.validation?.event).toMatchObject({ name: 'AttestationRecorded', payload: { proposalId, mspId: 'Org2MSP' } });
    expect((await h.proposal(proposalId)).attestations.map((a: { mspId: string; kind: string }) => [a.mspId, a.kind])).toEqual([
      ['Org1MSP', 'RELAY'],
      ['Org2MSP', 'ATTEST'],
    ]);
  });

  test('when another member received a different MSP, the mismatch commits and the result says attested:false', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.propose('Org4MSP');
    const invitationId = await h.invite('Org2MSP', 'Org4MSP');
    const impostor = await makeTestOrg('Org4MSP', { now: new Date('2030-01-01T00:00:00Z') });

    const outcome = await h.submit(await h.admin('Org2MSP'), 'AttestJoinRequest', invitationId, JSON.stringify(makeSignedJoinRequest(impostor)));

    expect(outcome.validation?.code).toBe('VALID');
    expect(outcome.result).toMatchObject({ proposalId, attested: false });
    expect(outcome.validation?.event?.name).toBe('AttestationMismatch');
    const proposal = await h.proposal(proposalId);
    expect(proposal.mismatches).toEqual([expect.objectContaining({ mspId: 'Org2MSP', expectedDigest: proposal.digest, receivedDigest: outcome.result.digest })]);
    expect(proposal.attestations).toHaveLength(1);
  });

  test('when the relaying org attests again, it is refused with ALREADY_ATTESTED', async () => {
    const h = await ConsortiumHarness.create();
    await h.propose('Org4MSP');
    const invitationId = await h.invite('Org1MSP', 'Org4MSP', 'inv-org1-again');

    const outcome = await h.submit(await h.admin('Org1MSP'), 'AttestJoinRequest', invitationId, JSON.stringify(await h.joinRequest('Org4MSP')));

    expect(outcome.code).toBe('ALREADY_ATTESTED');
  });

  test('when there is no open join request for the MSP, it is refused with PROPOSAL_NOT_FOUND', async () => {
    const h = await ConsortiumHarness.create();
    const invitationId = await h.invite('Org2MSP', 'Org4MSP');

    const outcome = await h.submit(await h.admin('Org2MSP'), 'AttestJoinRequest', invitationId, JSON.stringify(await h.joinRequest('Org4MSP')));

    expect(outcome.code).toBe('PROPOSAL_NOT_FOUND');
  });
});
