import { checkFrom } from '../check-result';
import { rootFingerprints } from '../fingerprint';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

/**
 * `root-ca-unique`: no root CA of this MSP is a root CA of an existing member. A shared root would let
 * one org's CA mint identities that both MSPs accept, so the two orgs could impersonate each other.
 */
export function checkRootCaUnique({ parsed, ctx }: CheckInput): ValidationCheck {
  const owners = new Map<string, string>();
  for (const member of ctx.existingMembers) {
    for (const fp of rootFingerprints(member.msp)) {
      if (!owners.has(fp)) owners.set(fp, member.mspId);
    }
  }
  const problems = parsed.roots
    .filter((root) => owners.has(root.fingerprint))
    .map((root) => `${root.field}: root CA ${root.fingerprint} is already a root of ${owners.get(root.fingerprint)}`);
  return checkFrom('root-ca-unique', problems);
}
