import { common, msp } from '@hyperledger/fabric-protos';
import { parseSignaturePolicy, type PolicyRole, type PolicyRule } from '@opssc/core';

const ROLES: Record<PolicyRole, msp.MSPRole.MSPRoleTypeMap[keyof msp.MSPRole.MSPRoleTypeMap]> = {
  member: msp.MSPRole.MSPRoleType.MEMBER,
  admin: msp.MSPRole.MSPRoleType.ADMIN,
  client: msp.MSPRole.MSPRoleType.CLIENT,
  peer: msp.MSPRole.MSPRoleType.PEER,
  orderer: msp.MSPRole.MSPRoleType.ORDERER,
};

function ruleOf(parsed: PolicyRule): common.SignaturePolicy {
  const rule = new common.SignaturePolicy();
  if ('signedBy' in parsed) {
    rule.setSignedBy(parsed.signedBy);
    return rule;
  }
  const nOutOf = new common.SignaturePolicy.NOutOf();
  nOutOf.setN(parsed.nOutOf.n);
  nOutOf.setRulesList(parsed.nOutOf.rules.map(ruleOf));
  rule.setNOutOf(nOutOf);
  return rule;
}

/**
 * Compiles Fabric's signature policy language (`OR('Org1MSP.peer','Org2MSP.peer')`) to the
 * `SignaturePolicyEnvelope` a chaincode definition carries, one principal per occurrence as Fabric's
 * policydsl does. Every agent compiles the same text to the same bytes, so their approvals match.
 */
export function signaturePolicyEnvelope(text: string): common.SignaturePolicyEnvelope {
  const parsed = parseSignaturePolicy(text);
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setVersion(0);
  envelope.setIdentitiesList(
    parsed.identities.map(({ mspId, role }) => {
      const mspRole = new msp.MSPRole();
      mspRole.setMspIdentifier(mspId);
      mspRole.setRole(ROLES[role]);
      const principal = new msp.MSPPrincipal();
      principal.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
      principal.setPrincipal(mspRole.serializeBinary());
      return principal;
    }),
  );
  envelope.setRule(ruleOf(parsed.rule));
  return envelope;
}
