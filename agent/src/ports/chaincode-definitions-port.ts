/** A chaincode definition committed on a channel, reduced to what the removal pre-check needs. */
export interface CommittedDefinition {
  name: string;
  /** The serialized `peer.ApplicationPolicy` (the endorsement policy) of the definition. */
  validationParameter: Uint8Array;
}

/** Reads the committed chaincode definitions of a channel from this org's peer. */
export interface ChaincodeDefinitionsPort {
  queryCommitted(channelId: string): Promise<CommittedDefinition[]>;
}
