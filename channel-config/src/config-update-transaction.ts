import { common } from '@hyperledger/fabric-protos';
import { createHash } from 'node:crypto';
import type { Signer } from './config-signature';
import { protoTimestamp } from './protobuf-timestamp';

/** The ConfigUpdateEnvelope: the update's exact bytes plus the orgs' signatures on them. */
export function buildConfigUpdateEnvelope(configUpdateBytes: Uint8Array, signatures: readonly common.ConfigSignature[]): common.ConfigUpdateEnvelope {
  const envelope = new common.ConfigUpdateEnvelope();
  envelope.setConfigUpdate(configUpdateBytes);
  envelope.setSignaturesList([...signatures]);
  return envelope;
}

/** Fabric's transaction ID: lowercase hex SHA-256 of `nonce || creator`. */
export function computeTxId(nonce: Uint8Array, creator: Uint8Array): string {
  return createHash('sha256').update(nonce).update(creator).digest('hex');
}

/** What the submitting org needs to wrap a signed config update into a transaction. */
export interface ConfigUpdateTransactionInput {
  channelId: string;
  configUpdateEnvelope: common.ConfigUpdateEnvelope;
  /** The submitter's SignatureHeader (its creator and a fresh nonce). */
  signatureHeader: common.SignatureHeader;
  /** The channel header timestamp (Fabric's clients use the current time); passed in to keep this deterministic. */
  timestamp: Date;
  /** Signs the payload with the submitter's key. */
  sign: Signer;
}

/**
 * The CONFIG_UPDATE Envelope to broadcast to the orderer: a payload whose ChannelHeader has type
 * CONFIG_UPDATE, epoch 0 and tx ID sha256(nonce || creator), carrying the ConfigUpdateEnvelope, and
 * signed by the submitter. Deterministic for given inputs and signer.
 */
export async function buildConfigUpdateTransaction(input: ConfigUpdateTransactionInput): Promise<common.Envelope> {
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(common.HeaderType.CONFIG_UPDATE);
  channelHeader.setVersion(0);
  channelHeader.setTimestamp(protoTimestamp(input.timestamp));
  channelHeader.setChannelId(input.channelId);
  channelHeader.setTxId(computeTxId(input.signatureHeader.getNonce_asU8(), input.signatureHeader.getCreator_asU8()));
  channelHeader.setEpoch(0);
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  header.setSignatureHeader(input.signatureHeader.serializeBinary());
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(input.configUpdateEnvelope.serializeBinary());
  const payloadBytes = payload.serializeBinary();
  const envelope = new common.Envelope();
  envelope.setPayload(payloadBytes);
  envelope.setSignature(await input.sign(payloadBytes));
  return envelope;
}
