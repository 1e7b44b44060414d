import { common, msp } from '@hyperledger/fabric-protos';

/**
 * The signature policy `OR('<msp1>.peer', '<msp2>.peer', ...)` laid out as Fabric's policy compiler lays it out:
 * one ROLE principal per org in the order written, and a 1-out-of-n rule over their indexes.
 */
export function anyPeerOf(...mspIds: string[]): common.SignaturePolicyEnvelope {
  const envelope = new common.SignaturePolicyEnvelope();
  const rules = mspIds.map((mspId, i) => {
    const role = new msp.MSPRole();
    role.setMspIdentifier(mspId);
    role.setRole(msp.MSPRole.MSPRoleType.PEER);
    const principal = new msp.MSPPrincipal();
    principal.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
    principal.setPrincipal(role.serializeBinary());
    envelope.addIdentities(principal);
    const rule = new common.SignaturePolicy();
    rule.setSignedBy(i);
    return rule;
  });
  const nOutOf = new common.SignaturePolicy.NOutOf();
  nOutOf.setN(1);
  nOutOf.setRulesList(rules);
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(nOutOf);
  envelope.setRule(rule);
  return envelope;
}
