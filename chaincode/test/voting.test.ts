import { ConsortiumHarness, UNKNOWN_PROPOSAL } from './support/consortium-harness';

const FOUR = ['Org1MSP', 'Org2MSP', 'Org3MSP', 'Org4MSP'];

describe('casting votes', () => {
  test('when an active member votes, only its own vote key is written and VoteCast is emitted', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });

    const outcome = await h.submit(await h.admin('Org2MSP'), 'CastVote', proposalId, 'approve', 'agreed');

    expect([...outcome.tx.stub.writes.keys()]).toEqual([`\u0000vote\u0000${proposalId}\u0000Org2MSP\u0000`]);
    expect(outcome.validation?.event).toMatchObject({ name: 'VoteCast', payload: { proposalId, mspId: 'Org2MSP', status: 'OPEN' } });
    expect(outcome.result).toMatchObject({ decision: 'approve', reason: 'agreed', mspId: 'Org2MSP' });
  });

  test('when votes by two orgs are in one block, both commit', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    const a = await h.endorse(await h.admin('Org1MSP'), 'CastVote', proposalId, 'approve', '');
    const b = await h.endorse(await h.admin('Org2MSP'), 'CastVote', proposalId, 'reject', '');

    expect(h.commit(a, b).map((v) => v.code)).toEqual(['VALID', 'VALID']);
    expect((await h.proposal(proposalId)).votes.map((v: { mspId: string }) => v.mspId)).toEqual(['Org1MSP', 'Org2MSP']);
  });

  test('when one org votes twice in one block, exactly one vote commits', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    const first = await h.endorse(await h.admin('Org2MSP'), 'CastVote', proposalId, 'approve', 'first');
    const second = await h.endorse(await h.admin('Org2MSP'), 'CastVote', proposalId, 'reject', 'second');

    expect(h.commit(first, second).map((v) => v.code)).toEqual(['VALID', 'MVCC_READ_CONFLICT']);
    expect((await h.proposal(proposalId)).votes).toEqual([expect.objectContaining({ mspId: 'Org2MSP', reason: 'first' })]);
  });

  test('when an org votes again in a later block, it is refused with VOTE_ALREADY_CAST', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(proposalId, 'approve', 'Org2MSP');

    expect((await h.submit(await h.admin('Org2MSP'), 'CastVote', proposalId, 'reject', '')).code).toBe('VOTE_ALREADY_CAST');
  });

  test('when a vote arrives after the deadline, it is refused with PROPOSAL_DEADLINE_PASSED', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' }, '3600');
    h.ledger.advance(3600);

    expect((await h.submit(await h.admin('Org2MSP'), 'CastVote', proposalId, 'approve', '')).code).toBe('PROPOSAL_DEADLINE_PASSED');
  });

  test.each([
    ['an unknown proposal', UNKNOWN_PROPOSAL, 'approve', 'PROPOSAL_NOT_FOUND'],
    ['a malformed proposal id', 'p-1', 'approve', 'INVALID_ARGUMENT'],
    ['a decision that is neither approve nor reject', undefined, 'maybe', 'INVALID_ARGUMENT'],
  ])('when a vote names %s, it is refused with %s', async (_what, id, decision, code) => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = id ?? (await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' }));

    expect((await h.submit(await h.admin('Org2MSP'), 'CastVote', proposalId, decision as string, '')).code).toBe(code);
  });

  test('when a vote has the wrong number of arguments, the dispatcher refuses it', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const outcome = await h.submit(await h.admin('Org2MSP'), 'CastVote', UNKNOWN_PROPOSAL, 'approve');
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/Expected 3 parameters, but 2 have been supplied/);
  });

  test('when a vote reason is longer than 2048 characters, it is refused with INVALID_ARGUMENT', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    expect((await h.submit(await h.admin('Org2MSP'), 'CastVote', proposalId, 'approve', 'x'.repeat(5000))).code).toBe('INVALID_ARGUMENT');
  });

  test('when a vote reason is over the 256 KiB argument limit, it is refused with PAYLOAD_TOO_LARGE', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    expect((await h.submit(await h.admin('Org2MSP'), 'CastVote', proposalId, 'approve', 'x'.repeat(256 * 1024 + 1))).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('tallying', () => {
  test('when a majority approved a suspension, the tally applies it at once and emits ProposalDecided', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');

    const outcome = await h.submit(await h.admin('Org2MSP'), 'TallyProposal', proposalId);

    expect(outcome.result).toMatchObject({ status: 'APPLIED', decision: { outcome: 'APPROVED', approvals: 3, required: 3, eligible: 4 } });
    expect(outcome.validation?.event).toMatchObject({ name: 'ProposalDecided', payload: { status: 'APPLIED', decision: 'APPROVED', mspId: 'Org4MSP', membershipVersion: expect.any(Number) } });
    expect((await h.member('Org4MSP')).status).toBe('SUSPENDED');
  });

  test('when the votes do not decide yet, the tally writes nothing and emits no event', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(proposalId, 'approve', 'Org1MSP');

    const outcome = await h.submit(await h.admin('Org2MSP'), 'TallyProposal', proposalId);

    expect(outcome.result.status).toBe('OPEN');
    expect(outcome.tx.stub.writes.size).toBe(0);
    expect(outcome.validation?.event).toBeUndefined();
  });

  test('when approval has become impossible, the tally rejects early', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(proposalId, 'reject', 'Org2MSP', 'Org3MSP');

    expect((await h.tally(proposalId)).status).toBe('REJECTED');
    expect((await h.member('Org4MSP')).status).toBe('ACTIVE');
  });

  test('when two tallies that decide are in one block, one commits and the other conflicts harmlessly', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(proposalId, 'reject', 'Org2MSP', 'Org3MSP');
    const a = await h.endorse(await h.admin('Org1MSP'), 'TallyProposal', proposalId);
    const b = await h.endorse(await h.admin('Org2MSP'), 'TallyProposal', proposalId);

    expect(h.commit(a, b).map((v) => v.code)).toEqual(['VALID', 'MVCC_READ_CONFLICT']);
    const retry = await h.submit(await h.admin('Org2MSP'), 'TallyProposal', proposalId);
    expect(retry.result.status).toBe('REJECTED');
    expect(retry.validation?.event).toBeUndefined();
  });

  test('when a vote commits in the same block as a tally, the tally is invalidated as a phantom read', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    const vote = await h.endorse(await h.admin('Org3MSP'), 'CastVote', proposalId, 'approve', '');
    const tally = await h.endorse(await h.admin('Org1MSP'), 'TallyProposal', proposalId);

    expect(h.commit(vote, tally).map((v) => v.code)).toEqual(['VALID', 'PHANTOM_READ_CONFLICT']);
  });
});

