import { common, msp as mspProto } from '@hyperledger/fabric-protos';
import { groupAt, groupsOf, policiesOf } from './config-maps';

/** An MSP principal of a signature policy, decoded. */
export interface Principal {
  classification: 'ROLE' | 'IDENTITY' | 'ORGANIZATION_UNIT' | 'OTHER';
  mspId?: string;
  role?: 'MEMBER' | 'ADMIN' | 'CLIENT' | 'PEER' | 'ORDERER';
}

/** Decides whether the signers (or endorsers) at hand satisfy one principal. */
export type PrincipalTest = (principal: Principal) => boolean;

const ROLE_NAMES = new Map<number, Principal['role']>(
  Object.entries(mspProto.MSPRole.MSPRoleType).map(([name, value]) => [value as number, name as Principal['role']]),
);

/** Decodes a principal far enough to know its org and role. */
export function decodePrincipal(principal: mspProto.MSPPrincipal): Principal {
  const bytes = principal.getPrincipal_asU8();
  switch (principal.getPrincipalClassification()) {
    case mspProto.MSPPrincipal.Classification.ROLE: {
      const role = mspProto.MSPRole.deserializeBinary(bytes);
      return { classification: 'ROLE', mspId: role.getMspIdentifier(), role: ROLE_NAMES.get(role.getRole()) };
    }
    case mspProto.MSPPrincipal.Classification.IDENTITY:
      return { classification: 'IDENTITY', mspId: mspProto.SerializedIdentity.deserializeBinary(bytes).getMspid() };
    case mspProto.MSPPrincipal.Classification.ORGANIZATION_UNIT:
      return { classification: 'ORGANIZATION_UNIT', mspId: mspProto.OrganizationUnit.deserializeBinary(bytes).getMspIdentifier() };
    default:
      return { classification: 'OTHER' };
  }
}

function ruleSatisfied(rule: common.SignaturePolicy | undefined, principals: boolean[]): boolean {
  if (!rule) return false;
  if (rule.getTypeCase() === common.SignaturePolicy.TypeCase.SIGNED_BY) return principals[rule.getSignedBy()] === true;
  const nOutOf = rule.getNOutOf();
  if (!nOutOf) return false;
  return nOutOf.getRulesList().filter((sub) => ruleSatisfied(sub, principals)).length >= nOutOf.getN();
}

/**
 * Whether a signature policy can be satisfied when each principal is satisfied as `test` says. A
 * simplification of Fabric, which also requires distinct signers for repeated principals: an org can
 * always bring one more identity, so this answers "could these orgs satisfy it".
 */
export function signaturePolicySatisfied(envelope: common.SignaturePolicyEnvelope, test: PrincipalTest): boolean {
  const principals = envelope.getIdentitiesList().map((p) => test(decodePrincipal(p)));
  return ruleSatisfied(envelope.getRule(), principals);
}

/** Splits a policy reference into its group path below /Channel and its name, as Fabric resolves it. */
export function resolvePolicy(groupPath: readonly string[], reference: string): { groupPath: string[]; name: string } {
  if (!reference.startsWith('/')) return { groupPath: [...groupPath], name: reference };
  // absolute: /Channel/Application/Admins
  const parts = reference.split('/').filter(Boolean).slice(1);
  return { groupPath: parts.slice(0, -1), name: parts[parts.length - 1] ?? '' };
}

/**
 * Whether the policy `name` of the group at `groupPath` is satisfied: a SIGNATURE policy through `test`,
 * an IMPLICIT_META policy (ANY / ALL / MAJORITY of a sub-policy of each child group) recursively, with
 * Fabric's thresholds (MAJORITY is n/2 + 1). A missing or undecodable policy is never satisfied.
 */
export function configPolicySatisfied(config: common.Config, groupPath: readonly string[], name: string, test: PrincipalTest): boolean {
  const group = groupAt(config, groupPath);
  const policy = group ? policiesOf(group).get(name)?.getPolicy() : undefined;
  if (!group || !policy) return false;
  try {
    if (policy.getType() === common.Policy.PolicyType.SIGNATURE) {
      return signaturePolicySatisfied(common.SignaturePolicyEnvelope.deserializeBinary(policy.getValue_asU8()), test);
    }
    if (policy.getType() === common.Policy.PolicyType.IMPLICIT_META) {
      const meta = common.ImplicitMetaPolicy.deserializeBinary(policy.getValue_asU8());
      const children: string[] = [];
      groupsOf(group).forEach((_child, key) => children.push(key));
      const satisfied = children.filter((key) => configPolicySatisfied(config, [...groupPath, key], meta.getSubPolicy(), test)).length;
      const rule = meta.getRule();
      const threshold =
        rule === common.ImplicitMetaPolicy.Rule.ANY ? 1 : rule === common.ImplicitMetaPolicy.Rule.ALL ? children.length : Math.floor(children.length / 2) + 1;
      return satisfied >= threshold;
    }
  } catch {
    return false;
  }
  return false;
}
