import { findApiKey, hashApiKey, type ApiKeyRecord } from '../../src/auth/api-keys';
import { FailureRateLimiter } from '../../src/auth/failure-rate-limiter';
import { newInvitationToken, parseInvitationToken, tokenHmac, tokenMatchesHmac } from '../../src/auth/invitation-token';
import { redactString, redactValue } from '../../src/observability/redact';
import { FakeClock } from '../support/fake-clock';

describe('API keys', () => {
  const records: ApiKeyRecord[] = [
    { id: 'a', role: 'admin', sha256: hashApiKey('osk_admin') },
    { id: 'v', role: 'viewer', sha256: hashApiKey('osk_viewer') },
  ];

  it('finds the record of a presented key by its hash', () => {
    expect(findApiKey(records, 'osk_viewer')?.id).toBe('v');
    expect(findApiKey(records, 'osk_other')).toBeUndefined();
  });
});

describe('invitation tokens', () => {
  const key = Buffer.alloc(32, 7);

  it('generates inv_<id>.<256-bit secret> and parses the id back', () => {
    const { invitationId, token } = newInvitationToken({ bytes: (n) => Buffer.alloc(n, 1) });
    expect(token).toBe(`inv_${'01'.repeat(8)}.${Buffer.alloc(32, 1).toString('base64url')}`);
    expect(parseInvitationToken(token)).toEqual({ invitationId });
  });

  it('refuses malformed tokens', () => {
    expect(parseInvitationToken('inv_zz.secret')).toBeUndefined();
    expect(parseInvitationToken('osk_something')).toBeUndefined();
  });

  it('matches a token only against the HMAC of that exact token under that key', () => {
    const { token } = newInvitationToken({ bytes: (n) => Buffer.alloc(n, 2) });
    expect(tokenMatchesHmac(key, token, tokenHmac(key, token))).toBe(true);
    expect(tokenMatchesHmac(Buffer.alloc(32, 8), token, tokenHmac(key, token))).toBe(false);
    expect(tokenMatchesHmac(key, `${token}x`, tokenHmac(key, token))).toBe(false);
    expect(tokenMatchesHmac(key, token, 'not-hex')).toBe(false);
  });
});

describe('failure rate limiter', () => {
  it('blocks a key after the allowed failures, for the rest of the window only', () => {
    const clock = new FakeClock();
    const limiter = new FailureRateLimiter({ maxFailures: 2, windowMs: 60_000 }, clock);
    limiter.recordFailure('ip:1');
    expect(limiter.retryAfterSeconds('ip:1')).toBe(0);
    limiter.recordFailure('ip:1');
    expect(limiter.retryAfterSeconds('ip:1')).toBe(60);
    expect(limiter.retryAfterSeconds('ip:2')).toBe(0);
    clock.advance(45_000);
    expect(limiter.retryAfterSeconds('ip:1')).toBe(15);
    clock.advance(15_000);
    expect(limiter.retryAfterSeconds('ip:1')).toBe(0);
  });

  it('stays bounded in memory under many distinct keys', () => {
    const limiter = new FailureRateLimiter({ maxFailures: 5, windowMs: 60_000 }, new FakeClock());
    for (let i = 0; i < 20_000; i++) limiter.recordFailure(`ip:${i}`);
    expect(limiter.trackedKeys).toBeLessThanOrEqual(10_001);
    // The newest windows are kept, so a current attacker is still counted.
    for (let i = 0; i < 4; i++) limiter.recordFailure('ip:19999');
    expect(limiter.retryAfterSeconds('ip:19999')).toBeGreaterThan(0);
  });
});

describe('log redaction', () => {
  it('scrubs tokens, API keys, bearer credentials and PEM private keys inside strings', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----';
    const text = redactString(`token inv_0123456789abcdef.${'A'.repeat(43)} key osk_abc Bearer xyz ${pem}`);
    expect(text).toBe('token inv_[REDACTED] key osk_[REDACTED] Bearer [REDACTED] [REDACTED PRIVATE KEY]');
  });

  it('replaces secret-named fields at any depth, whatever their value', () => {
    expect(redactValue({ headers: { authorization: 'x', Cookie: 'y' }, tokenHmac: 'h', nested: [{ apiKey: 'k' }], keyId: 'ops' })).toEqual({
      headers: { authorization: '[REDACTED]', Cookie: '[REDACTED]' },
      tokenHmac: '[REDACTED]',
      nested: [{ apiKey: '[REDACTED]' }],
      keyId: 'ops',
    });
  });
});
