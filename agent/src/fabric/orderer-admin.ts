import { common, orderer } from '@hyperledger/fabric-protos';
import { blockNumber, lastConfigIndex } from './block-inspection';
import { FabricAdminError } from './fabric-admin-error';
import { newGrpcClient, serializeMessage, tlsCertHash, type GrpcEndpoint } from './grpc-endpoint';
import { fromGrpcError } from './grpc-error';
import { buildSignedEnvelope } from './signed-envelope';
import type { SigningIdentity } from './signing-identity';

/** A block as the orderer delivered it. */
export interface FetchedBlock {
  number: number;
  block: common.Block;
  /**
   * The block's bytes, to join nodes with or to decode. Re-encoding is exact here: a Block holds only
   * integers and byte strings, so jspb writes back what Fabric wrote.
   */
  bytes: Uint8Array;
}

/** The orderer accepted the envelope for ordering (it is not yet in a block). */
export interface BroadcastResult {
  status: 'SUCCESS';
  info: string;
}

/** The org's own orderer, through its AtomicBroadcast service. */
export interface OrdererAdmin {
  /** The channel's newest config block: the newest block names it in its metadata. */
  fetchLatestConfigBlock(channelId: string): Promise<FetchedBlock>;
  /** One block by number, or the newest or oldest. A number beyond the height fails with `DELIVER_FAILED` (NOT_FOUND). */
  fetchBlock(channelId: string, position: number | 'newest' | 'oldest'): Promise<FetchedBlock>;
  /**
   * Sends an envelope for ordering. A refusal throws `ORDERER_REJECTED` with the orderer's status name in
   * `status` and its info in `reason`; it is retryable only when the orderer is SERVICE_UNAVAILABLE (e.g. Raft
   * has no leader yet).
   */
  broadcast(envelope: common.Envelope | Uint8Array): Promise<BroadcastResult>;
  close(): void;
}

/** How to reach the org's orderer and whom to sign Deliver requests as. */
export interface OrdererAdminOptions {
  endpoint: GrpcEndpoint;
  /** Must satisfy the channel's Readers policy to fetch blocks. */
  identity: SigningIdentity;
  /** Per call; 30 s when absent. */
  timeoutMs?: number;
}

const DELIVER = '/orderer.AtomicBroadcast/Deliver';
const BROADCAST = '/orderer.AtomicBroadcast/Broadcast';

const STATUS_NAMES = new Map<number, string>(Object.entries(common.Status).map(([name, value]) => [value as number, name]));
const statusName = (status: number) => STATUS_NAMES.get(status) ?? String(status);

function seekPosition(position: number | 'newest' | 'oldest'): orderer.SeekPosition {
  const seek = new orderer.SeekPosition();
  if (position === 'newest') seek.setNewest(new orderer.SeekNewest());
  else if (position === 'oldest') seek.setOldest(new orderer.SeekOldest());
  else {
    const specified = new orderer.SeekSpecified();
    specified.setNumber(position);
    seek.setSpecified(specified);
  }
  return seek;
}

/**
 * The settle function of a one-request stream: the first outcome (resolve or reject) wins and cancels the
 * stream; whatever the stream reports after that ('error' on cancel, 'end') changes nothing.
 */
function settleOnce(stream: { cancel(): void }): (outcome: () => void) => void {
  let settled = false;
  return (outcome) => {
    if (settled) return;
    settled = true;
    outcome();
    stream.cancel();
  };
}

