import { allChannelsCommitted, assertNewAttempt, changesSnapshot, compositeKey, Keys, membershipSnapshot, parseTaskResultInput, type Member, type Proposal, type TaskResult } from '../../src';

describe('key layout', () => {
  test('when a composite key is encoded, it is byte-identical to fabric-shim createCompositeKey', () => {
    expect(compositeKey(Keys.vote('p-1', 'Org1MSP'))).toBe('\u0000vote\u0000p-1\u0000Org1MSP\u0000');
  });

  test('when attempts are put in keys, attempt 10 sorts after attempt 9', () => {
    const nine = compositeKey(Keys.task('p-1', 'ops-channel', 9));
    const ten = compositeKey(Keys.task('p-1', 'ops-channel', 10));
    expect(nine < ten).toBe(true);
  });

  test('when proposals are indexed by time, newer proposals sort first', () => {
    const older = compositeKey(Keys.proposalByTime('2030-01-01T00:00:00.000Z', 'p-a'));
    const newer = compositeKey(Keys.proposalByTime('2030-01-02T00:00:00.000Z', 'p-b'));
    expect(newer < older).toBe(true);
  });

  test('when a key part contains the separator, it is refused with INVALID_ARGUMENT', () => {
    expect(() => compositeKey(Keys.member('Org1\u0000MSP'))).toThrow(/^INVALID_ARGUMENT/);
  });
});

describe('membership snapshot', () => {
  const member = (mspId: string, status: Member['status'], root = 'ROOT') => ({ mspId, status, msp: { rootCerts: [root] } }) as unknown as Member;

  test('when applicants are proposed or rejected, they are not in the snapshot', () => {
    const snapshot = membershipSnapshot(3, [member('Org2MSP', 'ACTIVE'), member('Org9MSP', 'PROPOSED'), member('Org1MSP', 'APPROVED'), member('Org8MSP', 'REJECTED')]);
    expect(snapshot.members).toEqual([
      { mspId: 'Org1MSP', status: 'APPROVED' },
      { mspId: 'Org2MSP', status: 'ACTIVE' },
    ]);
  });

  test('when an MSP changes, the digest changes', () => {
    const before = membershipSnapshot(1, [member('Org1MSP', 'ACTIVE', 'A')]).digest;
    expect(membershipSnapshot(1, [member('Org1MSP', 'ACTIVE', 'B')]).digest).not.toBe(before);
  });

  test.each([
    [undefined, member('Org9MSP', 'PROPOSED'), false],
    [member('Org9MSP', 'PROPOSED'), member('Org9MSP', 'REJECTED'), false],
    [member('Org9MSP', 'PROPOSED'), member('Org9MSP', 'APPROVED'), true],
    [member('Org9MSP', 'ACTIVE'), member('Org9MSP', 'SUSPENDED'), true],
    [member('Org9MSP', 'ACTIVE'), member('Org9MSP', 'ACTIVE'), false],
    [member('Org9MSP', 'ACTIVE', 'A'), member('Org9MSP', 'ACTIVE', 'B'), true],
    [member('Org9MSP', 'SUSPENDED'), member('Org9MSP', 'REMOVED'), true],
  ])('when a member changes from %j to %j, the snapshot changes: %s', (before, after, expected) => {
    expect(changesSnapshot(before, after)).toBe(expected);
  });
});

describe('apply records', () => {
  const proposal = { id: 'p-1', channels: ['ops-channel', 'app'] } as Proposal;
  const result = (channel: string, attempt: number, status: TaskResult['status']) => ({ channel, attempt, status }) as TaskResult;

  test('when a COMMITTED result carries a reason, or a FAILED one a block number, it is refused', () => {
    expect(() => parseTaskResultInput({ status: 'COMMITTED', blockNumber: 3, reason: 'ok' })).toThrow(/^INVALID_ARGUMENT/);
    expect(() => parseTaskResultInput({ status: 'FAILED', blockNumber: 3, reason: 'x' })).toThrow(/^INVALID_ARGUMENT/);
    expect(() => parseTaskResultInput({ status: 'COMMITTED' })).toThrow(/blockNumber/);
    expect(() => parseTaskResultInput({ status: 'DONE' })).toThrow(/COMMITTED, FAILED or STALE/);
  });

  test('when the first attempt is recorded for a channel of the proposal, it is allowed', () => {
    expect(() => assertNewAttempt(proposal, 'app', 1, undefined, undefined)).not.toThrow();
  });

  test.each([
    ['a channel the proposal does not change', 'other', 1, undefined, /INVALID_ARGUMENT: p-1 does not change channel other/],
    ['attempt 2 before attempt 1 ended', 'app', 2, undefined, /INVALID_ARGUMENT: attempt 1 on app has no STALE or FAILED result/],
    ['a new attempt after a COMMITTED one', 'app', 2, result('app', 1, 'COMMITTED'), /RESULT_EXISTS/],
  ])('when asked for %s, it is refused', (_what, channel, attempt, previous, message) => {
    expect(() => assertNewAttempt(proposal, channel, attempt, undefined, previous)).toThrow(message);
  });

  test('when the only missing channel is the one this transaction commits, every channel has committed', () => {
    expect(allChannelsCommitted(proposal.channels, [result('ops-channel', 1, 'COMMITTED')], 'app')).toBe(true);
    expect(allChannelsCommitted(proposal.channels, [result('ops-channel', 1, 'FAILED')], 'app')).toBe(false);
  });
});
