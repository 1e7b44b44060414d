import { peer } from '@hyperledger/fabric-protos';
import type { DefinitionParameters } from './chaincode-definition';

/** A chaincode package installed on a peer, and the committed definitions that use it, per channel. */
export interface InstalledChaincode {
  packageId: string;
  label: string;
  references: Record<string, { name: string; version: string }[]>;
}

/** A chaincode definition committed on a channel. */
export interface CommittedChaincode extends DefinitionParameters {
  name: string;
  /** Which channel members approved this exact definition; only a query by name reports it. */
  approvals?: Record<string, boolean>;
}

/** An org's own approved definition, with the package its peers will run. */
export interface ApprovedChaincode extends DefinitionParameters {
  name: string;
  /** Empty when the org approved without a package (its peers will not endorse). */
  packageId: string;
}

/** The result fields every lifecycle definition result has. */
interface DefinitionResult {
  getSequence(): number;
  getVersion(): string;
  getEndorsementPlugin(): string;
  getValidationPlugin(): string;
  getValidationParameter_asU8(): Uint8Array;
  getInitRequired(): boolean;
  getCollections(): peer.CollectionConfigPackage | undefined;
}

function parametersFrom(result: DefinitionResult): DefinitionParameters {
  return {
    sequence: result.getSequence(),
    version: result.getVersion(),
    endorsementPlugin: result.getEndorsementPlugin(),
    validationPlugin: result.getValidationPlugin(),
    validationParameter: result.getValidationParameter_asU8(),
    initRequired: result.getInitRequired(),
    collections: result.getCollections()?.serializeBinary() ?? new Uint8Array(),
  };
}

function toRecord<V, R>(map: { forEach(callback: (value: V, key: string) => void): void }, convert: (value: V) => R): Record<string, R> {
  const record: Record<string, R> = {};
  map.forEach((value, key) => {
    record[key] = convert(value);
  });
  return record;
}

/** Decodes `QueryInstalledChaincodesResult`. */
export function decodeInstalled(bytes: Uint8Array): InstalledChaincode[] {
  return peer.lifecycle.QueryInstalledChaincodesResult.deserializeBinary(bytes)
    .getInstalledChaincodesList()
    .map((installed) => ({
      packageId: installed.getPackageId(),
      label: installed.getLabel(),
      references: toRecord(installed.getReferencesMap(), (refs: peer.lifecycle.QueryInstalledChaincodesResult.References) =>
        refs.getChaincodesList().map((cc) => ({ name: cc.getName(), version: cc.getVersion() })),
      ),
    }));
}

/** Decodes `QueryChaincodeDefinitionResult` (one definition, with the members' approvals). */
export function decodeCommitted(name: string, bytes: Uint8Array): CommittedChaincode {
  const result = peer.lifecycle.QueryChaincodeDefinitionResult.deserializeBinary(bytes);
  return { name, ...parametersFrom(result), approvals: toRecord(result.getApprovalsMap(), (approved: boolean) => approved) };
}

/** Decodes `QueryChaincodeDefinitionsResult` (every committed definition of the channel). */
export function decodeCommittedList(bytes: Uint8Array): CommittedChaincode[] {
  return peer.lifecycle.QueryChaincodeDefinitionsResult.deserializeBinary(bytes)
    .getChaincodeDefinitionsList()
    .map((definition) => ({ name: definition.getName(), ...parametersFrom(definition) }));
}

/** Decodes `QueryApprovedChaincodeDefinitionResult`. */
export function decodeApproved(name: string, bytes: Uint8Array): ApprovedChaincode {
  const result = peer.lifecycle.QueryApprovedChaincodeDefinitionResult.deserializeBinary(bytes);
  return { name, ...parametersFrom(result), packageId: result.getSource()?.getLocalPackage()?.getPackageId() ?? '' };
}

/** Decodes `CheckCommitReadinessResult`: which members approved the definition as given. */
export function decodeReadiness(bytes: Uint8Array): Record<string, boolean> {
  return toRecord(peer.lifecycle.CheckCommitReadinessResult.deserializeBinary(bytes).getApprovalsMap(), (approved: boolean) => approved);
}
