import type { DeployChaincodePayload } from '@opssc/core';
import type { ChaincodeDefinition } from '../fabric/chaincode-definition';
import { signaturePolicyEnvelope } from '../fabric/signature-policy-envelope';

/** The chaincode definition an approved DEPLOY_CHAINCODE payload describes, identical for every org. */
export function definitionOfPayload(payload: DeployChaincodePayload): ChaincodeDefinition {
  const policy = payload.endorsementPolicy;
  return {
    channelId: payload.channel,
    name: payload.name,
    version: payload.version,
    sequence: payload.sequence,
    ...(policy ? { endorsementPolicy: 'signaturePolicy' in policy ? { signaturePolicy: signaturePolicyEnvelope(policy.signaturePolicy) } : { channelConfigPolicy: policy.channelConfigPolicy } } : {}),
    initRequired: payload.initRequired ?? false,
  };
}

/** True when enough orgs approved to commit: a majority of the channel's orgs, or every one of them. */
export function readyToCommit(readiness: Record<string, boolean>): boolean {
  const orgs = Object.keys(readiness);
  const approved = orgs.filter((mspId) => readiness[mspId]).length;
  return orgs.length > 0 && (approved > orgs.length / 2 || approved === orgs.length);
}
