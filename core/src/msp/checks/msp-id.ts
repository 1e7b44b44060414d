import { checkFrom } from '../check-result';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

/**
 * A letter, then 1 to 63 letters, digits, dots or hyphens. Narrower than Fabric requires, on purpose:
 * the ID becomes a channel-config group name, a ledger key part and a directory name on every node.
 */
export const MSP_ID_PATTERN = /^[A-Za-z][A-Za-z0-9.-]{1,63}$/;

/** `msp-id-format`: the MSP ID matches {@link MSP_ID_PATTERN}. */
export function checkMspIdFormat({ msp }: CheckInput): ValidationCheck {
  return checkFrom('msp-id-format', MSP_ID_PATTERN.test(msp.mspId) ? [] : [`"${msp.mspId.slice(0, 80)}" does not match ${MSP_ID_PATTERN}`]);
}

/**
 * `msp-id-unique`: no existing member has this MSP ID. Compared case-insensitively because
 * `Org1MSP` next to `org1msp` would be legal in Fabric and a trap for every human reading policies.
 */
export function checkMspIdUnique({ msp, ctx }: CheckInput): ValidationCheck {
  const wanted = msp.mspId.toLowerCase();
  const clash = ctx.existingMembers.find((m) => m.mspId.toLowerCase() === wanted);
  return checkFrom('msp-id-unique', clash ? [`MSP ID already used by member ${clash.mspId}`] : []);
}
