import { ConsortiumHarness } from './support/consortium-harness';

describe('creating proposals', () => {
  test('when an active member proposes a suspension, it is OPEN with a seven-day deadline and no channels', async () => {
    const h = await ConsortiumHarness.create();

    const outcome = await h.submit(await h.admin('Org1MSP'), 'CreateProposal', 'SUSPEND_ORG', '{"mspId":"Org3MSP","description":"unpatched peers"}', '');

    expect(outcome.result).toMatchObject({
      status: 'OPEN',
      type: 'SUSPEND_ORG',
      proposer: 'Org1MSP',
      subjectMspId: 'Org3MSP',
      channels: [],
      deadline: '2030-01-08T00:00:00.000Z',
    });
    expect(outcome.validation?.event).toMatchObject({ name: 'ProposalCreated', payload: { mspId: 'Org3MSP', status: 'OPEN' } });
  });

  test('when a removal names no channels, it targets every channel the member is in', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.create('Org1MSP', 'REMOVE_ORG', { mspId: 'Org3MSP' });
    expect((await h.proposal(proposalId)).channels).toEqual(['ops-channel']);
  });

  test('when a proposal about an org is still live, another one about it is refused with PROPOSAL_EXISTS', async () => {
    const h = await ConsortiumHarness.create();
    await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org3MSP' });

    expect((await h.submit(await h.admin('Org2MSP'), 'CreateProposal', 'REMOVE_ORG', '{"mspId":"Org3MSP"}', '')).code).toBe('PROPOSAL_EXISTS');
  });

  test('when two proposals about the same org are created in one block, only one commits', async () => {
    const h = await ConsortiumHarness.create();
    const a = await h.endorse(await h.admin('Org1MSP'), 'CreateProposal', 'SUSPEND_ORG', '{"mspId":"Org3MSP"}', '');
    const b = await h.endorse(await h.admin('Org2MSP'), 'CreateProposal', 'REMOVE_ORG', '{"mspId":"Org3MSP"}', '');

    expect(h.commit(a, b).map((v) => v.code)).toEqual(['VALID', 'PHANTOM_READ_CONFLICT']);
  });

  test('when the earlier proposal about an org has ended, a new one is accepted', async () => {
    const h = await ConsortiumHarness.create();
    const first = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org3MSP' });
    await h.must(await h.admin('Org1MSP'), 'WithdrawProposal', first);

    expect((await h.submit(await h.admin('Org2MSP'), 'CreateProposal', 'SUSPEND_ORG', '{"mspId":"Org3MSP"}', '')).ok).toBe(true);
  });

  test.each([
    ['ADD_ORG', '{"mspId":"Org9MSP"}', '', 'INVALID_ARGUMENT'],
    ['SUSPEND_ORG', '{"mspId":"Org9MSP"}', '', 'MEMBER_NOT_FOUND'],
    ['REINSTATE_ORG', '{"mspId":"Org3MSP"}', '', 'INVALID_STATUS_TRANSITION'],
    ['SUSPEND_ORG', '{"mspId":"Org3MSP","extra":true}', '', 'INVALID_ARGUMENT'],
    ['SUSPEND_ORG', '{"mspId":"Org3MSP"}', '30', 'INVALID_ARGUMENT'],
    ['SET_VOTING_POLICY', '{"policy":{"rule":"THRESHOLD","threshold":4}}', '', 'POLICY_UNSATISFIABLE'],
    ['SET_VOTING_POLICY', '{"policy":{"rule":"ALL","vetoMspIds":["Org9MSP"]}}', '', 'INVALID_ARGUMENT'],
  ])('when CreateProposal gets type %s with payload %s and deadline "%s", it is refused with %s', async (type, payload, deadline, code) => {
    const h = await ConsortiumHarness.create();
    const before = h.ledger.dump();

    expect((await h.submit(await h.admin('Org1MSP'), 'CreateProposal', type, payload, deadline)).code).toBe(code);
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when a replacement MSP fails validation, the proposal is refused with MSP_VALIDATION_FAILED', async () => {
    const h = await ConsortiumHarness.create();
    const org1 = await h.org('Org1MSP');
    const payload = { mspId: 'Org3MSP', msp: { ...org1.tree.msp, mspId: 'Org3MSP' } };

    expect((await h.submit(await h.admin('Org3MSP'), 'CreateProposal', 'UPDATE_ORG_MSP', JSON.stringify(payload), '')).code).toBe('MSP_VALIDATION_FAILED');
  });

  test('when a veto holder rejects a proposal the others approved, the tally rejects it', async () => {
    const h = await ConsortiumHarness.create({ votingPolicy: { rule: 'MAJORITY', vetoMspIds: ['Org1MSP'] } });
    const proposalId = await h.create('Org2MSP', 'SUSPEND_ORG', { mspId: 'Org3MSP' });
    await h.vote(proposalId, 'approve', 'Org2MSP', 'Org3MSP');
    expect((await h.tally(proposalId)).status).toBe('OPEN');
    await h.vote(proposalId, 'reject', 'Org1MSP');

    expect((await h.tally(proposalId)).decision).toMatchObject({ outcome: 'REJECTED', vetoedBy: ['Org1MSP'] });
  });
});

