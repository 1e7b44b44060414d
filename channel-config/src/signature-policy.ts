import { common, msp as mspProto } from '@hyperledger/fabric-protos';

/** The MSP roles a signature policy principal can name, as in `'Org1MSP.peer'`. */
export type MspRoleName = 'member' | 'admin' | 'client' | 'peer' | 'orderer';

const ROLE_TYPES: Record<MspRoleName, mspProto.MSPRole.MSPRoleTypeMap[keyof mspProto.MSPRole.MSPRoleTypeMap]> = {
  member: mspProto.MSPRole.MSPRoleType.MEMBER,
  admin: mspProto.MSPRole.MSPRoleType.ADMIN,
  client: mspProto.MSPRole.MSPRoleType.CLIENT,
  peer: mspProto.MSPRole.MSPRoleType.PEER,
  orderer: mspProto.MSPRole.MSPRoleType.ORDERER,
};

function rolePrincipal(mspId: string, role: MspRoleName): mspProto.MSPPrincipal {
  const mspRole = new mspProto.MSPRole();
  mspRole.setMspIdentifier(mspId);
  mspRole.setRole(ROLE_TYPES[role]);
  const principal = new mspProto.MSPPrincipal();
  principal.setPrincipalClassification(mspProto.MSPPrincipal.Classification.ROLE);
  principal.setPrincipal(mspRole.serializeBinary());
  return principal;
}

/**
 * The signature policy `OR('<mspId>.<role1>', '<mspId>.<role2>', ...)`, encoded as Fabric's policy
 * compiler (policydsl) encodes it: one identity per principal in the order written (never deduplicated),
 * and a 1-out-of-n rule over `signed_by` indexes, even when there is a single principal.
 */
export function anyRolePolicy(mspId: string, roles: readonly MspRoleName[]): common.Policy {
  const rules = roles.map((_, index) => {
    const rule = new common.SignaturePolicy();
    rule.setSignedBy(index);
    return rule;
  });
  const nOutOf = new common.SignaturePolicy.NOutOf();
  nOutOf.setN(1);
  nOutOf.setRulesList(rules);
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(nOutOf);
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setVersion(0);
  envelope.setRule(rule);
  envelope.setIdentitiesList(roles.map((role) => rolePrincipal(mspId, role)));
  const policy = new common.Policy();
  policy.setType(common.Policy.PolicyType.SIGNATURE);
  policy.setValue(envelope.serializeBinary());
  return policy;
}

/** A `ConfigPolicy` holding `policy`, modifiable under `modPolicy`, at version 0. */
export function configPolicy(policy: common.Policy, modPolicy: string): common.ConfigPolicy {
  const result = new common.ConfigPolicy();
  result.setPolicy(policy);
  result.setModPolicy(modPolicy);
  return result;
}
