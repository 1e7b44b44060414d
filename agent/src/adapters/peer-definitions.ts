import type { PeerAdmin } from '../fabric';
import type { ChaincodeDefinitionsPort } from '../ports';

/** Committed chaincode definitions, read from the org's peer (`_lifecycle` QueryChaincodeDefinitions). */
export function peerChaincodeDefinitions(peer: PeerAdmin): ChaincodeDefinitionsPort {
  return {
    async queryCommitted(channelId) {
      const definitions = await peer.queryCommitted(channelId);
      return definitions.map((d) => ({ name: d.name, validationParameter: d.validationParameter }));
    },
  };
}
