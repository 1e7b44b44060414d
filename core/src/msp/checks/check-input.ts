import type { ChainBuilder } from '../cert-chain';
import type { ParsedMsp } from '../parsed-msp';
import type { MspDefinition } from '../types';
import type { MspValidationContext } from '../validation-context';

/** What every check after the gates receives: input already known to be well shaped and bounded. */
export interface CheckInput {
  msp: MspDefinition;
  parsed: ParsedMsp;
  chains: ChainBuilder;
  ctx: MspValidationContext;
}
