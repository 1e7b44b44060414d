import { ConsortiumHarness } from './support/consortium-harness';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const joined = (genesisDataHash = HASH_A, orderer = true) => JSON.stringify({ status: 'JOINED', genesisDataHash, orderer });

/** A harness whose three founders each run a peer and a consenting orderer. */
const harness = () => ConsortiumHarness.create({ withNodes: true });

/** CREATE_CHANNEL `channel` for `members` by Org1, approved by all three founders; returns its id. */
async function approvedCreation(h: ConsortiumHarness, channel = 'mychannel2', members = ['Org1MSP', 'Org2MSP']): Promise<string> {
  const id = await h.create('Org1MSP', 'CREATE_CHANNEL', { channel, members });
  await h.vote(id, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
  await h.tally(id);
  return id;
}

describe('channel creation proposals (CREATE_CHANNEL)', () => {
  test('when an admin proposes a channel, the payload states every choice and carries each org as its member record describes it', async () => {
    const h = await harness();
    const org1 = await h.member('Org1MSP');

    const proposal = await h.must(await h.admin('Org1MSP'), 'CreateProposal', 'CREATE_CHANNEL', JSON.stringify({ channel: 'mychannel2', members: ['Org1MSP', 'Org2MSP'], consenters: ['Org1MSP'] }), '');

    expect(proposal).toMatchObject({ type: 'CREATE_CHANNEL', status: 'OPEN', channels: ['mychannel2'] });
    expect(proposal.payload).toMatchObject({
      channel: 'mychannel2',
      members: ['Org1MSP', 'Org2MSP'],
      consenters: ['Org1MSP'],
      policies: { admins: 'MAJORITY', endorsement: 'MAJORITY', lifecycleEndorsement: 'MAJORITY' },
      batch: { timeout: '2s', maxMessageCount: 500, absoluteMaxBytes: 10485760, preferredMaxBytes: 2097152 },
    });
    expect(proposal.payload.orgs).toEqual([
      { mspId: 'Org1MSP', msp: org1.msp, anchorPeers: org1.nodes.anchorPeers, orderers: org1.nodes.orderers },
      // not a consenter: its orderer stays out of the genesis block
      { mspId: 'Org2MSP', msp: (await h.member('Org2MSP')).msp, anchorPeers: (await h.member('Org2MSP')).nodes.anchorPeers, orderers: [] },
    ]);
  });

  test('when consenters are left out, every member with a consenting orderer is one', async () => {
    const h = await harness();

    const proposal = await h.must(await h.admin('Org2MSP'), 'CreateProposal', 'CREATE_CHANNEL', JSON.stringify({ channel: 'mychannel2', members: ['Org2MSP', 'Org3MSP'] }), '');

    expect(proposal.payload.consenters).toEqual(['Org2MSP', 'Org3MSP']);
  });

  test.each([
    ['an upper-case channel name', { channel: 'MyChannel2', members: ['Org1MSP'] }],
    ['no members', { channel: 'mychannel2', members: [] }],
    ['a member named twice', { channel: 'mychannel2', members: ['Org1MSP', 'Org1MSP'] }],
    ['a consenter that is not a member', { channel: 'mychannel2', members: ['Org1MSP'], consenters: ['Org2MSP'] }],
    ['an empty consenter list', { channel: 'mychannel2', members: ['Org1MSP'], consenters: [] }],
    ['an unknown policy rule', { channel: 'mychannel2', members: ['Org1MSP'], policies: { admins: 'MOST' } }],
    ['a batch timeout that is not a Go duration', { channel: 'mychannel2', members: ['Org1MSP'], batch: { timeout: 'soon' } }],
    ['a preferred size above the default absolute maximum', { channel: 'mychannel2', members: ['Org1MSP'], batch: { preferredMaxBytes: 20 * 1024 * 1024 } }],
    ['org snapshots supplied by the client', { channel: 'mychannel2', members: ['Org1MSP'], orgs: [] }],
    ['an unknown field', { channel: 'mychannel2', members: ['Org1MSP'], capabilities: ['V3_0'] }],
  ])('when the payload has %s, it is refused with INVALID_ARGUMENT and nothing is written', async (_what, payload) => {
    const h = await harness();
    const before = h.ledger.size;

    const outcome = await h.submit(await h.admin('Org1MSP'), 'CreateProposal', 'CREATE_CHANNEL', JSON.stringify(payload), '');

    expect(outcome.code).toBe('INVALID_ARGUMENT');
    expect(h.ledger.size).toBe(before);
  });

  test('when a member is unknown or not ACTIVE, or the channel is one a member is already in, it is refused', async () => {
    const h = await harness();
    const suspend = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org3MSP' });
    await h.vote(suspend, 'approve', 'Org1MSP', 'Org2MSP');
    await h.tally(suspend);
    const org1 = await h.admin('Org1MSP');
    const [opsChannel] = (await h.member('Org1MSP')).channels;
    const propose = (payload: object) => h.submit(org1, 'CreateProposal', 'CREATE_CHANNEL', JSON.stringify(payload), '');

    expect((await propose({ channel: 'mychannel2', members: ['Org1MSP', 'Org9MSP'] })).code).toBe('MEMBER_NOT_FOUND');
    expect((await propose({ channel: 'mychannel2', members: ['Org1MSP', 'Org3MSP'] })).code).toBe('MEMBER_NOT_ACTIVE');
    expect((await propose({ channel: opsChannel, members: ['Org1MSP'] })).code).toBe('CHANNEL_EXISTS');
  });

  test('when no member runs a consenting orderer, it is refused: a channel needs a consenter', async () => {
    const h = await ConsortiumHarness.create();

    const outcome = await h.submit(await h.admin('Org1MSP'), 'CreateProposal', 'CREATE_CHANNEL', JSON.stringify({ channel: 'mychannel2', members: ['Org1MSP'] }), '');

    expect(outcome).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('consenter') });
  });

  test('while one creation of a channel is live, a second one of the same name is refused with PROPOSAL_EXISTS; once it is rejected, it may be proposed again', async () => {
    const h = await harness();
    const first = await h.create('Org1MSP', 'CREATE_CHANNEL', { channel: 'mychannel2', members: ['Org1MSP'] });
    const proposeAgain = async () => h.submit(await h.admin('Org2MSP'), 'CreateProposal', 'CREATE_CHANNEL', JSON.stringify({ channel: 'mychannel2', members: ['Org2MSP'] }), '');

    expect((await proposeAgain()).code).toBe('PROPOSAL_EXISTS');
    await h.vote(first, 'reject', 'Org2MSP', 'Org3MSP');
    expect((await h.tally(first)).status).toBe('REJECTED');
    expect((await proposeAgain()).validation?.code).toBe('VALID');
  });

  test('when it is approved it goes straight on to APPLYING; each member org records its join, and the last one makes it APPLIED and adds the channel to every member record', async () => {
    const h = await harness();
    const id = await approvedCreation(h);
    expect((await h.proposal(id)).status).toBe('APPLYING');

    const first = await h.submit(await h.admin('Org1MSP'), 'RecordChannelJoin', id, joined());
    expect(first.validation?.event).toMatchObject({ name: 'ChannelJoinRecorded', payload: { proposalId: id, mspId: 'Org1MSP', status: 'JOINED', channel: 'mychannel2' } });
    expect((await h.proposal(id)).status).toBe('APPLYING');
    expect((await h.member('Org1MSP')).channels).not.toContain('mychannel2');

    const last = await h.submit(await h.admin('Org2MSP'), 'RecordChannelJoin', id, joined(HASH_A, false));

    expect(last.validation?.event).toMatchObject({ name: 'ProposalApplied', payload: { proposalId: id, status: 'APPLIED' } });
    const proposal = await h.proposal(id);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.channelJoinSteps).toEqual([
      expect.objectContaining({ mspId: 'Org1MSP', status: 'JOINED', genesisDataHash: HASH_A, orderer: true }),
      expect.objectContaining({ mspId: 'Org2MSP', status: 'JOINED', genesisDataHash: HASH_A, orderer: false }),
    ]);
    expect((await h.member('Org1MSP')).channels).toContain('mychannel2');
    expect((await h.member('Org2MSP')).channels).toContain('mychannel2');
    expect((await h.member('Org3MSP')).channels).not.toContain('mychannel2');
  });

  test('when an org records a second step, a step for a channel it is not in, or a different genesis block, it is refused and nothing changes', async () => {
    const h = await harness();
    const id = await approvedCreation(h);
    await h.must(await h.admin('Org1MSP'), 'RecordChannelJoin', id, joined());
    const before = h.ledger.size;

    expect((await h.submit(await h.admin('Org1MSP'), 'RecordChannelJoin', id, joined())).code).toBe('STEP_EXISTS');
    expect((await h.submit(await h.admin('Org3MSP'), 'RecordChannelJoin', id, joined())).code).toBe('FORBIDDEN');
    expect((await h.submit(await h.admin('Org2MSP'), 'RecordChannelJoin', id, joined(HASH_B))).code).toBe('GENESIS_MISMATCH');
    expect((await h.submit(await h.admin('Org2MSP'), 'RecordChannelJoin', id, JSON.stringify({ status: 'JOINED', genesisDataHash: 'xyz', orderer: true }))).code).toBe('INVALID_ARGUMENT');
    expect((await h.submit(await h.admin('Org2MSP'), 'RecordChannelJoin', id, JSON.stringify({ status: 'DONE' }))).code).toBe('INVALID_ARGUMENT');

    expect(h.ledger.size).toBe(before);
    expect((await h.proposal(id)).status).toBe('APPLYING');
  });

  test('when an org records FAILED, the proposal is FAILED with its reason and no member record lists the channel', async () => {
    const h = await harness();
    const id = await approvedCreation(h);

    const failed = await h.submit(await h.admin('Org2MSP'), 'RecordChannelJoin', id, JSON.stringify({ status: 'FAILED', reason: 'CHANNEL_EXISTS: the orderer serves another mychannel2' }));

    expect(failed.validation?.event).toMatchObject({ name: 'ProposalFailed', payload: { status: 'FAILED' } });
    expect(await h.proposal(id)).toMatchObject({ status: 'FAILED', statusReason: expect.stringContaining('Org2MSP: CHANNEL_EXISTS') });
    expect((await h.member('Org2MSP')).channels).not.toContain('mychannel2');
    expect((await h.submit(await h.admin('Org1MSP'), 'RecordChannelJoin', id, joined())).code).toBe('INVALID_STATUS_TRANSITION');
  });

  test('when a join step is recorded before approval, it is refused with INVALID_STATUS_TRANSITION', async () => {
    const h = await harness();
    const id = await h.create('Org1MSP', 'CREATE_CHANNEL', { channel: 'mychannel2', members: ['Org1MSP'] });

    expect((await h.submit(await h.admin('Org1MSP'), 'RecordChannelJoin', id, joined())).code).toBe('INVALID_STATUS_TRANSITION');
  });

  test('when two orgs record their joins in one block, one commits and the other gets an MVCC conflict (its retry then completes the channel)', async () => {
    const h = await harness();
    const id = await approvedCreation(h);
    const a = await h.endorse(await h.admin('Org1MSP'), 'RecordChannelJoin', id, joined());
    const b = await h.endorse(await h.admin('Org2MSP'), 'RecordChannelJoin', id, joined(HASH_A, false));

    const [first, second] = h.commit(a, b);

    expect(first.code).toBe('VALID');
    expect(second.code).not.toBe('VALID');
    await h.must(await h.admin('Org2MSP'), 'RecordChannelJoin', id, joined(HASH_A, false));
    expect((await h.proposal(id)).status).toBe('APPLIED');
  });
});