describe('listing proposals', () => {
  async function withProposals() {
    const h = await ConsortiumHarness.create({ founders: ['Org1MSP', 'Org2MSP', 'Org3MSP', 'Org4MSP', 'Org5MSP'] });
    const ids: string[] = [];
    for (const mspId of ['Org2MSP', 'Org3MSP', 'Org4MSP', 'Org5MSP']) {
      ids.push(await h.create('Org1MSP', 'SUSPEND_ORG', { mspId }));
      h.ledger.advance(1);
    }
    ids.push(await h.create('Org1MSP', 'SET_VOTING_POLICY', { policy: { rule: 'ALL' } }));
    await h.must(await h.admin('Org1MSP'), 'WithdrawProposal', ids[1]);
    return { h, ids };
  }
  const list = async (h: ConsortiumHarness, filter: object) => h.query((await h.org('Org2MSP')).client, 'ListProposals', JSON.stringify(filter));

  test('when proposals are listed without a filter, the newest come first as summaries', async () => {
    const { h, ids } = await withProposals();

    const page = await list(h, {});

    expect(page.items.map((p: { id: string }) => p.id)).toEqual([...ids].reverse());
    expect(page.items[0].payload).toBeUndefined();
    expect(page.nextCursor).toBeNull();
  });

  test('when pages are followed with nextCursor, every proposal is seen exactly once', async () => {
    const { h, ids } = await withProposals();
    const seen: string[] = [];

    let cursor: string | undefined;
    do {
      const page = await list(h, { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(seen).toEqual([...ids].reverse());
  });

  test('when filtered by status and type, only matching proposals are listed', async () => {
    const { h, ids } = await withProposals();

    expect((await list(h, { status: 'WITHDRAWN' })).items.map((p: { id: string }) => p.id)).toEqual([ids[1]]);
    expect((await list(h, { type: 'SET_VOTING_POLICY' })).items.map((p: { id: string }) => p.id)).toEqual([ids[4]]);
    expect((await list(h, { status: 'OPEN', type: 'SUSPEND_ORG', limit: 2 })).items.map((p: { id: string }) => p.id)).toEqual([ids[3], ids[2]]);
  });

  test('when a type-filtered listing is paged, every matching proposal is seen exactly once', async () => {
    const { h, ids } = await withProposals();
    const seen: string[] = [];

    let cursor: string | undefined;
    do {
      const page = await list(h, { type: 'SUSPEND_ORG', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(seen).toEqual(ids.slice(0, 4).reverse());
  });

  test('when a cursor from another listing is used, it is refused with INVALID_ARGUMENT', async () => {
    const { h } = await withProposals();
    const { nextCursor } = await list(h, { limit: 1 });

    await expect(list(h, { status: 'OPEN', cursor: nextCursor })).rejects.toThrow(/^INVALID_ARGUMENT: filter.cursor/);
  });
});
