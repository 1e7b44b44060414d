import type { MspDefinition, MspValidationContext, ValidationReport } from '../../src/msp';

/** A fixed transaction time, years ahead of the wall clock: a validator reading the clock fails every test. */
export const NOW = new Date('2031-03-15T12:00:00.000Z');

export const DAY_SECONDS = 86_400;
export const DAY_MS = DAY_SECONDS * 1000;

/** The validation context of a chaincode transaction at {@link NOW}, with the given members. */
export function contextAt(now: Date = NOW, existingMembers: { mspId: string; msp: MspDefinition }[] = []): MspValidationContext {
  return { now, minRemainingLifetimeSeconds: 30 * DAY_SECONDS, existingMembers };
}

/** Names of the failed checks, in report order. */
export function failedChecks(report: ValidationReport): string[] {
  return report.checks.filter((c) => !c.ok).map((c) => c.name);
}

/** The detail of a named check, for asserting on the reason. */
export function detailOf(report: ValidationReport, name: string): string {
  const check = report.checks.find((c) => c.name === name);
  if (!check) throw new Error(`no check named ${name} in report`);
  return check.detail ?? '';
}
