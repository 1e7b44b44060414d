import { assertBeforeDeadline, assertInvitationUsable, computeDeadline, consumeInvitation, isPastDeadline, parseInvitationInput, revokeInvitation, type Invitation } from '../../src';

const NOW = new Date('2030-01-01T00:00:00.000Z');

describe('deadlines', () => {
  test('when no deadline is given, it is seven days after the transaction time', () => {
    expect(computeDeadline(NOW, '')).toBe('2030-01-08T00:00:00.000Z');
  });

  test.each(['59', '7776001', '-5', '1.5', 'soon'])('when deadlineSeconds is %s, it is refused with INVALID_ARGUMENT', (seconds) => {
    expect(() => computeDeadline(NOW, seconds)).toThrow(/^INVALID_ARGUMENT: deadlineSeconds/);
  });

  test('when the clock reaches the deadline exactly, the deadline has passed', () => {
    expect(isPastDeadline('2030-01-01T00:00:00.000Z', NOW)).toBe(true);
    expect(isPastDeadline('2030-01-01T00:00:00.001Z', NOW)).toBe(false);
    expect(() => assertBeforeDeadline('p-1', '2030-01-01T00:00:00.000Z', NOW)).toThrow(/^PROPOSAL_DEADLINE_PASSED/);
  });
});

describe('invitations', () => {
  const invitation = (overrides: Partial<Invitation> = {}): Invitation => ({
    invitationId: 'inv-12345678',
    issuerMspId: 'Org1MSP',
    mspId: 'Org9MSP',
    expiresAt: '2030-01-01T01:00:00.000Z',
    tokenHmac: 'a'.repeat(64),
    status: 'ISSUED',
    issuedAt: '2029-12-31T00:00:00.000Z',
    issuedTxId: 'tx0',
    ...overrides,
  });

  test('when an issued invitation is used in time by its MSP, it passes and is consumed', () => {
    expect(() => assertInvitationUsable(invitation(), 'Org9MSP', NOW)).not.toThrow();
    expect(consumeInvitation(invitation(), 'p-1', NOW.toISOString(), 'tx1')).toMatchObject({ status: 'USED', usedFor: 'p-1', usedTxId: 'tx1' });
  });

  test.each([
    ['used', invitation({ status: 'USED', usedFor: 'p-0' }), 'Org9MSP', 'INVITATION_USED'],
    ['revoked', invitation({ status: 'REVOKED' }), 'Org9MSP', 'INVITATION_REVOKED'],
    ['expired', invitation({ expiresAt: '2030-01-01T00:00:00.000Z' }), 'Org9MSP', 'INVITATION_EXPIRED'],
    ['for another MSP', invitation(), 'Org8MSP', 'INVITATION_MSP_MISMATCH'],
  ])('when an invitation is %s, it is refused with its code', (_what, inv, mspId, code) => {
    expect(() => assertInvitationUsable(inv, mspId, NOW)).toThrow(new RegExp(`^${code}:`));
  });

  test('when a used invitation is revoked, it is refused with INVITATION_USED', () => {
    expect(() => revokeInvitation(invitation({ status: 'USED' }), NOW.toISOString())).toThrow(/^INVITATION_USED/);
  });

  test.each([
    [{ invitationId: 'short', mspId: 'Org9MSP', expiresAt: '2030-01-01T01:00:00Z', tokenHmac: 'a'.repeat(64) }, /invitationId/],
    [{ invitationId: 'inv-12345678', mspId: 'Org9MSP', expiresAt: '2029-12-31T23:00:00Z', tokenHmac: 'a'.repeat(64) }, /expiresAt must be after/],
    [{ invitationId: 'inv-12345678', mspId: 'Org9MSP', expiresAt: '2030-03-01T00:00:00Z', tokenHmac: 'a'.repeat(64) }, /at most/],
    [{ invitationId: 'inv-12345678', mspId: 'Org9MSP', expiresAt: '2030-01-01T01:00:00Z', tokenHmac: 'short' }, /tokenHmac/],
    [{ invitationId: 'inv-12345678', mspId: 'Org9MSP', expiresAt: '2030-01-01T01:00:00Z', tokenHmac: 'a'.repeat(64), token: 'secret' }, /unknown field/],
  ])('when IssueInvitation gets %j, it is refused with INVALID_ARGUMENT', (input, message) => {
    expect(() => parseInvitationInput(input, NOW)).toThrow(/^INVALID_ARGUMENT/);
    expect(() => parseInvitationInput(input, NOW)).toThrow(message);
  });
});
