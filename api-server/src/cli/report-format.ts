import type { ValidationReport } from '@opssc/core';

/** The validation report as lines for a terminal: one check per line, failures with their detail. */
export function formatReport(report: ValidationReport): string {
  const lines = [`On-chain validation: ${report.ok ? 'passed' : 'FAILED'} (at ${report.validatedAt})`];
  for (const check of report.checks) {
    lines.push(`  ${check.ok ? '✔' : '✘'} ${check.name}${check.detail ? `: ${check.detail}` : ''}`);
  }
  return lines.join('\n');
}
