import { OpsError } from '@opssc/core';

/** Why a channel config operation was refused. Agents branch on these, never on the prose. */
export type ConfigErrorReason =
  | 'NOT_A_CONFIG_BLOCK'
  | 'MALFORMED_CONFIG'
  | 'GROUP_NOT_FOUND'
  | 'ORG_EXISTS'
  | 'ORG_NOT_FOUND'
  | 'CONSENTER_EXISTS'
  | 'CONSENTER_NOT_FOUND'
  | 'LAST_CONSENTER'
  | 'UNSUPPORTED_CONSENSUS'
  | 'INVALID_VALUE'
  | 'NO_CHANGE'
  | 'INVALID_CHANNEL_ID'
  | 'NO_APPLICATION_ORGS'
  | 'NO_CONSENTERS'
  | 'DUPLICATE_MSP_ID';

/**
 * A refused channel config operation. The stable code is `INVALID_ARGUMENT`; `reason` says which rule,
 * e.g. `NO_CHANGE` when the updated config equals the original (an agent treats it as "already applied").
 * The message reads `INVALID_ARGUMENT: NO_CHANGE: ...`.
 */
export class ConfigError extends OpsError {
  constructor(
    readonly reason: ConfigErrorReason,
    detail: string,
  ) {
    super('INVALID_ARGUMENT', `${reason}: ${detail}`);
    this.name = 'ConfigError';
  }
}
