import { common } from '@hyperledger/fabric-protos';

/** What goes into a ChannelHeader; everything else (version, epoch) is zero as Fabric expects. */
export interface ChannelHeaderInput {
  type: common.HeaderTypeMap[keyof common.HeaderTypeMap];
  /** Empty for peer-scoped calls such as JoinChain or InstallChaincode. */
  channelId: string;
  txId: string;
  timestamp: Date;
  /** For proposals: the serialized ChaincodeHeaderExtension naming the chaincode. */
  extension?: Uint8Array;
  /** SHA-256 of the client TLS certificate, binding the message to a mutual-TLS session. */
  tlsCertHash?: Uint8Array;
}

/** The google.protobuf.Timestamp setters; fabric-protos types the class as `any`. */
interface TimestampMessage {
  setSeconds(seconds: number): void;
  setNanos(nanos: number): void;
}

// ChannelHeader field 3 (timestamp) with an empty body: decoding it makes fabric-protos create a Timestamp
// of its own google-protobuf class, which the agent does not depend on directly.
const EMPTY_TIMESTAMP = Uint8Array.of(0x1a, 0x00);

function timestampOf(date: Date): TimestampMessage {
  const millis = date.getTime();
  if (!Number.isFinite(millis)) throw new TypeError('the channel header timestamp is not a valid date');
  const timestamp = common.ChannelHeader.deserializeBinary(EMPTY_TIMESTAMP).getTimestamp() as TimestampMessage;
  const seconds = Math.floor(millis / 1000);
  timestamp.setSeconds(seconds);
  timestamp.setNanos((millis - seconds * 1000) * 1_000_000);
  return timestamp;
}

/**
 * A ChannelHeader. The timestamp matters: orderers refuse Deliver requests whose timestamp is more than
 * 15 minutes from their clock.
 */
export function newChannelHeader(input: ChannelHeaderInput): common.ChannelHeader {
  const header = new common.ChannelHeader();
  header.setType(input.type);
  header.setVersion(0);
  header.setTimestamp(timestampOf(input.timestamp));
  header.setChannelId(input.channelId);
  header.setTxId(input.txId);
  header.setEpoch(0);
  if (input.extension) header.setExtension$(input.extension);
  if (input.tlsCertHash) header.setTlsCertHash(input.tlsCertHash);
  return header;
}
