import type { CheckName } from './check-names';
import type { ValidationCheck } from './types';

// Enough problems to act on without letting a hostile input bloat the report stored on the ledger.
const MAX_PROBLEMS_IN_DETAIL = 8;

/**
 * Builds a check from the problems found: ok when there are none. The detail lists the first few
 * problems in the order found, which is deterministic because inputs are walked in list order.
 */
export function checkFrom(name: CheckName, problems: string[], okDetail?: string): ValidationCheck {
  if (problems.length === 0) {
    return okDetail === undefined ? { name, ok: true } : { name, ok: true, detail: okDetail };
  }
  const shown = problems.slice(0, MAX_PROBLEMS_IN_DETAIL).join('; ');
  const more = problems.length > MAX_PROBLEMS_IN_DETAIL ? `; and ${problems.length - MAX_PROBLEMS_IN_DETAIL} more` : '';
  return { name, ok: false, detail: shown + more };
}

/** A failed check that was not run because an earlier gate check failed. */
export function skippedCheck(name: CheckName, gate: string): ValidationCheck {
  return { name, ok: false, detail: `not run: ${gate} failed` };
}

/** The message of an unknown thrown value, for report details. */
export function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
