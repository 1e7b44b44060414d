import { common, msp, peer } from '@hyperledger/fabric-protos';

/** `n` of the peers of `mspIds`, e.g. n = 2 of Org1MSP, Org3MSP is AND('Org1MSP.peer','Org3MSP.peer'). */
export function peersPolicy(n: number, mspIds: string[]): common.SignaturePolicyEnvelope {
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setIdentitiesList(
    mspIds.map((mspId) => {
      const role = new msp.MSPRole();
      role.setMspIdentifier(mspId);
      role.setRole(msp.MSPRole.MSPRoleType.PEER);
      const principal = new msp.MSPPrincipal();
      principal.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
      principal.setPrincipal(role.serializeBinary());
      return principal;
    }),
  );
  const nOutOf = new common.SignaturePolicy.NOutOf();
  nOutOf.setN(n);
  nOutOf.setRulesList(
    mspIds.map((_, i) => {
      const rule = new common.SignaturePolicy();
      rule.setSignedBy(i);
      return rule;
    }),
  );
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(nOutOf);
  envelope.setRule(rule);
  return envelope;
}

/** A committed definition's validation parameter with a signature policy. */
export function signaturePolicyParameter(envelope: common.SignaturePolicyEnvelope): Uint8Array {
  const policy = new peer.ApplicationPolicy();
  policy.setSignaturePolicy(envelope);
  return policy.serializeBinary();
}

/** A committed definition's validation parameter referring to a channel config policy. */
export function channelPolicyParameter(reference = '/Channel/Application/Endorsement'): Uint8Array {
  const policy = new peer.ApplicationPolicy();
  policy.setChannelConfigPolicyReference(reference);
  return policy.serializeBinary();
}
