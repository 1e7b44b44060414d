import { validateJoinRequest, validateMspDefinition, type JoinRequest, type MspDefinition, type MspValidationContext, type ValidationReport } from '@opssc/core';

/**
 * The MSP checks the chaincode runs (core/src/msp, DESIGN.md section 6), behind a small port so that
 * the contract can be constructed with other implementations in tests. Production always uses the
 * defaults: fabric-chaincode-node constructs the contract with no arguments.
 */
export interface MspValidators {
  validateJoinRequest(req: JoinRequest, ctx: MspValidationContext): Promise<ValidationReport>;
  validateMspDefinition(msp: MspDefinition, ctx: MspValidationContext): Promise<ValidationReport>;
}

/** The real validators. */
export const defaultMspValidators: MspValidators = { validateJoinRequest, validateMspDefinition };

/** The names of the failed checks of a report, for MSP_VALIDATION_FAILED messages. */
export function failedChecks(report: ValidationReport): string {
  const names = report.checks.filter((check) => !check.ok).map((check) => check.name);
  return names.length > 0 ? names.join(', ') : 'validation failed';
}
