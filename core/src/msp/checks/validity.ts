import { checkFrom } from '../check-result';
import { allCerts } from '../parsed-msp';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

/**
 * `validity-window`: every certificate is valid at the transaction timestamp. The wall clock is never
 * read: every endorsing peer must reach the same verdict for the same transaction.
 */
export function checkValidityWindow({ parsed, ctx }: CheckInput): ValidationCheck {
  const now = ctx.now.getTime();
  if (Number.isNaN(now)) {
    return checkFrom('validity-window', ['the validation time is not a valid date']);
  }
  const problems: string[] = [];
  for (const c of allCerts(parsed)) {
    if (c.cert.notBefore.getTime() > now) {
      problems.push(`${c.field}: not valid before ${c.cert.notBefore.toISOString()}`);
    } else if (c.cert.notAfter.getTime() < now) {
      problems.push(`${c.field}: expired at ${c.cert.notAfter.toISOString()}`);
    }
  }
  return checkFrom('validity-window', problems);
}

/**
 * `remaining-lifetime`: every certificate stays valid for at least the configured minimum after the
 * transaction timestamp, so that an org is not admitted with credentials about to lapse mid-vote.
 */
export function checkRemainingLifetime({ parsed, ctx }: CheckInput): ValidationCheck {
  const now = ctx.now.getTime();
  const minMs = Math.max(0, ctx.minRemainingLifetimeSeconds) * 1000;
  if (Number.isNaN(now) || Number.isNaN(minMs)) {
    return checkFrom('remaining-lifetime', ['the validation time or minimum lifetime is not a number']);
  }
  const problems: string[] = [];
  for (const c of allCerts(parsed)) {
    const remainingMs = c.cert.notAfter.getTime() - now;
    if (remainingMs < minMs) {
      const remainingSeconds = Math.floor(remainingMs / 1000);
      problems.push(`${c.field}: ${remainingSeconds}s left, minimum ${ctx.minRemainingLifetimeSeconds}s`);
    }
  }
  return checkFrom('remaining-lifetime', problems, `minimum ${ctx.minRemainingLifetimeSeconds}s`);
}
