import { common } from '@hyperledger/fabric-protos';
import { createHash } from 'node:crypto';

/**
 * The wire bytes of a ConfigUpdate. These exact bytes are what every org signs, so they are produced once,
 * recorded, and passed around as bytes; never re-serialize a decoded update before signing it.
 */
export function serializeConfigUpdate(update: common.ConfigUpdate): Uint8Array {
  return update.serializeBinary();
}

/** Decodes ConfigUpdate bytes, e.g. an update another org recorded on the ledger. */
export function decodeConfigUpdate(bytes: Uint8Array): common.ConfigUpdate {
  return common.ConfigUpdate.deserializeBinary(bytes);
}

/** The lowercase hex SHA-256 of serialized ConfigUpdate bytes; agents name and compare updates by it. */
export function configUpdateDigest(configUpdateBytes: Uint8Array): string {
  return createHash('sha256').update(configUpdateBytes).digest('hex');
}
