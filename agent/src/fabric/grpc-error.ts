import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { FabricAdminError, type FabricAdminErrorCode } from './fabric-admin-error';

// Transport failures: the request may not have reached the node, so the same request can be tried again.
const TRANSIENT = new Set<number>([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.CANCELLED, GrpcStatus.RESOURCE_EXHAUSTED]);

function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number';
}

/**
 * Maps a gRPC failure to a FabricAdminError. Transport failures become retryable `NODE_UNAVAILABLE`;
 * anything else is the node's answer (a peer returns some proposal errors as gRPC errors) and keeps `code`.
 */
export function fromGrpcError(err: unknown, code: FabricAdminErrorCode, what: string): FabricAdminError {
  if (err instanceof FabricAdminError) return err;
  if (isServiceError(err)) {
    const reason = err.details || err.message;
    if (TRANSIENT.has(err.code)) {
      return new FabricAdminError('NODE_UNAVAILABLE', `${what}: ${GrpcStatus[err.code]}: ${reason}`, { status: GrpcStatus[err.code], cause: err });
    }
    return new FabricAdminError(code, `${what}: ${reason}`, { status: GrpcStatus[err.code], cause: err });
  }
  return new FabricAdminError(code, `${what}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
}
