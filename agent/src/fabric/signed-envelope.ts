import { common } from '@hyperledger/fabric-protos';
import { newChannelHeader } from './channel-header';
import { computeTxId } from './proposal-builder';
import type { SigningIdentity } from './signing-identity';

/** What a signed envelope carries. */
export interface EnvelopeSpec {
  type: common.HeaderTypeMap[keyof common.HeaderTypeMap];
  channelId: string;
  /** The serialized message the payload carries, e.g. a `SeekInfo` or a `ConfigUpdateEnvelope`. */
  data: Uint8Array;
  /** SHA-256 of the client TLS certificate, for nodes that require mutual TLS. */
  tlsCertHash?: Uint8Array;
}

/** An envelope whose payload is signed by the identity, with a fresh nonce and the current time. */
export async function buildSignedEnvelope(identity: SigningIdentity, spec: EnvelopeSpec, timestamp = new Date()): Promise<common.Envelope> {
  const signatureHeader = identity.newSignatureHeader();
  const channelHeader = newChannelHeader({
    type: spec.type,
    channelId: spec.channelId,
    txId: computeTxId(signatureHeader.getNonce_asU8(), signatureHeader.getCreator_asU8()),
    timestamp,
    tlsCertHash: spec.tlsCertHash,
  });
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  header.setSignatureHeader(signatureHeader.serializeBinary());
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(spec.data);
  const payloadBytes = payload.serializeBinary();
  const envelope = new common.Envelope();
  envelope.setPayload(payloadBytes);
  envelope.setSignature(await identity.sign(payloadBytes));
  return envelope;
}
