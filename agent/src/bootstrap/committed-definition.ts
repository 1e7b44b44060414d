import { peer } from '@hyperledger/fabric-protos';
import { parametersOf, sameParameters, type ChaincodeDefinition, type CommittedChaincode, type EndorsementPolicy } from '../fabric';
import { BootstrapError } from './bootstrap-error';

function endorsementPolicyOf(committed: CommittedChaincode): EndorsementPolicy | undefined {
  const policy = peer.ApplicationPolicy.deserializeBinary(committed.validationParameter);
  switch (policy.getTypeCase()) {
    case peer.ApplicationPolicy.TypeCase.CHANNEL_CONFIG_POLICY_REFERENCE:
      return { channelConfigPolicy: policy.getChannelConfigPolicyReference() };
    case peer.ApplicationPolicy.TypeCase.SIGNATURE_POLICY: {
      const signaturePolicy = policy.getSignaturePolicy();
      return signaturePolicy ? { signaturePolicy } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The definition to approve so that this org's approval matches the committed one exactly: same version,
 * sequence, plugins, endorsement policy, init flag and collections. Fabric compares these as bytes, so the
 * definition is rebuilt from the committed bytes and then re-encoded and compared; if the encoding would
 * differ in any byte, nothing is approved (an approval of a different definition would not count, and
 * the peer would not endorse).
 */
export function definitionFromCommitted(channelId: string, committed: CommittedChaincode): ChaincodeDefinition {
  const endorsementPolicy = endorsementPolicyOf(committed);
  const definition: ChaincodeDefinition = {
    channelId,
    name: committed.name,
    version: committed.version,
    sequence: committed.sequence,
    ...(endorsementPolicy ? { endorsementPolicy } : {}),
    initRequired: committed.initRequired,
    endorsementPlugin: committed.endorsementPlugin,
    validationPlugin: committed.validationPlugin,
    ...(committed.collections.length > 0 ? { collections: peer.CollectionConfigPackage.deserializeBinary(committed.collections) } : {}),
  };
  if (!endorsementPolicy || !sameParameters(parametersOf(definition), committed)) {
    throw new BootstrapError(
      'DEFINITION_NOT_REPRODUCIBLE',
      `${committed.name} sequence ${committed.sequence} on ${channelId}: the committed parameters do not re-encode to the same bytes; approve it by hand`,
      false,
    );
  }
  return definition;
}
