import { createHash, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';

/** A peer's or orderer's gRPC endpoint, always over TLS. */
export interface GrpcEndpoint {
  /** `host:port`. */
  address: string;
  /** PEM of the TLS CA certificate(s) that issued the node's server certificate. */
  tlsRootCert: Uint8Array;
  /** The name to expect in the node's certificate when `address` does not carry it (e.g. dialing an IP). */
  hostnameOverride?: string;
  /** The client TLS pair, for nodes that require mutual TLS. */
  clientTls?: { cert: Uint8Array; key: Uint8Array };
}

/** The same endpoint with its TLS material given as file paths, as the agent's config gives it. */
export interface GrpcEndpointFiles {
  address: string;
  tlsRootCertFile: string;
  hostnameOverride?: string;
  clientCertFile?: string;
  clientKeyFile?: string;
}

// Fabric's own gRPC limit is 100 MiB. grpc-js defaults to 4 MiB for received messages, which a chaincode
// package or a large block can exceed.
const MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

/** Reads an endpoint's TLS files once, failing fast on a missing file or a half-configured client pair. */
export async function readGrpcEndpoint(files: GrpcEndpointFiles): Promise<GrpcEndpoint> {
  if (Boolean(files.clientCertFile) !== Boolean(files.clientKeyFile)) {
    throw new Error(`the client TLS certificate and key for ${files.address} must be given together`);
  }
  const endpoint: GrpcEndpoint = { address: files.address, tlsRootCert: await readFile(files.tlsRootCertFile) };
  if (files.hostnameOverride) endpoint.hostnameOverride = files.hostnameOverride;
  if (files.clientCertFile && files.clientKeyFile) {
    endpoint.clientTls = { cert: await readFile(files.clientCertFile), key: await readFile(files.clientKeyFile) };
  }
  return endpoint;
}

/** A gRPC client connection to the endpoint; the caller closes it. */
export function newGrpcClient(endpoint: GrpcEndpoint): grpc.Client {
  return new grpc.Client(endpoint.address, grpcCredentials(endpoint), grpcClientOptions(endpoint));
}

/** TLS channel credentials, with the client pair when mutual TLS is configured. */
export function grpcCredentials(endpoint: GrpcEndpoint): grpc.ChannelCredentials {
  const root = Buffer.from(endpoint.tlsRootCert);
  if (!endpoint.clientTls) return grpc.credentials.createSsl(root);
  return grpc.credentials.createSsl(root, Buffer.from(endpoint.clientTls.key), Buffer.from(endpoint.clientTls.cert));
}

/** Channel options: Fabric's message size limit and the TLS name override. */
export function grpcClientOptions(endpoint: GrpcEndpoint): grpc.ClientOptions {
  const options: grpc.ClientOptions = {
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  };
  if (endpoint.hostnameOverride) {
    options['grpc.ssl_target_name_override'] = endpoint.hostnameOverride;
    options['grpc.default_authority'] = endpoint.hostnameOverride;
  }
  return options;
}

/**
 * SHA-256 of the client TLS certificate (DER), for the channel header's `tls_cert_hash`. An orderer that
 * requires mutual TLS refuses Deliver requests whose header does not bind them to the TLS session this way.
 */
export function tlsCertHash(endpoint: GrpcEndpoint): Uint8Array | undefined {
  if (!endpoint.clientTls) return undefined;
  const der = new X509Certificate(Buffer.from(endpoint.clientTls.cert)).raw;
  return createHash('sha256').update(der).digest();
}

/**
 * Serializes any protobuf message for a raw gRPC call. Calls go through `grpc.Client` with explicit method
 * paths, as fabric-gateway does, rather than through the generated service clients: those check arguments
 * with `instanceof`, which fails whenever a process holds two instances of the generated classes (two copies
 * of fabric-protos, or a test runner that loaded them twice).
 */
export function serializeMessage(message: { serializeBinary(): Uint8Array }): Buffer {
  return Buffer.from(message.serializeBinary());
}