/** Connects to an orderer's AtomicBroadcast service; the connection is lazy and closed with `close()`. */
export function connectOrdererAdmin(options: OrdererAdminOptions): OrdererAdmin {
  const { endpoint, identity } = options;
  const client = newGrpcClient(endpoint);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const bindingHash = tlsCertHash(endpoint);

  async function fetchBlock(channelId: string, position: number | 'newest' | 'oldest'): Promise<FetchedBlock> {
    const what = `Deliver block ${position} of ${channelId} from orderer ${endpoint.address}`;
    const seekInfo = new orderer.SeekInfo();
    seekInfo.setStart(seekPosition(position));
    seekInfo.setStop(seekPosition(position));
    // Fail rather than wait when the block does not exist yet: this is a one-shot fetch, not a subscription.
    seekInfo.setBehavior(orderer.SeekInfo.SeekBehavior.FAIL_IF_NOT_READY);
    const envelope = await buildSignedEnvelope(identity, {
      type: common.HeaderType.DELIVER_SEEK_INFO,
      channelId,
      data: seekInfo.serializeBinary(),
      tlsCertHash: bindingHash,
    });
    const block = await new Promise<common.Block>((resolve, reject) => {
      const stream = client.makeBidiStreamRequest(DELIVER, serializeMessage, (bytes: Buffer) => orderer.DeliverResponse.deserializeBinary(bytes), { deadline: Date.now() + timeoutMs });
      let delivered: common.Block | undefined;
      const settle = settleOnce(stream);
      // The orderer sends the block, then a status that ends the request.
      stream.on('data', (response: orderer.DeliverResponse) => {
        if (response.getTypeCase() === orderer.DeliverResponse.TypeCase.BLOCK) {
          delivered = response.getBlock();
          return;
        }
        const status = response.getStatus();
        if (status === common.Status.SUCCESS && delivered) settle(() => resolve(delivered as common.Block));
        else {
          const failure = new FabricAdminError('DELIVER_FAILED', `${what}: ${statusName(status)}`, {
            status: statusName(status),
            retryable: status === common.Status.SERVICE_UNAVAILABLE,
          });
          settle(() => reject(failure));
        }
      });
      stream.on('error', (err) => settle(() => reject(fromGrpcError(err, 'DELIVER_FAILED', what))));
      stream.on('end', () => settle(() => reject(new FabricAdminError('DELIVER_FAILED', `${what}: the stream ended without a status`))));
      stream.write(envelope);
      stream.end();
    });
    return { number: blockNumber(block), block, bytes: block.serializeBinary() };
  }

  return {
    async fetchLatestConfigBlock(channelId) {
      const newest = await fetchBlock(channelId, 'newest');
      const configNumber = lastConfigIndex(newest.block);
      return configNumber === newest.number ? newest : fetchBlock(channelId, configNumber);
    },
    fetchBlock,
    async broadcast(envelope) {
      const message = envelope instanceof Uint8Array ? common.Envelope.deserializeBinary(envelope) : envelope;
      const what = `Broadcast to orderer ${endpoint.address}`;
      return new Promise<BroadcastResult>((resolve, reject) => {
        const stream = client.makeBidiStreamRequest(BROADCAST, serializeMessage, (bytes: Buffer) => orderer.BroadcastResponse.deserializeBinary(bytes), {
          deadline: Date.now() + timeoutMs,
        });
        const settle = settleOnce(stream);
        // One envelope in, one BroadcastResponse out.
        stream.on('data', (response: orderer.BroadcastResponse) => {
          const status = response.getStatus();
          const info = response.getInfo();
          if (status === common.Status.SUCCESS) settle(() => resolve({ status: 'SUCCESS', info }));
          else {
            const failure = new FabricAdminError('ORDERER_REJECTED', `${what}: ${statusName(status)}${info ? `: ${info}` : ''}`, {
              status: statusName(status),
              reason: info,
              retryable: status === common.Status.SERVICE_UNAVAILABLE,
            });
            settle(() => reject(failure));
          }
        });
        stream.on('error', (err) => settle(() => reject(fromGrpcError(err, 'ORDERER_REJECTED', what))));
        stream.on('end', () => settle(() => reject(new FabricAdminError('ORDERER_REJECTED', `${what}: the stream ended without a response`, { retryable: true }))));
        stream.write(message);
        stream.end();
      });
    },
    close: () => client.close(),
  };
}