describe('the re-evaluation rule through the chaincode', () => {
  test('when a voter is suspended after voting, its vote no longer counts at the next tally', async () => {
    const h = await ConsortiumHarness.create({ founders: [...FOUR, 'Org5MSP'] });
    const target = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org5MSP' });
    await h.vote(target, 'approve', 'Org1MSP', 'Org2MSP', 'Org4MSP');
    const suspendOrg4 = await h.create('Org2MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(suspendOrg4, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
    await h.tally(suspendOrg4);

    const tallied = await h.tally(target);

    expect(tallied.status).toBe('OPEN');
    expect((await h.proposal(target)).evaluation.tally).toMatchObject({ approvals: 2, eligible: 4, required: 3 });
  });

  test('when the voting policy changes, open proposals are counted under the new policy', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const target = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(target, 'approve', 'Org1MSP', 'Org2MSP');
    const policy = await h.create('Org1MSP', 'SET_VOTING_POLICY', { policy: { rule: 'THRESHOLD', threshold: 2 } });
    await h.vote(policy, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
    expect((await h.tally(policy)).status).toBe('APPLIED');

    expect((await h.tally(target)).status).toBe('APPLIED');
    expect(await h.query(await h.admin('Org1MSP'), 'GetVotingPolicy')).toEqual({ rule: 'THRESHOLD', threshold: 2, vetoMspIds: [] });
  });

  test('when a member is suspended while a new policy it was needed for is open, the policy proposal is DROPPED', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const strict = await h.create('Org1MSP', 'SET_VOTING_POLICY', { policy: { rule: 'THRESHOLD', threshold: 4 } });
    const suspend = await h.create('Org2MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(suspend, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
    await h.tally(suspend);
    await h.vote(strict, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');

    const outcome = await h.submit(await h.admin('Org1MSP'), 'TallyProposal', strict);

    expect(outcome.result).toMatchObject({ status: 'DROPPED', statusReason: expect.stringMatching(/^POLICY_UNSATISFIABLE: THRESHOLD 4/) });
    expect(outcome.validation?.event?.name).toBe('ProposalDropped');
    expect(await h.query(await h.admin('Org1MSP'), 'GetVotingPolicy')).toEqual({ rule: 'MAJORITY', vetoMspIds: [] });
  });

  test('when a member was removed, a new proposal about it is refused with INVALID_STATUS_TRANSITION', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const remove = await h.create('Org2MSP', 'REMOVE_ORG', { mspId: 'Org4MSP', channels: [] });
    await h.vote(remove, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
    expect((await h.tally(remove)).status).toBe('APPLIED');
    expect((await h.member('Org4MSP')).status).toBe('REMOVED');

    const late = await h.endorse(await h.admin('Org1MSP'), 'CreateProposal', 'SUSPEND_ORG', '{"mspId":"Org4MSP"}', '');

    expect(late.code).toBe('INVALID_STATUS_TRANSITION');
  });
});

describe('deadlines, closing and withdrawing', () => {
  test('when CloseProposal runs after the deadline on an undecided proposal, it is EXPIRED', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' }, '600');
    await h.vote(proposalId, 'approve', 'Org1MSP');
    h.ledger.advance(601);

    const outcome = await h.submit(await h.admin('Org3MSP'), 'CloseProposal', proposalId);

    expect(outcome.result).toMatchObject({ status: 'EXPIRED', statusReason: expect.stringContaining('deadline') });
    expect(outcome.validation?.event?.name).toBe('ProposalExpired');
  });

  test('when CloseProposal runs before the deadline on an undecided proposal, it is refused with PROPOSAL_DEADLINE_NOT_REACHED', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' }, '600');

    expect((await h.submit(await h.admin('Org3MSP'), 'CloseProposal', proposalId)).code).toBe('PROPOSAL_DEADLINE_NOT_REACHED');
  });

  test('when TallyProposal runs after the deadline on an undecided proposal, it expires it too', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' }, '600');
    h.ledger.advance(600);

    expect((await h.tally(proposalId)).status).toBe('EXPIRED');
  });

  test('when the proposer withdraws an open proposal, it is WITHDRAWN and ProposalWithdrawn is emitted', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });

    const outcome = await h.submit(await h.admin('Org1MSP'), 'WithdrawProposal', proposalId);

    expect(outcome.result.status).toBe('WITHDRAWN');
    expect(outcome.validation?.event).toMatchObject({ name: 'ProposalWithdrawn', payload: { proposalId, status: 'WITHDRAWN' } });
  });

  test('when another member withdraws a proposal, it is refused with NOT_PROPOSER', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });

    expect((await h.submit(await h.admin('Org2MSP'), 'WithdrawProposal', proposalId)).code).toBe('NOT_PROPOSER');
  });

  test('when a decided proposal is withdrawn, it is refused with PROPOSAL_NOT_OPEN', async () => {
    const h = await ConsortiumHarness.create({ founders: FOUR });
    const proposalId = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
    await h.vote(proposalId, 'reject', 'Org2MSP', 'Org3MSP');
    await h.tally(proposalId);

    expect((await h.submit(await h.admin('Org1MSP'), 'WithdrawProposal', proposalId)).code).toBe('PROPOSAL_NOT_OPEN');
  });
});
