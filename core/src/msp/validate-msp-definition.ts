import { ChainBuilder } from './cert-chain';
import { MSP_CHECK_NAMES } from './check-names';
import { checkInputSize } from './checks/input-size';
import { checkMspStructure } from './checks/structure';
import { mspCheckRunners } from './msp-check-runners';
import { parseCrls } from './parsed-crls';
import { identityCas, parseMsp } from './parsed-msp';
import { runGuarded, skipAfterGate, toReport } from './run-checks';
import type { MspDefinition, ValidationReport } from './types';
import type { MspValidationContext } from './validation-context';

/**
 * Validates an MSP definition deterministically (DESIGN.md section 6): the same `msp` and `ctx` give
 * the same report on every peer. Never throws on bad input; every problem is a failed check.
 * Use {@link validateJoinRequest} for a join request, which adds the node and proof checks.
 */
export async function validateMspDefinition(msp: MspDefinition, ctx: MspValidationContext): Promise<ValidationReport> {
  const structure = checkMspStructure(msp);
  const gates = structure.ok ? [structure, checkInputSize(msp)] : [structure];
  const skipped = skipAfterGate(gates, MSP_CHECK_NAMES);
  if (skipped) return toReport(skipped, MSP_CHECK_NAMES, ctx.now);

  const parsed = parseMsp(msp);
  const crls = await parseCrls(msp.revocationList, identityCas(parsed));
  const input = { msp, parsed, chains: new ChainBuilder(), ctx };
  const checks = await runGuarded(mspCheckRunners(input, crls));
  return toReport([...gates, ...checks], MSP_CHECK_NAMES, ctx.now);
}
