import { common } from '@hyperledger/fabric-protos';

/** The google.protobuf.Timestamp methods used here (fabric-protos' typings leave the class untyped). */
interface TimestampMessage {
  setSeconds(seconds: number): void;
  setNanos(nanos: number): void;
}

// ChannelHeader field 3 (timestamp), wire type 2, length 0: an empty Timestamp.
const EMPTY_TIMESTAMP_FIELD = Uint8Array.of(0x1a, 0x00);

/**
 * A google.protobuf.Timestamp for `date`, of the exact class fabric-protos uses. fabric-protos does not
 * export the class and core does not depend on google-protobuf directly (a second copy of it could be
 * resolved, or none at all in a bundle), so an empty timestamp is decoded through ChannelHeader, which
 * makes fabric-protos instantiate its own Timestamp, and is then filled in.
 */
export function protoTimestamp(date: Date): unknown {
  const millis = date.getTime();
  if (!Number.isFinite(millis)) {
    throw new TypeError('the timestamp is not a valid date');
  }
  const timestamp = common.ChannelHeader.deserializeBinary(EMPTY_TIMESTAMP_FIELD).getTimestamp() as TimestampMessage;
  const seconds = Math.floor(millis / 1000);
  timestamp.setSeconds(seconds);
  timestamp.setNanos((millis - seconds * 1000) * 1_000_000);
  return timestamp;
}
