import { errorOf, jsonOf } from '../support/http';
import { joinThrough, startJoinHarness, type JoinHarness } from './join-harness';

describe('auto-approve of join requests', () => {
  let h: JoinHarness;
  afterEach(() => h.close());

  it('when enabled and the request passed validation, this org votes approve with the documented reason', async () => {
    h = await startJoinHarness({ autoApprove: true });
    const response = await joinThrough(h.org1, h.request);
    const outcome = await jsonOf<{ proposalId: string; autoApproved: boolean }>(response);
    expect(outcome.autoApproved).toBe(true);
    expect(h.ledger.submitted('CastVote')).toEqual([
      { org: 'Org1MSP', kind: 'submit', name: 'CastVote', args: [outcome.proposalId, 'approve', 'auto-approved: validated and attested by Org1MSP'] },
    ]);
    // one approval of two members decides nothing, so no tally is submitted
    expect(h.ledger.submitted('TallyProposal')).toEqual([]);
    expect((await h.org2.call('GET', `/api/v1/proposals/${outcome.proposalId}`, { auth: h.org2.keys.viewer }).then((r) => jsonOf<{ votes: unknown[] }>(r))).votes).toHaveLength(1);
  });

  it('when enabled but validation failed, the request is refused with MSP_VALIDATION_FAILED and no vote is cast', async () => {
    h = await startJoinHarness({ autoApprove: true });
    h.ledger.state.validate = (_request, at) => ({ ok: false, checks: [{ name: 'admin-chain', ok: false, detail: 'no admin' }], validatedAt: at.toISOString() });
    const response = await joinThrough(h.org1, h.request);
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toBe('admin-chain');
    expect(h.ledger.submitted('CastVote')).toEqual([]);
  });

  it('when disabled (the default), no vote is cast', async () => {
    h = await startJoinHarness();
    await joinThrough(h.org1, h.request);
    expect(h.ledger.submitted('CastVote')).toEqual([]);
  });

  it('when the auto vote fails, the join request still succeeds', async () => {
    h = await startJoinHarness({ autoApprove: true });
    h.ledger.failNext('CastVote', new Error('VOTE_ALREADY_CAST: Org1MSP already voted'));
    const response = await joinThrough(h.org1, h.request);
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toMatchObject({ autoApproved: false });
  });
});
