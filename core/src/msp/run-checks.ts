import type { CheckName } from './check-names';
import { reasonOf, skippedCheck } from './check-result';
import type { ValidationCheck, ValidationReport } from './types';

/** One named check; may be async (CRL signatures go through WebCrypto). */
export type CheckRunner = [CheckName, () => ValidationCheck | Promise<ValidationCheck>];

/**
 * Runs checks one after another, in the given order. A check that throws is reported as failed with
 * the error, never propagated: hostile input can reach corners of the X.509 parsers, and an
 * endorsement must end with a report, not a crash. Sequential, so every peer does the same work in
 * the same order.
 */
export async function runGuarded(runners: CheckRunner[]): Promise<ValidationCheck[]> {
  const checks: ValidationCheck[] = [];
  for (const [name, run] of runners) {
    try {
      checks.push(await run());
    } catch (err) {
      checks.push({ name, ok: false, detail: `check failed: ${reasonOf(err)}` });
    }
  }
  return checks;
}

/** When a gate check failed, every other check is reported as not run, so the name list stays complete. */
export function skipAfterGate(gates: ValidationCheck[], order: readonly CheckName[]): ValidationCheck[] | undefined {
  const failed = gates.find((g) => !g.ok);
  if (!failed) return undefined;
  const gateNames = new Set(gates.map((g) => g.name));
  return [...gates, ...order.filter((n) => !gateNames.has(n)).map((n) => skippedCheck(n, failed.name))];
}

/** Orders checks as in `order` and wraps them in a report; `ok` only when every check passed. */
export function toReport(checks: ValidationCheck[], order: readonly CheckName[], now: Date): ValidationReport {
  const rank = (c: ValidationCheck) => order.indexOf(c.name as CheckName);
  const sorted = [...checks].sort((a, b) => rank(a) - rank(b));
  return {
    ok: sorted.length > 0 && sorted.every((c) => c.ok),
    checks: sorted,
    validatedAt: Number.isNaN(now.getTime()) ? 'invalid-date' : now.toISOString(),
  };
}
