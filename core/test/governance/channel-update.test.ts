import { applyMemberChange, effectsOfApplied, OpsError, parseProposalPayload, targetChannels, type Member, type Proposal } from '../../src';

const parse = (payload: unknown) => parseProposalPayload('UPDATE_CHANNEL', payload);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as OpsError).code;
  }
  return 'NO_ERROR';
};

describe('UPDATE_CHANNEL payloads', () => {
  test.each([
    [{ kind: 'ADD_ORG', mspId: 'Org2MSP' }],
    [{ kind: 'REMOVE_ORG', mspId: 'Org2MSP' }],
    [{ kind: 'SET_BATCH_TIMEOUT', timeout: '1m30s' }],
    [{ kind: 'SET_BATCH_SIZE', absoluteMaxBytes: 10_485_760, preferredMaxBytes: 2_097_152 }],
    [{ kind: 'SET_ANCHOR_PEERS', mspId: 'Org1MSP', peers: [{ host: 'peer0.org1.example.com', port: 7051 }] }],
  ])('when the change is %j, it is read as given, on its one channel', (change) => {
    const payload = parse({ channel: 'mychannel', change, description: 'tuning' });

    expect(payload).toEqual({ channel: 'mychannel', change, description: 'tuning' });
    expect(targetChannels('UPDATE_CHANNEL', payload)).toEqual(['mychannel']);
  });

  test.each([
    ['no channel', { change: { kind: 'SET_BATCH_TIMEOUT', timeout: '1s' } }],
    ['a channel name Fabric refuses', { channel: 'My Channel', change: { kind: 'SET_BATCH_TIMEOUT', timeout: '1s' } }],
    ['no change', { channel: 'mychannel' }],
    ['an unknown field', { channel: 'mychannel', change: { kind: 'SET_BATCH_TIMEOUT', timeout: '1s' }, extra: 1 }],
    ['an unknown kind', { channel: 'mychannel', change: { kind: 'CREATE' } }],
    ['a negative timeout', { channel: 'mychannel', change: { kind: 'SET_BATCH_TIMEOUT', timeout: '-1s' } }],
    ['a batch size above 2^32-1', { channel: 'mychannel', change: { kind: 'SET_BATCH_SIZE', maxMessageCount: 2 ** 32 } }],
    ['duplicate anchor peers', { channel: 'mychannel', change: { kind: 'SET_ANCHOR_PEERS', mspId: 'Org1MSP', peers: [{ host: 'a', port: 1 }, { host: 'a', port: 1 }] } }],
    ['an ADD_ORG with anchor peers from the client', { channel: 'mychannel', change: { kind: 'ADD_ORG', mspId: 'Org2MSP', anchorPeers: [] } }],
  ])('when the payload has %s, it is refused with INVALID_ARGUMENT', (_what, payload) => {
    expect(codeOf(() => parse(payload))).toBe('INVALID_ARGUMENT');
  });

  test('when an ADD_ORG or REMOVE_ORG is APPLIED, the channel is added to or removed from the member record; other changes touch no member', () => {
    const member = { mspId: 'Org2MSP', channels: ['ops-channel', 'mychannel'], status: 'ACTIVE' } as Member;
    const applied = (change: object) => effectsOfApplied({ type: 'UPDATE_CHANNEL', payload: { channel: 'mychannel2', change } } as Proposal);
    const after = (change: object) => applyMemberChange(member, applied(change).members[0], 'now', 'tx', 'r')?.channels;

    expect(after({ kind: 'ADD_ORG', mspId: 'Org2MSP' })).toEqual(['ops-channel', 'mychannel', 'mychannel2']);
    expect(applyMemberChange({ ...member, channels: ['mychannel2'] }, applied({ kind: 'REMOVE_ORG', mspId: 'Org2MSP' }).members[0], 'now', 'tx', 'r')?.channels).toEqual([]);
    expect(applied({ kind: 'SET_BATCH_TIMEOUT', timeout: '1s' }).members).toEqual([]);
  });
});
