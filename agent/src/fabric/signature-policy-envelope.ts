import { common, msp } from '@hyperledger/fabric-protos';
import { parseSignaturePolicy, type PolicyPrincipal, type PolicyRole, type PolicyRule } from '@opssc/core';

const ROLES: Record<PolicyRole, msp.MSPRole.MSPRoleTypeMap[keyof msp.MSPRole.MSPRoleTypeMap]> = {
  member: msp.MSPRole.MSPRoleType.MEMBER,
  admin: msp.MSPRole.MSPRoleType.ADMIN,
  client: msp.MSPRole.MSPRoleType.CLIENT,
  peer: msp.MSPRole.MSPRoleType.PEER,
  orderer: msp.MSPRole.MSPRoleType.ORDERER,
};

function principalOf({ mspId, role }: PolicyPrincipal): msp.MSPPrincipal {
  const mspRole = new msp.MSPRole();
  mspRole.setMspIdentifier(mspId);
  mspRole.setRole(ROLES[role]);
  const principal = new msp.MSPPrincipal();
  principal.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
  principal.setPrincipal(mspRole.serializeBinary());
  return principal;
}

const signedBy = (index: number) => {
  const rule = new common.SignaturePolicy();
  rule.setSignedBy(index);
  return rule;
};

/**
 * Numbers the principals as Fabric's policydsl does: it evaluates a gate after its nested gates, so the
 * principals of `AND('A.peer', OR('B.peer','C.peer'))` are B, C, then A. Numbering them in the order
 * written would give other bytes than the peer CLI for the same text, and an approval that does not match.
 */
function compile(parsed: PolicyRule, principals: readonly PolicyPrincipal[], identities: msp.MSPPrincipal[]): common.SignaturePolicy {
  const take = (index: number) => signedBy(identities.push(principalOf(principals[index])) - 1);
  if ('signedBy' in parsed) return take(parsed.signedBy);
  const nestedFirst = parsed.nOutOf.rules.map((rule) => ('nOutOf' in rule ? compile(rule, principals, identities) : rule));
  const nOutOf = new common.SignaturePolicy.NOutOf();
  nOutOf.setN(parsed.nOutOf.n);
  nOutOf.setRulesList(nestedFirst.map((rule) => (rule instanceof common.SignaturePolicy ? rule : take(rule.signedBy))));
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(nOutOf);
  return rule;
}

/**
 * Compiles Fabric's signature policy language (`OR('Org1MSP.peer','Org2MSP.peer')`) to the
 * `SignaturePolicyEnvelope` a chaincode definition or a collection carries, with one principal per
 * occurrence, numbered as Fabric's policydsl numbers them: the bytes are those of the peer CLI, so an
 * agent's approval matches one made by hand, and every agent's matches the others'.
 */
export function signaturePolicyEnvelope(text: string): common.SignaturePolicyEnvelope {
  const parsed = parseSignaturePolicy(text);
  const identities: msp.MSPPrincipal[] = [];
  const rule = compile(parsed.rule, parsed.identities, identities);
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setVersion(0);
  envelope.setIdentitiesList(identities);
  envelope.setRule(rule);
  return envelope;
}
