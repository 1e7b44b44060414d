import { type common, peer } from '@hyperledger/fabric-protos';

/** The channel's own endorsement policy, which Fabric uses when a definition names none. */
export const DEFAULT_ENDORSEMENT_POLICY = '/Channel/Application/Endorsement';

/**
 * A chaincode's endorsement policy: a reference to a channel config policy (such as
 * `/Channel/Application/Endorsement`), or a signature policy such as `OR('Org1MSP.peer','Org2MSP.peer')`
 * already compiled to its envelope.
 */
export type EndorsementPolicy = { channelConfigPolicy: string } | { signaturePolicy: common.SignaturePolicyEnvelope };

/** A chaincode definition as orgs approve and commit it on one channel. */
export interface ChaincodeDefinition {
  channelId: string;
  name: string;
  version: string;
  /** 1 for the first definition; each upgrade or parameter change takes the next number. */
  sequence: number;
  /** The channel's `/Channel/Application/Endorsement` when absent. */
  endorsementPolicy?: EndorsementPolicy;
  initRequired?: boolean;
  /** Private data collections; none when absent. Their order is part of the definition's bytes. */
  collections?: peer.CollectionConfigPackage;
  /** `escc` when absent, as Fabric's CLI sends it. */
  endorsementPlugin?: string;
  /** `vscc` when absent, as Fabric's CLI sends it. */
  validationPlugin?: string;
}

/**
 * The parameters Fabric compares when it decides whether two definitions are the same
 * (`ChaincodeParameters.Equal`), in wire form: the package ID is not among them.
 */
export interface DefinitionParameters {
  sequence: number;
  version: string;
  endorsementPlugin: string;
  validationPlugin: string;
  /** The serialized `ApplicationPolicy`. */
  validationParameter: Uint8Array;
  initRequired: boolean;
  /** The serialized `CollectionConfigPackage`; empty when there are no collections. */
  collections: Uint8Array;
}

/** An endorsement policy as the `peer.ApplicationPolicy` a definition, or one of its collections, carries. */
export function applicationPolicy(policy: EndorsementPolicy): peer.ApplicationPolicy {
  const encoded = new peer.ApplicationPolicy();
  if ('channelConfigPolicy' in policy) encoded.setChannelConfigPolicyReference(policy.channelConfigPolicy);
  else encoded.setSignaturePolicy(policy.signaturePolicy);
  return encoded;
}

/** The serialized `peer.ApplicationPolicy` that goes into a definition's validation parameter. */
export function validationParameter(policy: EndorsementPolicy = { channelConfigPolicy: DEFAULT_ENDORSEMENT_POLICY }): Uint8Array {
  return applicationPolicy(policy).serializeBinary();
}

/** The definition's parameters with Fabric's defaults filled in, as the peer stores them. */
export function parametersOf(definition: ChaincodeDefinition): DefinitionParameters {
  return {
    sequence: definition.sequence,
    version: definition.version,
    endorsementPlugin: definition.endorsementPlugin ?? 'escc',
    validationPlugin: definition.validationPlugin ?? 'vscc',
    validationParameter: validationParameter(definition.endorsementPolicy),
    initRequired: definition.initRequired ?? false,
    collections: definition.collections?.serializeBinary() ?? new Uint8Array(),
  };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** True when Fabric would consider both definitions equal (same sequence and parameters). */
export function sameParameters(a: DefinitionParameters, b: DefinitionParameters): boolean {
  return (
    a.sequence === b.sequence &&
    a.version === b.version &&
    a.endorsementPlugin === b.endorsementPlugin &&
    a.validationPlugin === b.validationPlugin &&
    a.initRequired === b.initRequired &&
    sameBytes(a.validationParameter, b.validationParameter) &&
    sameBytes(a.collections, b.collections)
  );
}

/** The arguments fields shared by approve, commit and check-commit-readiness. */
interface DefinitionArgs {
  setSequence(value: number): void;
  setName(value: string): void;
  setVersion(value: string): void;
  setEndorsementPlugin(value: string): void;
  setValidationPlugin(value: string): void;
  setValidationParameter(value: Uint8Array): void;
  setInitRequired(value: boolean): void;
  setCollections(value?: peer.CollectionConfigPackage): void;
}

function fill<T extends DefinitionArgs>(args: T, definition: ChaincodeDefinition): T {
  const parameters = parametersOf(definition);
  args.setSequence(parameters.sequence);
  args.setName(definition.name);
  args.setVersion(parameters.version);
  args.setEndorsementPlugin(parameters.endorsementPlugin);
  args.setValidationPlugin(parameters.validationPlugin);
  args.setValidationParameter(parameters.validationParameter);
  args.setInitRequired(parameters.initRequired);
  if (definition.collections) args.setCollections(definition.collections);
  return args;
}

/** `ApproveChaincodeDefinitionForMyOrgArgs`; the package ID is the org's own installed package. */
export function approveArgs(definition: ChaincodeDefinition, packageId: string): peer.lifecycle.ApproveChaincodeDefinitionForMyOrgArgs {
  const args = fill(new peer.lifecycle.ApproveChaincodeDefinitionForMyOrgArgs(), definition);
  const local = new peer.lifecycle.ChaincodeSource.Local();
  local.setPackageId(packageId);
  const source = new peer.lifecycle.ChaincodeSource();
  source.setLocalPackage(local);
  args.setSource(source);
  return args;
}

/** `CommitChaincodeDefinitionArgs`. */
export function commitArgs(definition: ChaincodeDefinition): peer.lifecycle.CommitChaincodeDefinitionArgs {
  return fill(new peer.lifecycle.CommitChaincodeDefinitionArgs(), definition);
}

/** `CheckCommitReadinessArgs`. */
export function checkCommitReadinessArgs(definition: ChaincodeDefinition): peer.lifecycle.CheckCommitReadinessArgs {
  return fill(new peer.lifecycle.CheckCommitReadinessArgs(), definition);
}
