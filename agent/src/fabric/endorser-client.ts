import { peer } from '@hyperledger/fabric-protos';
import { FabricAdminError } from './fabric-admin-error';
import { newGrpcClient, serializeMessage, type GrpcEndpoint } from './grpc-endpoint';
import { fromGrpcError } from './grpc-error';

/** A connection to one peer's Endorser service (`protos.Endorser/ProcessProposal`). */
export interface EndorserConnection {
  readonly address: string;
  /**
   * Sends a signed proposal and returns the chaincode response payload. A response status of 400 or more
   * is thrown as `PEER_REJECTED` with the peer's message; an unreachable peer as `NODE_UNAVAILABLE`.
   * `what` names the operation in error messages.
   */
  process(signedProposal: peer.SignedProposal, what: string, timeoutMs: number): Promise<Uint8Array>;
  close(): void;
}

const PROCESS_PROPOSAL = '/protos.Endorser/ProcessProposal';

/** Opens a gRPC connection to a peer's Endorser service. The connection is lazy: nothing is dialed yet. */
export function connectEndorser(endpoint: GrpcEndpoint): EndorserConnection {
  const client = newGrpcClient(endpoint);
  const process = (signedProposal: peer.SignedProposal, what: string, timeoutMs: number) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const described = `${what} on peer ${endpoint.address}`;
      const deserialize = (bytes: Buffer) => peer.ProposalResponse.deserializeBinary(bytes);
      client.makeUnaryRequest(PROCESS_PROPOSAL, serializeMessage, deserialize, signedProposal, { deadline: Date.now() + timeoutMs }, (err, response) => {
        if (err || !response) {
          reject(fromGrpcError(err ?? new Error('empty answer'), 'PEER_REJECTED', described));
          return;
        }
        const result = response.getResponse();
        const status = result?.getStatus() ?? 0;
        // Fabric's own threshold (shim.ERRORTHRESHOLD): a status below 400 is a success.
        if (!result || status >= 400) {
          const reason = result?.getMessage() ?? 'no response';
          reject(new FabricAdminError('PEER_REJECTED', `${described}: ${status} ${reason}`, { status, reason }));
          return;
        }
        resolve(result.getPayload_asU8());
      });
    });
  return { address: endpoint.address, process, close: () => client.close() };
}
