import { canonicalJson, joinRequestDigest, signJoinRequest } from '@opssc/core';
import { errorOf, jsonOf } from '../support/http';
import { issueInvitation } from '../support/invitations';
import { createOrgPki } from '../support/test-pki';
import { joinRequestBody } from '../support/join-request-fixture';
import { joinThrough, postJoin, startJoinHarness, type JoinHarness } from './join-harness';

interface Outcome {
  proposalId: string;
  digest: string;
  report: { ok: boolean };
  attested: boolean;
  created: boolean;
  autoApproved: boolean;
}

describe('join requests: self-proposal and attestation', () => {
  let h: JoinHarness;
  beforeEach(async () => {
    h = await startJoinHarness();
  });
  afterEach(() => h.close());

  it('when the first member receives a valid request, it creates the ADD_ORG proposal with the report', async () => {
    const { invitationId, token } = await issueInvitation(h.org1);
    const response = await postJoin(h.org1, token, h.request);
    const outcome = await jsonOf<Outcome>(response);
    expect(response.status).toBe(201);
    expect(outcome).toMatchObject({ digest: joinRequestDigest(h.request), attested: true, created: true, autoApproved: false });
    expect(outcome.report.ok).toBe(true);
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([
      { org: 'Org1MSP', kind: 'submit', name: 'SubmitJoinRequest', args: [invitationId, canonicalJson(h.request)] },
    ]);
    expect(h.ledger.state.proposals.get(outcome.proposalId)).toMatchObject({ proposer: 'Org3MSP', relayedBy: 'Org1MSP', status: 'OPEN' });
  });

  it('when a second member receives the same request, it records its attestation', async () => {
    const created = await jsonOf<Outcome>(await joinThrough(h.org1, h.request));
    const response = await joinThrough(h.org2, h.request);
    const outcome = await jsonOf<Outcome>(response);
    expect(response.status).toBe(201);
    expect(outcome).toMatchObject({ proposalId: created.proposalId, digest: created.digest, attested: true, created: false });
    expect(outcome.report.ok).toBe(true);
    expect(h.ledger.submitted('AttestJoinRequest')).toHaveLength(1);
    expect(h.ledger.state.proposals.get(created.proposalId)?.attestations).toEqual([{ mspId: 'Org2MSP', digest: created.digest, matched: true }]);
  });

  it('when the second member receives a tampered MSP, the mismatch is recorded and answered with DIGEST_MISMATCH', async () => {
    const created = await jsonOf<Outcome>(await joinThrough(h.org1, h.request));
    const tampered = { ...h.request, msp: { ...h.request.msp, tlsRootCerts: [h.request.msp.rootCerts[0]] } };
    const response = await joinThrough(h.org2, tampered);
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('DIGEST_MISMATCH');
    const attestations = h.ledger.state.proposals.get(created.proposalId)?.attestations;
    expect(attestations).toEqual([{ mspId: 'Org2MSP', digest: joinRequestDigest(tampered), matched: false }]);
    expect(h.ledger.events.map((e) => e.name)).toContain('AttestationMismatch');
  });

  it('when another member relays the same org concurrently, the loser attests instead of failing', async () => {
    const { token } = await issueInvitation(h.org1);
    h.ledger.interceptNext('SubmitJoinRequest', async () => {
      expect((await joinThrough(h.org2, h.request)).status).toBe(201);
    });
    const response = await postJoin(h.org1, token, h.request);
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toMatchObject({ created: false, attested: true });
    expect(h.ledger.submitted('AttestJoinRequest').map((c) => c.org)).toEqual(['Org1MSP']);
  });

  it('when the proof of possession does not verify, it is refused with MSP_VALIDATION_FAILED and the invitation stays unused', async () => {
    const [org3, stranger] = await Promise.all([createOrgPki('org3.example.com'), createOrgPki('stranger.example.com')]);
    // Signed with a key that does not belong to the certificate the proof names.
    const forged = signJoinRequest(joinRequestBody('Org3MSP', org3), org3.admin.certPem, stranger.admin.privateKey);
    const { invitationId, token } = await issueInvitation(h.org1);
    const response = await postJoin(h.org1, token, forged);
    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe('MSP_VALIDATION_FAILED');
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
    expect(h.ledger.state.invitations.get(invitationId)?.status).toBe('ISSUED');
  });

  it('when the request has an unknown field, it is refused with INVALID_ARGUMENT and nothing is submitted', async () => {
    const { token } = await issueInvitation(h.org1);
    const response = await postJoin(h.org1, token, { ...h.request, priority: 'high' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/Unrecognized key.*priority/);
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
  });

  it('when msp.mspId differs from mspId, it is refused with INVALID_ARGUMENT', async () => {
    const { token } = await issueInvitation(h.org1);
    const response = await postJoin(h.org1, token, { ...h.request, msp: { ...h.request.msp, mspId: 'Org1MSP' } });
    expect(response.status).toBe(400);
    expect(h.ledger.submitted('SubmitJoinRequest')).toEqual([]);
  });
});
