import { ConsortiumHarness } from './support/consortium-harness';

const UPDATE = Buffer.from('a serialized common.ConfigUpdate').toString('base64');
const committed = (blockNumber: number) => JSON.stringify({ status: 'COMMITTED', blockNumber });
const update = (channel: string, change: object) => JSON.stringify({ channel, change });

describe('channel update proposals (UPDATE_CHANNEL)', () => {
  test('when an active admin proposes a batch timeout, it is OPEN on that one channel with no subject org', async () => {
    const h = await ConsortiumHarness.create();

    const proposal = await h.must(await h.admin('Org1MSP'), 'CreateProposal', 'UPDATE_CHANNEL', update('mychannel', { kind: 'SET_BATCH_TIMEOUT', timeout: '250ms' }), '');

    expect(proposal).toMatchObject({ type: 'UPDATE_CHANNEL', status: 'OPEN', channels: ['mychannel'], payload: { channel: 'mychannel', change: { kind: 'SET_BATCH_TIMEOUT', timeout: '250ms' } } });
    expect(proposal.subjectMspId).toBeUndefined();
  });

  test.each([
    ['a channel name with upper-case letters', 'MyChannel', { kind: 'SET_BATCH_TIMEOUT', timeout: '1s' }],
    ['an unknown change kind', 'mychannel', { kind: 'ADD_CONSENTER_SOMEWHERE' }],
    ['a timeout that is not a Go duration', 'mychannel', { kind: 'SET_BATCH_TIMEOUT', timeout: '2 seconds' }],
    ['a zero timeout', 'mychannel', { kind: 'SET_BATCH_TIMEOUT', timeout: '0s' }],
    ['a batch size with no field', 'mychannel', { kind: 'SET_BATCH_SIZE' }],
    ['a batch size of zero messages', 'mychannel', { kind: 'SET_BATCH_SIZE', maxMessageCount: 0 }],
    ['a preferred size above the absolute maximum', 'mychannel', { kind: 'SET_BATCH_SIZE', absoluteMaxBytes: 10, preferredMaxBytes: 11 }],
    ['anchor peers without a port', 'mychannel', { kind: 'SET_ANCHOR_PEERS', mspId: 'Org1MSP', peers: [{ host: 'peer0.org1' }] }],
    ['an ADD_ORG that brings its own MSP', 'mychannel', { kind: 'ADD_ORG', mspId: 'Org2MSP', msp: {} }],
  ])('when the payload has %s, it is refused with INVALID_ARGUMENT', async (_what, channel, change) => {
    const h = await ConsortiumHarness.create();

    const outcome = await h.submit(await h.admin('Org1MSP'), 'CreateProposal', 'UPDATE_CHANNEL', update(channel, change), '');

    expect(outcome.code).toBe('INVALID_ARGUMENT');
  });

  test('when ADD_ORG names an ACTIVE member, the proposal carries its MSP and anchor peers from its member record', async () => {
    const h = await ConsortiumHarness.create();
    const member = await h.member('Org2MSP');

    const proposal = await h.must(await h.admin('Org1MSP'), 'CreateProposal', 'UPDATE_CHANNEL', update('mychannel2', { kind: 'ADD_ORG', mspId: 'Org2MSP' }), '');

    expect(proposal.payload.change).toEqual({ kind: 'ADD_ORG', mspId: 'Org2MSP', msp: member.msp, anchorPeers: member.nodes.anchorPeers });
  });

  test('when ADD_CONSENTER names an ACTIVE member with one consenting orderer, the proposal carries its MSP and that orderer from its member record', async () => {
    const h = await ConsortiumHarness.create({ withNodes: true });
    const member = await h.member('Org2MSP');

    const proposal = await h.must(await h.admin('Org1MSP'), 'CreateProposal', 'UPDATE_CHANNEL', update('mychannel', { kind: 'ADD_CONSENTER', mspId: 'Org2MSP' }), '');

    expect(proposal.payload.change).toEqual({ kind: 'ADD_CONSENTER', mspId: 'Org2MSP', msp: member.msp, orderer: member.nodes.orderers[0] });
  });

  test('when ADD_CONSENTER names a member without a consenting orderer, or one that is not ACTIVE, it is refused', async () => {
    const h = await ConsortiumHarness.create();
    const org1 = await h.admin('Org1MSP');

    expect((await h.submit(org1, 'CreateProposal', 'UPDATE_CHANNEL', update('mychannel', { kind: 'ADD_CONSENTER', mspId: 'Org2MSP' }), '')).code).toBe('INVALID_ARGUMENT');
    expect((await h.submit(org1, 'CreateProposal', 'UPDATE_CHANNEL', update('mychannel', { kind: 'ADD_CONSENTER', mspId: 'Org9MSP' }), '')).code).toBe('MEMBER_NOT_FOUND');
    expect((await h.submit(org1, 'CreateProposal', 'UPDATE_CHANNEL', update('mychannel', { kind: 'ADD_CONSENTER', mspId: 'Org2MSP', orderer: {} }), '')).code).toBe('INVALID_ARGUMENT');
  });

  test('when ADD_ORG names an org that is not an ACTIVE member, it is refused', async () => {
    const h = await ConsortiumHarness.create();
    const suspend = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org3MSP' });
    await h.vote(suspend, 'approve', 'Org1MSP', 'Org2MSP');
    await h.tally(suspend);
    const org1 = await h.admin('Org1MSP');

    expect((await h.submit(org1, 'CreateProposal', 'UPDATE_CHANNEL', update('mychannel2', { kind: 'ADD_ORG', mspId: 'Org3MSP' }), '')).code).toBe('MEMBER_NOT_ACTIVE');
    expect((await h.submit(org1, 'CreateProposal', 'UPDATE_CHANNEL', update('mychannel2', { kind: 'ADD_ORG', mspId: 'Org9MSP' }), '')).code).toBe('MEMBER_NOT_FOUND');
  });

  test('when ADD_ORG names a member already in the channel by its record, it is refused with INVALID_ARGUMENT', async () => {
    const h = await ConsortiumHarness.create();
    const [channel] = (await h.member('Org2MSP')).channels;

    const outcome = await h.submit(await h.admin('Org1MSP'), 'CreateProposal', 'UPDATE_CHANNEL', update(channel, { kind: 'ADD_ORG', mspId: 'Org2MSP' }), '');

    expect(outcome.code).toBe('INVALID_ARGUMENT');
  });

  test('when an approved ADD_ORG commits on its channel, the proposal is APPLIED and the channel is added to the member record', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.create('Org1MSP', 'UPDATE_CHANNEL', { channel: 'mychannel2', change: { kind: 'ADD_ORG', mspId: 'Org2MSP' } });
    await h.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    expect((await h.tally(proposalId)).status).toBe('APPROVED');
    const org1 = await h.admin('Org1MSP');

    await h.must(org1, 'RecordConfigUpdate', proposalId, 'mychannel2', UPDATE, '1');
    await h.must(org1, 'RecordTaskResult', proposalId, 'mychannel2', '1', committed(3));

    expect((await h.proposal(proposalId)).status).toBe('APPLIED');
    expect((await h.member('Org2MSP')).channels).toContain('mychannel2');
  });

  test('when an approved batch timeout commits, the proposal is APPLIED and no member record changes', async () => {
    const h = await ConsortiumHarness.create();
    const before = await h.member('Org1MSP');
    const proposalId = await h.create('Org1MSP', 'UPDATE_CHANNEL', { channel: 'mychannel', change: { kind: 'SET_BATCH_TIMEOUT', timeout: '150ms' } });
    await h.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await h.tally(proposalId);
    const org2 = await h.admin('Org2MSP');

    await h.must(org2, 'RecordConfigUpdate', proposalId, 'mychannel', UPDATE, '1');
    await h.must(org2, 'RecordTaskResult', proposalId, 'mychannel', '1', committed(7));

    expect((await h.proposal(proposalId)).status).toBe('APPLIED');
    expect(await h.member('Org1MSP')).toEqual(before);
  });
});
