import { status as GrpcStatus } from '@grpc/grpc-js';
import { CommitStatusError, EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { FabricAdminError } from './fabric-admin-error';

const TRANSIENT = new Set<number>([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED]);

function reasons(err: GatewayError): string {
  // The gateway's own message is generic ("failed to endorse"); each node's detail carries Fabric's reason.
  const details = err.details.map((d) => `${d.mspId}@${d.address}: ${d.message}`);
  return details.length > 0 ? `${err.message} (${details.join('; ')})` : err.message;
}

/**
 * Maps a fabric-gateway failure to a FabricAdminError:
 * - an endorsement refused by a peer is `PEER_REJECTED`;
 * - a refused submit is `ORDERER_REJECTED`;
 * - an unreachable node, or a commit status that did not arrive in time, is retryable `NODE_UNAVAILABLE`
 *   (the transaction may still commit: check its status before sending anything new).
 */
export function fromGatewayError(err: unknown, what: string): FabricAdminError {
  if (err instanceof FabricAdminError) return err;
  if (!(err instanceof GatewayError)) {
    return new FabricAdminError('PEER_REJECTED', `${what}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  }
  const grpcName = GrpcStatus[err.code];
  if (err instanceof CommitStatusError || TRANSIENT.has(err.code)) {
    return new FabricAdminError('NODE_UNAVAILABLE', `${what}: ${reasons(err)}`, { status: grpcName, cause: err, retryable: true });
  }
  const code = err instanceof EndorseError || err.name !== 'SubmitError' ? 'PEER_REJECTED' : 'ORDERER_REJECTED';
  return new FabricAdminError(code, `${what}: ${reasons(err)}`, { status: grpcName, cause: err });
}
