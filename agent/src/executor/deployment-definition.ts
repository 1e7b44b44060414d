import { peer } from '@hyperledger/fabric-protos';
import type { CollectionSpec, DeployChaincodePayload, DeployEndorsementPolicy } from '@opssc/core';
import { applicationPolicy, type ChaincodeDefinition, type EndorsementPolicy } from '../fabric/chaincode-definition';
import { signaturePolicyEnvelope } from '../fabric/signature-policy-envelope';

function endorsementPolicy(policy: DeployEndorsementPolicy): EndorsementPolicy {
  return 'signaturePolicy' in policy ? { signaturePolicy: signaturePolicyEnvelope(policy.signaturePolicy) } : { channelConfigPolicy: policy.channelConfigPolicy };
}

function staticCollection(spec: CollectionSpec): peer.CollectionConfig {
  const members = new peer.CollectionPolicyConfig();
  members.setSignaturePolicy(signaturePolicyEnvelope(spec.policy));
  const collection = new peer.StaticCollectionConfig();
  collection.setName(spec.name);
  collection.setMemberOrgsPolicy(members);
  collection.setRequiredPeerCount(spec.requiredPeerCount);
  collection.setMaximumPeerCount(spec.maxPeerCount);
  collection.setBlockToLive(spec.blockToLive);
  collection.setMemberOnlyRead(spec.memberOnlyRead);
  collection.setMemberOnlyWrite(spec.memberOnlyWrite);
  if (spec.endorsementPolicy) collection.setEndorsementPolicy(applicationPolicy(endorsementPolicy(spec.endorsementPolicy)));
  const config = new peer.CollectionConfig();
  config.setStaticCollectionConfig(collection);
  return config;
}

/**
 * The `CollectionConfigPackage` of a payload's collections, in the payload's order: what Fabric's peer
 * CLI builds from the same collections_config.json (`getCollectionConfigFromBytes`), to the byte, since
 * Fabric counts an org's approval only if its collections bytes are those of the definition committed.
 */
export function collectionConfigPackage(specs: readonly CollectionSpec[]): peer.CollectionConfigPackage {
  const collections = new peer.CollectionConfigPackage();
  collections.setConfigList(specs.map(staticCollection));
  return collections;
}

/** The chaincode definition an approved DEPLOY_CHAINCODE payload describes, identical for every org. */
export function definitionOfPayload(payload: DeployChaincodePayload): ChaincodeDefinition {
  return {
    channelId: payload.channel,
    name: payload.name,
    version: payload.version,
    sequence: payload.sequence,
    ...(payload.endorsementPolicy ? { endorsementPolicy: endorsementPolicy(payload.endorsementPolicy) } : {}),
    initRequired: payload.initRequired ?? false,
    ...(payload.collections ? { collections: collectionConfigPackage(payload.collections) } : {}),
  };
}

/** True when enough orgs approved to commit: a majority of the channel's orgs, or every one of them. */
export function readyToCommit(readiness: Record<string, boolean>): boolean {
  const orgs = Object.keys(readiness);
  const approved = orgs.filter((mspId) => readiness[mspId]).length;
  return orgs.length > 0 && (approved > orgs.length / 2 || approved === orgs.length);
}
